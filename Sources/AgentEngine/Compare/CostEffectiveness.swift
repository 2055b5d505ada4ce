/// An effect a policy pays for, measured as the paired difference from the
/// reference of one column of the time series, times `scale` (100 turns a
/// 0–1 share or index into points).
public struct CostMeasure: Sendable {
    public let name: String
    public let unit: String
    public let column: String
    public let scale: Double

    public init(_ name: String, unit: String, column: String, scale: Double = 1) {
        self.name = name
        self.unit = unit
        self.column = column
        self.scale = scale
    }
}

/// One row of `cost_effectiveness.csv`: what one scenario spent of public
/// money and what one effect cost per unit, at the last tick:
///
///     eur_per_unit = public_spending / effect
///
/// (0 when nothing was spent). Its interval divides the public spending by
/// the ends of the effect's paired 95 % interval, sorted, when that interval
/// excludes 0; when it holds 0 the effect is not distinguishable from 0 and
/// the cost per unit has no finite bound, so the interval is empty.
public struct CostEffectivenessRow: Sendable {
    public let scenario: String
    public let spending: SampleSummary
    public let measure: CostMeasure
    /// The paired difference of the measure's column, unscaled.
    public let effect: DifferenceInterval

    public init(scenario: String, spending: [Double], measure: CostMeasure, values: [Double], reference: [Double]) {
        self.scenario = scenario
        self.spending = SampleSummary(spending)
        self.measure = measure
        effect = DifferenceInterval(values, minus: reference)
    }

    public var scaledEffect: Double { effect.difference * measure.scale }
    public var scaledInterval: ConfidenceInterval? {
        effect.paired.map { ConfidenceInterval(low: $0.low * measure.scale, high: $0.high * measure.scale) }
    }

    public var eurPerUnit: Double {
        let spent = spending.mean
        if spent == 0 { return 0 }
        let ratio = spent / scaledEffect
        return ratio.isFinite ? ratio : .nan
    }

    public var eurPerUnitInterval: ConfidenceInterval? {
        guard let effect = scaledInterval, effect.excludesZero, spending.mean.isFinite else { return nil }
        // + 0 turns the −0 of 0 / negative into 0.
        let ends = [spending.mean / effect.low + 0, spending.mean / effect.high + 0].sorted()
        return ConfidenceInterval(low: ends[0], high: ends[1])
    }

    /// The columns of `cost_effectiveness.csv`, declared once.
    public static let columns = ColumnTable<CostEffectivenessRow>([
        .text("scenario", "Scenario name (every scenario but the reference, in the order given).") { $0.scenario },
        .number("public_spending", unit: "EUR",
                "Public money the scenario spent up to the last tick: mean over replicates of public_spending_cumulative; empty when the column is missing.") { $0.spending.mean },
        .number("public_spending_low", unit: "EUR", "Low end of its 95 % t interval over replicates; empty with fewer than 2 replicates.") { $0.spending.meanInterval?.low ?? .nan },
        .number("public_spending_high", unit: "EUR", "High end of its 95 % t interval over replicates.") { $0.spending.meanInterval?.high ?? .nan },
        .text("measure", "The effect paid for: extra_adopters (members), extra_surviving_firms (firms_alive), extra_cohort_survival_points (cohort_survival × 100), <dimension>_points (<dimension>_mean × 100).") { $0.measure.name },
        .text("unit", "Unit of the effect: firms, percentage points, or points (0.01 of a 0–1 index).") { $0.measure.unit },
        .number("effect", "The measure's paired difference from the reference at the last tick (see comparison.csv), in its unit; empty when its column is missing.") { $0.scaledEffect },
        .number("effect_low", "Low end of the effect's paired 95 % interval; empty with fewer than 2 paired replicates.") { $0.scaledInterval?.low ?? .nan },
        .number("effect_high", "High end of the effect's paired 95 % interval.") { $0.scaledInterval?.high ?? .nan },
        .number("eur_per_unit", unit: "EUR per unit",
                "public_spending / effect: euros per unit of effect (negative when the effect is negative); 0 when nothing was spent; empty when the effect is 0 or missing.") { $0.eurPerUnit },
        .number("eur_per_unit_low", unit: "EUR per unit",
                "public_spending divided by the ends of the effect's paired 95 % interval, the lower of the two; empty when that interval holds 0: the effect is not distinguishable from 0, so the cost per unit has no finite bound.") { $0.eurPerUnitInterval?.low ?? .nan },
        .number("eur_per_unit_high", unit: "EUR per unit",
                "The higher of the two; empty when the effect's interval holds 0 (the effect is not distinguishable from 0).") { $0.eurPerUnitInterval?.high ?? .nan },
    ])
}
