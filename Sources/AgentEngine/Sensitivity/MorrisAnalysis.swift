extension SensitivityAnalysis {
    /// μ, μ* and σ of every parameter, with bootstrap intervals over the
    /// trajectories; the measures (and each resample's) are the mean over
    /// the series'. The trajectories are the design's unit rows, rebuilt
    /// from the plan.
    func morrisRows(_ outcome: Int, levels: Int) -> [SensitivityRow] {
        let d = plan.parameters.count
        let rows = plan.design.unitRows(dimensions: d, seed: plan.seed) ?? []
        let effects = series(outcome)?.compactMap { ElementaryEffects(rows: rows, values: $0, levels: levels) } ?? []
        func statistic(_ trajectories: [Int]?) -> [Double] {
            let each = effects.map { $0.measures(trajectories).flattened }
            return Self.mean(each)
        }
        let estimate = effects.isEmpty ? [Double](repeating: .nan, count: 3 * d) : statistic(nil)
        let intervals = bootstrap.intervals(estimate, blocks: effects.first?.trajectories ?? 0) { statistic($0) }
        let measures = MorrisMeasures(flattened: estimate, dimensions: d)
        return parameters.enumerated().flatMap { j, parameter in
            [row(outcome, parameter, "mu", measures.mu[j], intervals[j]),
             row(outcome, parameter, "mu_star", measures.muStar[j], intervals[d + j]),
             row(outcome, parameter, "sigma", measures.sigma[j], intervals[2 * d + j])]
        }
    }
}
