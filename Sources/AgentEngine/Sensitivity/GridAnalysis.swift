extension SensitivityAnalysis {
    /// For every parameter, at each of its values (in the sweep's order),
    /// the outcome's mean over every run with that value (the other keys
    /// at all their values, every replicate) and its 95 % t interval; runs
    /// without a value (failed, or missing the outcome) are left out.
    func gridRows(_ outcome: Int) -> [SensitivityRow] {
        plan.parameters.enumerated().flatMap { d, parameter in
            // One pass over the points: the runs' values by the key's value.
            var runs: [String: [Double]] = [:]
            for (point, values) in plan.points.enumerated() {
                runs[values[d].compact(), default: []].append(
                    contentsOf: (0..<outcomes.replicates).map { outcomes.value(point: point, replicate: $0, outcome: outcome) })
            }
            return (parameter.gridValues ?? []).map { level in
                let summary = SampleSummary(runs[level.compact()] ?? [])
                return row(outcome, parameter.path, "mean_at_" + Self.label(level), summary.mean, summary.meanInterval)
            }
        }
    }

    /// A value as an index name shows it: numbers and booleans as JSON
    /// writes them, text as itself.
    static func label(_ value: JSONValue) -> String {
        if case .string(let text) = value { return text }
        return value.compact()
    }
}
