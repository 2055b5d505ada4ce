/// The sensitivity indices of a finished sweep, by its design: Sobol'
/// indices for a Sobol' design, Morris's measures for a Morris design,
/// the outcome's mean at each level of each key for a grid, Spearman's
/// rank correlations for a Latin hypercube (none for listed points).
///
/// Sobol' and Morris work on one value per point: the outcome's mean over
/// replicates, or, `perReplicate`, each replicate's value, the indices
/// (and each bootstrap resample's) being the mean of the replicates'
/// indices. An outcome some run lacks gets empty Sobol' and Morris
/// indices. Grids and Latin hypercubes use every run with a value. The
/// rows come outcome by outcome (the sweep's order), then parameter by
/// parameter (the sweep's order); the result is a pure function of the
/// plan, the outcomes and the settings.
public struct SensitivityAnalysis: Sendable {
    public let plan: SweepPlan
    public let outcomes: SweepOutcomes
    public let perReplicate: Bool
    public let bootstrap: Bootstrap

    public init(plan: SweepPlan, outcomes: SweepOutcomes, perReplicate: Bool, resamples: Int) {
        self.plan = plan
        self.outcomes = outcomes
        self.perReplicate = perReplicate
        bootstrap = Bootstrap(resamples: resamples, seed: plan.seed)
    }

    /// The `method` of the rows: the design, with `_per_replicate` when
    /// the indices are means of the replicates' indices.
    public var method: String {
        switch plan.design {
        case .sobol, .morris: return plan.design.name + (perReplicate ? "_per_replicate" : "")
        default: return plan.design.name
        }
    }

    public var parameters: [String] { plan.parameters.map(\.path) }

    public func rows() -> [SensitivityRow] {
        outcomes.names.indices.flatMap { outcome -> [SensitivityRow] in
            switch plan.design {
            case .sobol(_, let secondOrder): return sobolRows(outcome, secondOrder: secondOrder)
            case .morris(_, let levels): return morrisRows(outcome, levels: levels)
            case .grid: return gridRows(outcome)
            case .latinHypercube: return rankRows(outcome)
            case .points: return []
            }
        }
    }

    /// The series the indices are computed on: the mean over replicates,
    /// or each replicate's values; nil when a run lacks the outcome.
    func series(_ outcome: Int) -> [[Double]]? {
        guard outcomes.isComplete(outcome) else { return nil }
        return perReplicate ? (0..<outcomes.replicates).map { outcomes.series(outcome, replicate: $0) } : [outcomes.series(outcome, replicate: nil)]
    }

    /// The element-by-element mean of lists of the same length.
    static func mean(_ lists: [[Double]]) -> [Double] {
        guard let first = lists.first else { return [] }
        return first.indices.map { k in lists.reduce(0) { $0 + $1[k] } / Double(lists.count) }
    }

    /// A row of this analysis.
    func row(_ outcome: Int, _ parameter: String, _ index: String, _ value: Double, _ interval: ConfidenceInterval?) -> SensitivityRow {
        SensitivityRow(method: method, outcome: outcomes.names[outcome], parameter: parameter, index: index, value: value, interval: interval)
    }
}
