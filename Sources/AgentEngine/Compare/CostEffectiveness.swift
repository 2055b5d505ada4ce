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
/// money, how much more than the reference, and what one effect cost per
/// unit, at the last tick:
///
///     eur_per_unit = mean(extra spending) / mean(effect)
///
/// both paired by replicate (extra spending dsᵣ = spendingᵣ − referenceᵣ,
/// effect deᵣ the measure's paired difference), with Fieller's 95 % interval
/// (`RatioInterval`), which accounts for the spread of both and their
/// correlation; it is empty when the effect is not distinguishable from 0
/// (the cost per unit then has no finite bound). 0 when no extra money was
/// spent.
public struct CostEffectivenessRow: Sendable {
    public let scenario: String
    public let spending: SampleSummary
    /// The paired difference of public spending from the reference's.
    public let extraSpending: DifferenceInterval
    public let measure: CostMeasure
    /// The paired difference of the measure's column, unscaled.
    public let effect: DifferenceInterval
    /// Extra spending over the scaled effect, paired by replicate.
    public let costPerUnit: RatioInterval

    public init(scenario: String, spending: [Double], referenceSpending: [Double], measure: CostMeasure,
                values: [Double], reference: [Double]) {
        self.scenario = scenario
        self.spending = SampleSummary(spending)
        extraSpending = DifferenceInterval(spending, minus: referenceSpending)
        self.measure = measure
        effect = DifferenceInterval(values, minus: reference)
        let extra = zip(spending, referenceSpending).map { $0 - $1 }
        let effects = zip(values, reference).map { ($0 - $1) * measure.scale }
        costPerUnit = RatioInterval(extra, over: effects)
    }

    public var scaledEffect: Double { effect.difference * measure.scale }
    public var scaledInterval: ConfidenceInterval? {
        effect.paired.map { ConfidenceInterval(low: $0.low * measure.scale, high: $0.high * measure.scale) }
    }

    /// No extra money: nothing paid per unit.
    private var spentNothingExtra: Bool { extraSpending.difference == 0 }

    public var eurPerUnit: Double { spentNothingExtra ? 0 : costPerUnit.ratio }

    public var eurPerUnitInterval: ConfidenceInterval? {
        guard spentNothingExtra else { return costPerUnit.interval }
        return scaledInterval?.excludesZero == true ? ConfidenceInterval(low: 0, high: 0) : nil
    }

    /// The columns of `cost_effectiveness.csv`, declared once.
    public static let columns = ColumnTable<CostEffectivenessRow>([
        .text("scenario", "Scenario name (every scenario but the reference, in the order given).") { $0.scenario },
        .number("public_spending", unit: "EUR",
                "Public money the scenario spent up to the last tick: mean over replicates of public_spending_cumulative; empty when the column is missing.") { $0.spending.mean },
        .number("public_spending_low", unit: "EUR", "Low end of its 95 % t interval over replicates; empty with fewer than 2 replicates.") { $0.spending.meanInterval?.low ?? .nan },
        .number("public_spending_high", unit: "EUR", "High end of its 95 % t interval over replicates.") { $0.spending.meanInterval?.high ?? .nan },
        .number("extra_public_spending", unit: "EUR",
                "Public money spent beyond the reference's: the paired difference of public_spending_cumulative at the last tick (equal to public_spending when the reference spends nothing).") { $0.extraSpending.difference },
        .number("extra_public_spending_low", unit: "EUR", "Low end of its paired 95 % interval.") { $0.extraSpending.paired?.low ?? .nan },
        .number("extra_public_spending_high", unit: "EUR", "High end of its paired 95 % interval.") { $0.extraSpending.paired?.high ?? .nan },
        .text("measure", "The effect paid for: extra_adopters (members), extra_surviving_firms (firms_alive), extra_cohort_survival_points (cohort_survival × 100), <dimension>_points (<dimension>_mean × 100).") { $0.measure.name },
        .text("unit", "Unit of the effect: firms, percentage points, or points (0.01 of a 0–1 index).") { $0.measure.unit },
        .number("effect", "The measure's paired difference from the reference at the last tick (see comparison.csv), in its unit; empty when its column is missing.") { $0.scaledEffect },
        .number("effect_low", "Low end of the effect's paired 95 % interval; empty with fewer than 2 paired replicates.") { $0.scaledInterval?.low ?? .nan },
        .number("effect_high", "High end of the effect's paired 95 % interval.") { $0.scaledInterval?.high ?? .nan },
        .number("eur_per_unit", unit: "EUR per unit",
                "mean(extra public spending) / mean(effect), paired by replicate: euros per unit of effect (negative when the effect is negative); 0 when no extra money was spent; empty when the effect is 0 or missing.") { $0.eurPerUnit },
        .number("eur_per_unit_low", unit: "EUR per unit",
                "Low end of Fieller's 95 % interval of that ratio (from the replicates' extra spending and effect, their spread and correlation); empty when the effect is not distinguishable from 0, so the cost per unit has no finite bound.") { $0.eurPerUnitInterval?.low ?? .nan },
        .number("eur_per_unit_high", unit: "EUR per unit",
                "High end of Fieller's 95 % interval; empty when the effect is not distinguishable from 0.") { $0.eurPerUnitInterval?.high ?? .nan },
    ])
}
