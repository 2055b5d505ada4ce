/// One row of `sensitivity.csv`: one index of one parameter (or pair of
/// parameters) for one outcome, with its 95 % interval.
public struct SensitivityRow: Sendable, Equatable {
    public let method: String
    public let outcome: String
    /// A key path, or two joined by `pairSeparator` for a second-order index.
    public let parameter: String
    public let index: String
    public let value: Double
    public let interval: ConfidenceInterval?

    public init(method: String, outcome: String, parameter: String, index: String, value: Double, interval: ConfidenceInterval?) {
        self.method = method
        self.outcome = outcome
        self.parameter = parameter
        self.index = index
        self.value = value
        self.interval = interval
    }

    /// Joins the two keys of a second-order index: "a×b" (× is U+00D7,
    /// which no key path holds).
    public static let pairSeparator = "×"

    /// The columns of `sensitivity.csv`, declared once.
    public static let columns = ColumnTable<SensitivityRow>([
        .text("method",
              "sobol or morris (indices from the outcome's mean over replicates at each point), sobol_per_replicate or morris_per_replicate (the mean of each replicate's indices), grid, latin_hypercube.") { $0.method },
        .text("outcome", "Outcome: a column of runs.csv (its meaning: the sweep's manifest).") { $0.outcome },
        .text("parameter", "Swept key path; for S2, the two keys joined by × (U+00D7).") { $0.parameter },
        .text("index",
              "S1 (first-order Sobol' index, Saltelli 2010), ST (total, Jansen), S2 (second-order, Saltelli 2002); mu, mu_star, sigma (Morris: mean, mean absolute value and standard deviation of the elementary effects, in the outcome's unit per the key's whole range); mean_at_<value> (grid: the outcome's mean over the runs where the key has that value); spearman (Latin hypercube: Spearman's rank correlation of the key's value and the outcome's mean over replicates).") { $0.index },
        .number("value", "The index; empty when it cannot be computed (an outcome missing in some run, a constant key or outcome for spearman).") { $0.value },
        .number("ci_low",
                "Low end of the 95 % interval: S1, ST, S2, mu, mu_star, sigma: value − 1.959964 · sd of the index over bootstrap resamples of the design's blocks (SALib's normal approximation); mean_at: Student's t interval over runs; spearman: Fisher's z interval. Empty when it cannot be computed (fewer than 2 resamples or runs, fewer than 4 points).") { $0.interval?.low ?? .nan },
        .number("ci_high", "High end of the 95 % interval (as ci_low).") { $0.interval?.high ?? .nan },
    ])
}
