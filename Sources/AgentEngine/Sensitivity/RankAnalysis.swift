extension SensitivityAnalysis {
    /// Spearman's rank correlation of every parameter's value with the
    /// outcome's mean over the replicates with a value, over the points
    /// (a point without one is left out), with its Fisher-z interval. A
    /// key swept over a list is ranked by its position in the list.
    func rankRows(_ outcome: Int) -> [SensitivityRow] {
        let y = outcomes.series(outcome, replicate: nil)
        return plan.parameters.enumerated().map { d, parameter in
            let x = plan.points.map { Self.rankable($0[d], of: parameter) }
            let correlation = SpearmanCorrelation(x, y)
            return row(outcome, parameter.path, "spearman", correlation.rho, correlation.interval)
        }
    }

    /// The number a value is ranked by: its position in a list, or the
    /// value of an interval's key.
    static func rankable(_ value: JSONValue, of parameter: SweepParameter) -> Double {
        switch parameter.range {
        case .values(let list): return list.firstIndex(of: value).map(Double.init) ?? .nan
        case .interval:
            if case .number(let number) = value { return number.doubleValue ?? .nan }
            return .nan
        }
    }
}
