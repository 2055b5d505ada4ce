import AgentEngine

/// A comparison's cost-effectiveness (`cost_effectiveness.csv`): for each
/// scenario and measure of effect, the public spending, the effect and the
/// euros per unit of effect, each with its interval, as a table, and the
/// euros per unit as bars with the interval as a whisker — one chart per
/// measure (their units differ), the scenarios where it is defined.
enum CostSection {
    static func body(_ costs: [ComparisonTables.Cost], _ data: ReportData) -> String {
        var body = "<h3>Cost-effectiveness</h3>\n"
        guard !costs.isEmpty else { return body + HTML.paragraph("cost_effectiveness.csv has no rows.", note: true) }
        let interval = { (value: (Double, Double, Double)) -> String in
            NumberFormat.significant(value.0, digits: 4) + (value.1.isFinite || value.2.isFinite
                ? " [\(NumberFormat.significant(value.1, digits: 3)), \(NumberFormat.significant(value.2, digits: 3))]" : "")
        }
        let rows = costs.map { [$0.scenario, $0.measure, $0.unit, interval($0.spending), interval($0.effect), interval($0.eurPerUnit)] }
        body += HTML.table(["scenario", "measure", "unit", "public spending (EUR)", "effect", "EUR per unit"], rows, numeric: [3, 4, 5],
                           caption: "Means, with 95 % intervals in brackets (from cost_effectiveness.csv)")
        var measures: [String] = []
        for cost in costs where !measures.contains(cost.measure) { measures.append(cost.measure) }
        for measure in measures {
            let defined = costs.filter { $0.measure == measure && $0.eurPerUnit.0.isFinite }
            guard !defined.isEmpty else { continue }
            let unit = defined[0].unit
            let chart = BarChart(
                frame: ChartFrame(title: "EUR of public spending per unit of \(measure)",
                                  summary: "Euros of public spending per \(unit.isEmpty ? "unit" : unit) of \(measure), by scenario, with the 95 % interval as a whisker."),
                categories: defined.map(\.scenario),
                series: [BarChart.Series("EUR per unit", values: defined.map(\.eurPerUnit.0), low: defined.map(\.eurPerUnit.1),
                                         high: defined.map(\.eurPerUnit.2), style: 0)],
                valueTitle: "EUR per \(unit.isEmpty ? "unit" : unit)", whiskerNote: "whisker: 95 % interval")
            body += data.charts.figure(chart.svg, caption: "EUR of public spending per \(unit.isEmpty ? "unit" : unit) of \(measure) (scenarios where it is defined); whisker: 95 % interval.")
        }
        return body
    }
}
