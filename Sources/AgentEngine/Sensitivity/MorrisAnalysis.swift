extension SensitivityAnalysis {
    /// μ, μ* and σ of every parameter, with bootstrap intervals over the
    /// trajectories; the measures (and each resample's) are the mean over
    /// the series'. The trajectories are the design's unit rows, rebuilt
    /// from the plan.
    func morrisRows(_ outcome: Int, levels: Int) -> [SensitivityRow] {
        let d = plan.parameters.count
        let rows = plan.design.unitRows(dimensions: d, seed: plan.seed) ?? []
        let effects = series(outcome)?.compactMap { ElementaryEffects(rows: rows, values: $0, levels: levels) } ?? []
        func statistic(_ trajectories: [Int]?) -> [Double] { Self.mean(effects.map { $0.measures(trajectories).flattened }) }
        let estimate = effects.isEmpty ? [Double](repeating: .nan, count: 3 * d) : statistic(nil)
        let intervals = bootstrap.intervals(estimate, blocks: effects.first?.trajectories ?? 0) { statistic($0) }
        return parameters.enumerated().flatMap { j, parameter in
            ["mu", "mu_star", "sigma"].enumerated().map { k, index in row(outcome, parameter, index, estimate[k * d + j], intervals[k * d + j]) }
        }
    }
}
