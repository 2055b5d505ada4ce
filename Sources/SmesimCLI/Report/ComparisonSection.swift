import AgentEngine

/// The comparison at the last tick (`comparison.csv`): for each outcome,
/// each scenario's mean, its difference from the reference and the paired
/// and unpaired 95 % intervals of that difference, as a table; and the
/// differences as bars with the paired interval as a whisker, one chart
/// per outcome (their units differ).
enum ComparisonSection {
    static func make(_ rows: [ComparisonTables.Outcome], _ data: ReportData) -> ReportSection {
        var outcomes: [String] = []
        for row in rows where !outcomes.contains(row.outcome) { outcomes.append(row.outcome) }
        guard !outcomes.isEmpty else {
            return ReportSection(id: "comparison", title: "Comparison", body: HTML.paragraph("comparison.csv has no rows.", note: true))
        }
        let last = outcomes.map { outcome in rows.filter { $0.outcome == outcome }.map(\.tick).max() ?? 0 }
        let atLast = zip(outcomes, last).flatMap { outcome, tick in rows.filter { $0.outcome == outcome && $0.tick == tick } }
        let number = { (value: Double) in NumberFormat.significant(value, digits: 4) }
        let interval = { (value: (Double, Double)) in value.0.isFinite || value.1.isFinite ? "[\(number(value.0)), \(number(value.1))]" : "–" }
        let table = HTML.table(
            ["outcome", "unit", "month", "scenario", "replicates", "mean", "difference", "paired 95 % interval", "unpaired 95 % interval"],
            atLast.map { [$0.outcome, data.columns.unit($0.outcome), NumberFormat.fixed(Double($0.tick), decimals: 0), $0.scenario,
                          NumberFormat.significant($0.replicates, digits: 6), number($0.mean), number($0.difference), interval($0.paired), interval($0.unpaired)] },
            numeric: [2, 4, 5, 6, 7, 8],
            caption: "Each outcome at its last month: the difference is from the reference scenario; intervals are 95 % intervals of the difference (paired: replicate by replicate, on common random numbers)")
        var body = table + "<div class=\"grid\">\n"
        for (outcome, tick) in zip(outcomes, last) {
            let differences = rows.filter { $0.outcome == outcome && $0.tick == tick && $0.difference.isFinite }
            guard !differences.isEmpty else { continue }
            let chart = BarChart(
                frame: ChartFrame(title: "\(outcome): difference from the reference, month \(tick)",
                                  summary: "Difference in \(outcome) from the reference scenario at month \(tick), by scenario, with the paired 95 % interval as a whisker.",
                                  width: 460),
                categories: differences.map(\.scenario),
                series: [BarChart.Series("difference", values: differences.map(\.difference), low: differences.map(\.paired.0),
                                         high: differences.map(\.paired.1), style: 0)],
                valueTitle: data.columns.title(outcome, name: "difference"), whiskerNote: "whisker: paired 95 % interval")
            body += data.charts.figure(chart.svg, caption: "\(outcome) at month \(tick): difference from the reference; whisker: paired 95 % interval.")
        }
        return ReportSection(id: "comparison", title: "Comparison", body: body + "</div>\n")
    }
}
