extension SensitivityAnalysis {
    /// S1 and ST of every parameter, then S2 of every pair (with second
    /// order), with bootstrap intervals over the base samples; the indices
    /// (and each resample's) are the mean over the series'.
    func sobolRows(_ outcome: Int, secondOrder: Bool) -> [SensitivityRow] {
        let d = plan.parameters.count
        let estimators = series(outcome)?.map { SobolEstimator(values: $0, dimensions: d, secondOrder: secondOrder) } ?? []
        func statistic(_ rows: [Int]?) -> [Double] { Self.mean(estimators.map { $0.indices(rows).flattened }) }
        let pairs = secondOrder ? SobolIndices.pairs(d) : []
        let missing = [Double](repeating: .nan, count: 2 * d + pairs.count)
        let estimate = estimators.isEmpty ? missing : statistic(nil)
        let intervals = bootstrap.intervals(estimate, blocks: estimators.first?.samples ?? 0) { statistic($0) }
        var rows: [SensitivityRow] = []
        for (j, parameter) in parameters.enumerated() {
            rows.append(row(outcome, parameter, "S1", estimate[j], intervals[j]))
            rows.append(row(outcome, parameter, "ST", estimate[d + j], intervals[d + j]))
        }
        for (k, (i, j)) in pairs.enumerated() {
            rows.append(row(outcome, parameters[i] + SensitivityRow.pairSeparator + parameters[j], "S2", estimate[2 * d + k], intervals[2 * d + k]))
        }
        return rows
    }
}
