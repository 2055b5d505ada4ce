import AgentEngine
import SMEModel

/// The scenarios of a comparison, side by side: each one's time series at
/// the compared ticks, by replicate, and the rows of `comparison.csv` and
/// `cost_effectiveness.csv` computed from them. The reference comes first.
///
/// Outcomes are the numeric columns (integer, number, boolean) of the
/// model's time series that the reference and at least one other scenario
/// have, in the model's order; a scenario without a column has no rows for
/// it. Ticks are the multiples of `every` up to the last tick every
/// scenario has (the shortest horizon), and that last tick.
struct Comparison {
    let names: [String]
    let samples: [ReplicateSamples]

    /// The columns read from each time series: every numeric column of the
    /// model's, and those the cost measures and the summary name.
    static let columns: [String] = {
        let numeric = SMESimulation.timeseries.specs.filter { $0.kind != .string }.map(\.name)
        let named = [SMESimulation.publicSpendingColumn] + SMESimulation.costMeasures.map(\.column) + SMESimulation.headlineOutcomes
        var seen = Set<String>()
        return (numeric + named).filter { seen.insert($0).inserted }
    }()

    static let modelOutcomes = Set(SMESimulation.timeseries.specs.filter { $0.kind != .string }.map(\.name))

    /// Multiples of `every` up to `last`, and `last`.
    static func ticks(last: Int, every: Int) -> [Int] {
        let multiples = Array(stride(from: 0, through: last, by: every))
        return multiples.last == last ? multiples : multiples + [last]
    }

    private static let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })

    var ticks: [Int] { samples[0].ticks }
    var lastTick: Int { ticks.count - 1 }

    /// The values of `column` at tick index `tick` of scenario `scenario`,
    /// by replicate; nil when its time series lacks the column.
    func values(_ scenario: Int, _ column: String, tick: Int) -> [Double]? {
        guard let k = Self.position[column], samples[scenario].present[k] else { return nil }
        return samples[scenario].sample(column: k, tick: tick)
    }

    /// Every row of `comparison.csv`: by outcome, tick, then scenario.
    var comparisonRows: [ComparisonRow] {
        let outcomes = Self.columns.filter { column in
            Self.modelOutcomes.contains(column) && names.indices.dropFirst().contains { values($0, column, tick: 0) != nil }
        }
        return outcomes.flatMap { column in ticks.indices.flatMap { rows(column, tick: $0) } }
    }

    /// The rows of `column` at tick index `t`: the reference's, then those
    /// of the other scenarios that have the column; none when the
    /// reference lacks it.
    func rows(_ column: String, tick t: Int) -> [ComparisonRow] {
        guard let reference = values(0, column, tick: t) else { return [] }
        let tick = ticks[t]
        return [ComparisonRow(outcome: column, tick: tick, reference: names[0], values: reference)]
            + names.indices.dropFirst().compactMap { s in
                values(s, column, tick: t).map { ComparisonRow(outcome: column, tick: tick, scenario: names[s], values: $0, reference: reference) }
            }
    }

    /// Every row of `cost_effectiveness.csv`: by scenario (the reference
    /// aside), then measure, at the last tick; a column a time series
    /// lacks gives missing values.
    var costRows: [CostEffectivenessRow] {
        let t = lastTick
        let missing = [Double](repeating: .nan, count: samples[0].replicates)
        let referenceSpending = values(0, SMESimulation.publicSpendingColumn, tick: t) ?? missing
        return names.indices.dropFirst().flatMap { s in
            let spending = values(s, SMESimulation.publicSpendingColumn, tick: t) ?? missing
            return SMESimulation.costMeasures.map { measure in
                CostEffectivenessRow(scenario: names[s], spending: spending, referenceSpending: referenceSpending, measure: measure,
                                     values: values(s, measure.column, tick: t) ?? missing,
                                     reference: values(0, measure.column, tick: t) ?? missing)
            }
        }
    }
}
