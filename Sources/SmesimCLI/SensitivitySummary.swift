import AgentEngine

/// What `smesim analyze` prints on stderr: for each outcome, the swept
/// keys ranked by the design's main index — ST (Sobol'), mu_star (Morris),
/// the spread of the means at the key's values (grid), |spearman| (Latin
/// hypercube) — each with its 95 % interval; and notes on what the indices
/// could not use.
struct SensitivitySummary {
    let analysis: SensitivityAnalysis
    let rows: [SensitivityRow]
    let resamples: Int

    /// The columns shown after the key (the first ranks), by design.
    private var shown: [String] {
        switch analysis.plan.design {
        case .sobol: return ["ST", "S1"]
        case .morris: return ["mu_star", "mu", "sigma"]
        default: return ["spearman"]
        }
    }

    var text: String {
        let byOutcome = Dictionary(grouping: rows, by: \.outcome)
        return ([title] + analysis.outcomes.names.map { outcome in
            let byKey = Dictionary(grouping: byOutcome[outcome] ?? [], by: \.parameter)
            let ranked = analysis.parameters.enumerated().map { ($1, byKey[$1] ?? []) }
                .sorted { Self.rank($0.1) > Self.rank($1.1) || (Self.rank($0.1) == Self.rank($1.1) && $0.0 < $1.0) }
            return outcome + "\n" + TextTable.render([["key"] + header] + ranked.map { [$0.0] + cells($0.1) })
        }).joined(separator: "\n")
    }

    private var title: String {
        let plan = analysis.plan
        let over = analysis.perReplicate ? "mean of each replicate's indices" : "indices of the mean over \(plan.replicates) replicate\(plan.replicates == 1 ? "" : "s")"
        let bootstrap = resamples == 0 ? "no intervals (--resamples 0)" : "95 % bootstrap intervals (\(resamples) resamples)"
        switch plan.design {
        case .sobol(let samples, _):
            return "Sobol' indices, ranked by ST (N = \(samples) base samples; \(over); \(bootstrap); S2 in the table):"
        case .morris(let trajectories, _):
            return "Morris screening, ranked by mu_star (\(trajectories) trajectories; \(over); \(bootstrap)):"
        case .grid:
            return "grid: the outcome's mean at each value of each key [95 % t interval], ranked by the spread of the means:"
        default:
            return "Spearman's rank correlation of each key with the outcome's mean over replicates [95 % Fisher-z interval], ranked by |spearman|:"
        }
    }

    private var header: [String] {
        if case .grid = analysis.plan.design { return ["spread", "mean at each value"] }
        return shown
    }

    private func cells(_ rows: [SensitivityRow]) -> [String] {
        if case .grid = analysis.plan.design {
            let spread = Self.rank(rows)
            return [spread.isFinite ? TextTable.number(spread) : "-",
                    rows.map { "\($0.index.dropFirst("mean_at_".count)): \(TextTable.cell($0.value, $0.interval))" }.joined(separator: "  ")]
        }
        return shown.map { index in rows.first { $0.index == index }.map { TextTable.cell($0.value, $0.interval) } ?? "-" }
    }

    /// What a key is ranked by: its ST, mu_star, |spearman|, or the spread
    /// of its grid means; −∞ when missing.
    private static func rank(_ rows: [SensitivityRow]) -> Double {
        let values = rows.map(\.value).filter(\.isFinite)
        guard let first = rows.first, !values.isEmpty else { return -.infinity }
        switch first.index {
        case "S1", "ST": return rows.first { $0.index == "ST" }?.value ?? -.infinity
        case "mu", "mu_star", "sigma": return rows.first { $0.index == "mu_star" }?.value ?? -.infinity
        case "spearman": return abs(first.value)
        default: return (values.max() ?? 0) - (values.min() ?? 0)
        }
    }

    /// Outcomes that never vary or that some run lacks, and failed runs
    /// left out.
    static func notes(_ sweep: AnalyzedSweep, analysis: SensitivityAnalysis) -> [String] {
        let outcomes = sweep.outcomes
        var notes: [String] = []
        if !sweep.failed.isEmpty {
            notes.append("\(sweep.failed.count) failed run\(sweep.failed.count == 1 ? " is" : "s are") left out (reasons in runs.csv)")
        }
        for (k, name) in outcomes.names.enumerated() {
            let values = (0..<outcomes.points).flatMap { point in (0..<outcomes.replicates).map { outcomes.value(point: point, replicate: $0, outcome: k) } }
            let present = values.filter(\.isFinite)
            let missing = values.count - sweep.failed.count - present.count
            if missing > 0 {
                let effect: String
                switch analysis.plan.design {
                case .sobol, .morris: effect = "its \(analysis.plan.design.name) indices are empty"
                default: effect = "those runs are left out"
                }
                notes.append("\(name) is empty in \(missing) run\(missing == 1 ? "" : "s"): \(effect)")
            } else if let first = present.first, present.allSatisfy({ $0 == first }) {
                notes.append("\(name) is \(formatDouble(first)) in every run: its indices say nothing")
            } else if let means = Optional(outcomes.series(k, replicate: nil).filter(\.isFinite)), let first = means.first, means.allSatisfy({ $0 == first }) {
                notes.append("\(name) varies between replicates only (its mean over replicates is \(formatDouble(first)) at every point): its indices say nothing")
            }
        }
        return notes
    }
}
