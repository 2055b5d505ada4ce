/// One row of `comparison.csv`: one outcome of one scenario at one tick,
/// against the reference scenario.
public struct ComparisonRow: Sendable {
    public let outcome: String
    public let tick: Int
    public let scenario: String
    /// The reference's replicates with a value; for another scenario, the
    /// n replicates where both have one.
    public let replicates: Int
    public let mean: Double
    public let difference: Double
    public let paired: ConfidenceInterval?
    public let unpaired: ConfidenceInterval?

    /// The reference's own row: its mean, difference 0 and intervals 0
    /// (empty with fewer than two replicates).
    public init(outcome: String, tick: Int, reference name: String, values: [Double]) {
        let summary = SampleSummary(values)
        let zero = summary.count >= 2 ? ConfidenceInterval(low: 0, high: 0) : nil
        self.init(outcome: outcome, tick: tick, scenario: name, replicates: summary.count, mean: summary.mean,
                  difference: summary.count > 0 ? 0 : .nan, paired: zero, unpaired: zero)
    }

    /// The row of scenario `name`, whose values (by replicate) are compared
    /// with the reference's.
    public init(outcome: String, tick: Int, scenario name: String, values: [Double], reference: [Double]) {
        let difference = DifferenceInterval(values, minus: reference)
        self.init(outcome: outcome, tick: tick, scenario: name, replicates: difference.count, mean: SampleSummary(values).mean,
                  difference: difference.difference, paired: difference.paired, unpaired: difference.unpaired)
    }

    private init(outcome: String, tick: Int, scenario: String, replicates: Int, mean: Double, difference: Double,
                 paired: ConfidenceInterval?, unpaired: ConfidenceInterval?) {
        self.outcome = outcome
        self.tick = tick
        self.scenario = scenario
        self.replicates = replicates
        self.mean = mean
        self.difference = difference
        self.paired = paired
        self.unpaired = unpaired
    }

    /// The columns of `comparison.csv`, declared once: the header, the rows
    /// and the manifest's descriptions come from this list.
    public static let columns = ColumnTable<ComparisonRow>([
        .text("outcome", "Column of the scenarios' timeseries.csv (its unit and meaning: the run folders' manifests).") { $0.outcome },
        .integer("tick", unit: "month", "Tick: a multiple of the comparison's 'every', or the last tick all scenarios have.") { $0.tick },
        .text("scenario", "Scenario name; the reference first, then the others in the order given.") { $0.scenario },
        .integer("replicates", unit: "runs",
                 "Replicates used: for the reference, those where it has a value; for another scenario, those where both it and the reference have one (the n of both intervals).") { $0.replicates },
        .number("mean", "Mean of the outcome over the scenario's replicates with a value; empty when it has none.") { $0.mean },
        .number("difference",
                "Mean over the n replicates of (scenario − reference), replicate by replicate; 0 for the reference; empty when n = 0.") { $0.difference },
        .number("paired_low",
                "Low end of the 95 % interval of the difference paired by replicate (common random numbers): mean(d) − t(0.975, n−1)·sd(d)/√n; 0 for the reference; empty when n < 2.") { $0.paired?.low ?? .nan },
        .number("paired_high", "High end of the paired 95 % interval: mean(d) + t(0.975, n−1)·sd(d)/√n; 0 for the reference; empty when n < 2.") { $0.paired?.high ?? .nan },
        .number("unpaired_low",
                "Low end of Welch's 95 % interval for the difference of means on the same n replicates, as if the scenarios were independent (for comparison with the paired one); 0 for the reference; empty when n < 2.") { $0.unpaired?.low ?? .nan },
        .number("unpaired_high", "High end of Welch's 95 % interval; 0 for the reference; empty when n < 2.") { $0.unpaired?.high ?? .nan },
    ])
}
