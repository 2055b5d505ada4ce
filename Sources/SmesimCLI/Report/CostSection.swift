import AgentEngine

/// A comparison's cost-effectiveness (`cost_effectiveness.csv`): each
/// scenario's public spending, then for each measure of effect the effect
/// and the euros of spending per unit of it, each with its 95 % interval,
/// as tables; and the euros per unit as bars with the interval as a
/// whisker — one chart per measure (their units differ), for the scenarios
/// whose effect is positive (a cost per unit of a harm or of nothing is
/// not a cost-effectiveness).
enum CostSection {
    static func body(_ costs: [ComparisonTables.Cost], _ data: ReportData) -> String {
        var body = "<h3>Cost-effectiveness</h3>\n"
        guard !costs.isEmpty else { return body + HTML.paragraph("cost_effectiveness.csv has no rows.", note: true) }
        var scenarios: [String] = [], measures: [String] = []
        for cost in costs {
            if !scenarios.contains(cost.scenario) { scenarios.append(cost.scenario) }
            if !measures.contains(cost.measure) { measures.append(cost.measure) }
        }
        let spending = scenarios.compactMap { scenario in costs.first { $0.scenario == scenario }.map { [scenario, interval($0.spending)] } }
        body += HTML.table(["scenario", "public spending (EUR)"], spending, numeric: [1], caption: "Public spending over the run: mean [95 % interval]")
        let rows = costs.enumerated().map { k, cost in
            [k == 0 || costs[k - 1].scenario != cost.scenario ? cost.scenario : "", cost.measure + (cost.unit.isEmpty ? "" : " (\(cost.unit))"),
             interval(cost.effect), interval(cost.eurPerUnit)]
        }
        body += HTML.table(["scenario", "measure (unit)", "effect", "EUR per unit"], rows, numeric: [2, 3],
                           caption: "Effects against the reference and EUR of public spending per unit of effect: mean [95 % interval]")
        body += "<div class=\"grid\">\n"
        for measure in measures {
            let defined = costs.filter { $0.measure == measure && $0.eurPerUnit.0.isFinite && $0.eurPerUnit.0 > 0 }
            guard !defined.isEmpty else { continue }
            let unit = defined[0].unit.isEmpty ? "unit" : defined[0].unit
            let chart = BarChart(
                frame: ChartFrame(title: "EUR per unit of \(measure)",
                                  summary: "Euros of public spending per unit (\(unit)) of \(measure), by scenario, with the 95 % interval as a whisker.", width: 460),
                categories: defined.map(\.scenario),
                series: [BarChart.Series("EUR per unit", values: defined.map(\.eurPerUnit.0), low: defined.map(\.eurPerUnit.1),
                                         high: defined.map(\.eurPerUnit.2), style: 0)],
                valueTitle: "EUR per unit (\(unit))", whiskerNote: "whisker: 95 % interval")
            body += data.charts.figure(chart.svg, caption: "EUR of public spending per unit (\(unit)) of \(measure), for the scenarios where the effect is positive; whisker: 95 % interval.")
        }
        return body + "</div>\n"
    }

    /// "402,405 [372,722, 432,088]", or the mean alone without an interval.
    private static func interval(_ value: (Double, Double, Double)) -> String {
        NumberFormat.significant(value.0, digits: 4)
            + (value.1.isFinite || value.2.isFinite ? " [\(NumberFormat.significant(value.1)), \(NumberFormat.significant(value.2))]" : "")
    }
}
