extension SensitivityAnalysis {
    /// S1 and ST of every parameter, then S2 of every pair (with second
    /// order), with bootstrap intervals over the base samples; the indices
    /// (and each resample's) are the mean over the series'.
    func sobolRows(_ outcome: Int, secondOrder: Bool) -> [SensitivityRow] {
        let d = plan.parameters.count
        let estimators = series(outcome)?.map { SobolEstimator(values: $0, dimensions: d, secondOrder: secondOrder) } ?? []
        func statistic(_ rows: [Int]?) -> [Double] {
            let each = estimators.map { $0.indices(rows).flattened }
            return Self.mean(each)
        }
        let pairs = SobolIndices.pairs(d).filter { _ in secondOrder }
        let missing = [Double](repeating: .nan, count: 2 * d + pairs.count)
        let estimate = estimators.isEmpty ? missing : statistic(nil)
        let intervals = bootstrap.intervals(estimate, blocks: estimators.first?.samples ?? 0) { statistic($0) }
        let indices = SobolIndices(flattened: estimate, dimensions: d)
        var rows: [SensitivityRow] = []
        for (j, parameter) in parameters.enumerated() {
            rows.append(row(outcome, parameter, "S1", indices.first[j], intervals[j]))
            rows.append(row(outcome, parameter, "ST", indices.total[j], intervals[d + j]))
        }
        for (k, (i, j)) in pairs.enumerated() {
            rows.append(row(outcome, parameters[i] + SensitivityRow.pairSeparator + parameters[j], "S2", indices.second[k], intervals[2 * d + k]))
        }
        return rows
    }
}
