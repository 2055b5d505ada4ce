import AgentEngine

/// Public spending by policy lever: the levers are the time series's
/// columns `public_spending_<lever>` (EUR per month; found by prefix, so a
/// new lever needs no change here). Each run's spending summed over the
/// run, by lever (mean over the runs, whiskers from the lowest to the
/// highest), the cumulative spending over the months, and a table with the
/// grants (`policy_grants_<lever>`) and the budget left at the end
/// (`policy_budget_left_<lever>`). Without levers, or when none spent
/// anything, the section says there are no policy levers. A comparison
/// adds its cost-effectiveness table.
enum PolicySection {
    static let spending = "public_spending_", cumulative = "public_spending_cumulative"

    static func make(_ data: ReportData, costs: [ComparisonTables.Cost]?) -> ReportSection {
        var body = levers(data)
        if let costs { body += CostSection.body(costs, data) }
        return ReportSection(id: "policy", title: "Public spending and policy levers", body: body)
    }

    private static func levers(_ data: ReportData) -> String {
        let columns = data.columns(prefix: spending, except: [cumulative, spending + "total"])
        let levers = columns.map { String($0.dropFirst(spending.count)) }
        let spent = data.groups.contains { group in
            columns.contains { column in group.summary.index(of: column).map { group.summary.totals[$0].highest > 0 || group.summary.totals[$0].lowest < 0 } ?? false }
        }
        guard !levers.isEmpty, spent else {
            return HTML.paragraph("No policy levers in \(data.isComparison ? "these runs" : "this run")" + (levers.isEmpty ? "." : ": the levers (\(levers.joined(separator: ", "))) spent nothing."), note: true)
        }
        guard data.hasTotals else {
            return HTML.paragraph("The time series does not keep every month, so public spending over the run cannot be summed.", note: true)
        }
        let unit = totalUnit(data.columns.unit(columns[0]))
        let chart = BarChart(
            frame: ChartFrame(title: "Public spending over the run, by lever",
                              summary: "Public spending from month 1 to the last month by policy lever (\(levers.joined(separator: ", "))): mean over \(data.runsText), whiskers from the lowest to the highest \(data.member)."),
            categories: levers, series: data.groups.enumerated().map { TotalsChart.series($0.element, columns, style: $0.offset) },
            valueTitle: "public spending per run" + (unit.isEmpty ? "" : " (\(unit))"), whiskerNote: data.whiskerNote)
        var body = data.charts.figure(chart.svg, caption: "Each run's public spending summed over its months, by lever; bars: mean over \(data.runsText); \(data.whiskerNote).")
        if let line = data.tickChart(cumulative, title: "Cumulative public spending") { body += line }
        return body + table(levers, data, unit: unit)
    }

    /// Lever by lever (and scenario by scenario): spending, grants, budget left.
    private static func table(_ levers: [String], _ data: ReportData, unit: String) -> String {
        var rows: [[String]] = []
        for lever in levers {
            for group in data.groups {
                let summary = group.summary
                let total = { (column: String) in summary.index(of: column).map { NumberFormat.significant(summary.totals[$0].mean, digits: 4) } ?? "–" }
                let left = summary.ticks("policy_budget_left_" + lever)?.last.map { NumberFormat.significant($0.mean, digits: 4) } ?? "–"
                rows.append((data.isComparison ? [group.name] : []) + [lever, total(spending + lever), total("policy_grants_" + lever), left])
            }
        }
        let first = data.isComparison ? ["scenario"] : []
        let grantUnit = data.columns.unit("policy_grants_" + (levers.first ?? ""))
        return HTML.table(first + ["lever", "public spending over the run" + (unit.isEmpty ? "" : " (\(unit))"),
                                   "grants over the run" + (grantUnit.isEmpty ? "" : " (\(totalUnit(grantUnit)))"), "budget left at the last month"],
                          rows, numeric: Set(first.count..<(first.count + 4)).subtracting([first.count]),
                          caption: "By lever: means over \(data.runsText)")
    }

    /// The unit of a run's total of a per-month quantity: "EUR/month" → "EUR".
    static func totalUnit(_ unit: String) -> String {
        for suffix in ["/month", " per month", "/tick", " per tick"] where unit.hasSuffix(suffix) { return String(unit.dropLast(suffix.count)) }
        return unit
    }
}
