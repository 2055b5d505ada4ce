import AgentEngine

/// The comparison at the last tick (`comparison.csv`): for the key
/// outcomes (those of `keyOutcomes` the file has; every outcome if it has
/// none of them), each scenario's mean, its difference from the reference
/// and the paired and unpaired 95 % intervals of that difference, as a
/// table, and the differences as bars with the paired interval as a
/// whisker, one chart per outcome (their units differ); every outcome's
/// table folded away below.
enum ComparisonSection {
    /// The outcomes an analyst looks at first, in this order.
    static let keyOutcomes = ["member_share", "cohort_survival", "firms_alive", "exits_cumulative", "relationship_mean", "technology_mean",
                              "financial_mean", "sustainability_mean", "revenue_online", "online_share", "profit_total", "cash_total",
                              "platform_cash", "public_spending_cumulative"]

    static func make(_ rows: [ComparisonTables.Outcome], _ data: ReportData) -> ReportSection {
        var outcomes: [String] = []
        for row in rows where !outcomes.contains(row.outcome) { outcomes.append(row.outcome) }
        guard !outcomes.isEmpty else {
            return ReportSection(id: "comparison", title: "Comparison", body: HTML.paragraph("comparison.csv has no rows.", note: true))
        }
        let key = keyOutcomes.filter(outcomes.contains)
        let shown = key.isEmpty ? outcomes : key
        let last = Dictionary(rows.map { ($0.outcome, $0.tick) }, uniquingKeysWith: max)
        let reference = data.folder.manifest.string(["run", "reference"]) ?? data.groups.first?.name ?? ""
        let note = "the difference is from the reference scenario, \(reference); the intervals are 95 % intervals of the difference (paired: replicate by replicate, on common random numbers; unpaired: Welch's)"
        var body = table(shown, rows, last: last, reference: reference, data, caption: "Key outcomes at the last month: " + note)
        if shown.count < outcomes.count {
            body += "<details><summary>\(HTML.escape("Every outcome at the last month (\(outcomes.count))"))</summary>"
                + table(outcomes, rows, last: last, reference: reference, data, caption: "Every outcome of comparison.csv at its last month: " + note) + "</details>\n"
        }
        body += "<div class=\"grid\">\n"
        for outcome in shown {
            let tick = last[outcome] ?? 0
            let differences = rows.filter { $0.outcome == outcome && $0.tick == tick && $0.scenario != reference && $0.difference.isFinite }
            guard !differences.isEmpty else { continue }
            let chart = BarChart(
                frame: ChartFrame(title: "\(outcome): difference from \(reference), month \(tick)",
                                  summary: "Difference in \(outcome) from the reference scenario \(reference) at month \(tick), by scenario, with the paired 95 % interval as a whisker.",
                                  width: 460),
                categories: differences.map(\.scenario),
                series: [BarChart.Series("difference", values: differences.map(\.difference), low: differences.map(\.paired.0),
                                         high: differences.map(\.paired.1), style: 0)],
                valueTitle: data.columns.title(outcome, name: "difference"), whiskerNote: "whisker: paired 95 % interval")
            body += data.charts.figure(chart.svg, caption: "\(outcome) at month \(tick): difference from \(reference); whisker: paired 95 % interval.")
        }
        return ReportSection(id: "comparison", title: "Comparison", body: body + "</div>\n")
    }

    /// The rows of `outcomes` at their last tick, each outcome named once;
    /// the month and the replicates in the caption when they are the same
    /// on every row, else in columns.
    private static func table(_ outcomes: [String], _ rows: [ComparisonTables.Outcome], last: [String: Int], reference: String,
                              _ data: ReportData, caption: String) -> String {
        let number = { (value: Double) in NumberFormat.significant(value, digits: 4) }
        let interval = { (value: (Double, Double)) in
            value.0.isFinite || value.1.isFinite ? "[\(NumberFormat.significant(value.0)), \(NumberFormat.significant(value.1))]" : "–"
        }
        let atLast = outcomes.flatMap { outcome in rows.filter { $0.outcome == outcome && $0.tick == last[outcome] } }
        let ticks = Set(atLast.map(\.tick)), replicates = Set(atLast.map { NumberFormat.significant($0.replicates, digits: 6) })
        var shared: [String] = []
        if ticks.count == 1, let tick = ticks.first { shared.append("month \(tick)") }
        if replicates.count == 1, let count = replicates.first { shared.append("\(count) replicates") }
        let table = atLast.enumerated().map { k, row -> [String] in
            let first = k == 0 || atLast[k - 1].outcome != row.outcome
            let isReference = row.scenario == reference
            return [first ? data.columns.title(row.outcome) : ""] + (ticks.count == 1 ? [] : [NumberFormat.fixed(Double(row.tick), decimals: 0)])
                + [row.scenario] + (replicates.count == 1 ? [] : [NumberFormat.significant(row.replicates, digits: 6)])
                + [number(row.mean), isReference ? "reference" : number(row.difference),
                   isReference ? "" : interval(row.paired), isReference ? "" : interval(row.unpaired)]
        }
        let header = ["outcome (unit)"] + (ticks.count == 1 ? [] : ["month"]) + ["scenario"] + (replicates.count == 1 ? [] : ["replicates"])
            + ["mean", "difference", "paired 95 % interval", "unpaired 95 % interval"]
        let numeric = Set((header.count - 4)..<header.count).union(ticks.count == 1 ? [] : [1])
        return HTML.table(header, table, numeric: numeric, caption: caption + (shared.isEmpty ? "" : " (" + shared.joined(separator: ", ") + ")"))
    }
}
