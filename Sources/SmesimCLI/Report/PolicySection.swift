import AgentEngine

/// Public spending by policy lever: the levers are the time series's
/// columns `public_spending_<lever>` (EUR per month; found by prefix, so a
/// new lever needs no change here). A lever counts when it spent something
/// or has budget left in some run; the others are named. Each run's
/// spending summed over the run, by lever (mean over the runs, whiskers
/// from the lowest to the highest), the cumulative spending over the
/// months, and a table with the take-up (`policy_grants_<lever>`, in its
/// own unit) and the budget left at the end (`policy_budget_left_<lever>`).
/// Without a lever that counts, the section says there are no policy
/// levers. A comparison adds its cost-effectiveness.
enum PolicySection {
    static let spending = "public_spending_", grants = "policy_grants_", budgetLeft = "policy_budget_left_"
    static let cumulative = "public_spending_cumulative"

    /// The section; a comparison's with its cost-effectiveness (`costs`,
    /// nil when the folder has no cost_effectiveness.csv).
    static func make(_ data: ReportData, costs: [ComparisonTables.Cost]?) -> ReportSection {
        var body = levers(data)
        if data.isComparison {
            body += costs.map { CostSection.body($0, data) }
                ?? "<h3>Cost-effectiveness</h3>\n" + HTML.paragraph("This comparison folder has no cost_effectiveness.csv.", note: true)
        }
        return ReportSection(id: "policy", title: "Public spending and policy levers", body: body)
    }

    private static func levers(_ data: ReportData) -> String {
        let all = data.columns(prefix: spending, except: [cumulative, spending + "total"]).map { String($0.dropFirst(spending.count)) }
        let active = all.filter { isActive($0, in: data.groups) }
        guard !active.isEmpty else {
            return HTML.paragraph("No policy levers in \(data.isComparison ? "these runs" : "this run")" + (all.isEmpty ? "." : ": no lever (\(all.joined(separator: ", "))) had a budget."), note: true)
        }
        guard data.hasTotals else {
            return HTML.paragraph("The time series does not keep every month, so public spending over the run cannot be summed.", note: true)
        }
        let columns = active.map { spending + $0 }
        let unit = totalUnit(data.columns.unit(columns[0]))
        let chart = BarChart(
            frame: ChartFrame(title: "Public spending over the run, by lever",
                              summary: "Public spending from month 1 to the last month by policy lever (\(active.joined(separator: ", "))): mean over \(data.runsText), whiskers from the lowest to the highest \(data.member)."),
            categories: active, series: data.groups.enumerated().map { TotalsChart.series($0.element, columns, style: $0.offset) },
            valueTitle: "public spending per run" + (unit.isEmpty ? "" : " (\(unit))"), whiskerNote: data.whiskerNote)
        var body = data.charts.figure(chart.svg, caption: "Each run's public spending summed over its months, by lever; bars: mean over \(data.runsText); \(data.whiskerNote).")
        if let line = data.tickChart(cumulative, title: "Cumulative public spending, every lever") { body += line }
        body += table(active, data, unit: unit)
        let idle = all.filter { !active.contains($0) }
        if !idle.isEmpty { body += HTML.paragraph("Levers without a budget: \(idle.joined(separator: ", ")).", note: true) }
        return body
    }

    /// Whether `lever` spent something or has budget left in some run.
    private static func isActive(_ lever: String, in groups: [ReportData.Group]) -> Bool {
        groups.contains { group in
            let summary = group.summary
            let spent = summary.index(of: spending + lever).map { summary.totals[$0].highest != 0 || summary.totals[$0].lowest != 0 } ?? false
            let left = summary.ticks(budgetLeft + lever)?.contains { $0.highest > 0 } ?? false
            return spent || left
        }
    }

    /// Lever by lever (and scenario by scenario): spending, take-up, budget left.
    private static func table(_ levers: [String], _ data: ReportData, unit: String) -> String {
        var rows: [[String]] = []
        for lever in levers {
            for group in data.groups where isActive(lever, in: [group]) {
                let summary = group.summary
                let total = { (column: String) in summary.index(of: column).map { NumberFormat.significant(summary.totals[$0].mean, digits: 4) } ?? "–" }
                let left = summary.ticks(budgetLeft + lever)?.last.map { NumberFormat.significant($0.mean, digits: 4) } ?? "–"
                rows.append((data.isComparison ? [group.name] : [])
                    + [lever, total(spending + lever), total(grants + lever), totalUnit(data.columns.unit(grants + lever)), left])
            }
        }
        let first = data.isComparison ? ["scenario"] : []
        let leftUnit = data.columns.unit(budgetLeft + (levers.first ?? ""))
        let n = first.count
        return HTML.table(first + ["lever", "public spending over the run" + (unit.isEmpty ? "" : " (\(unit))"), "take-up summed over the months", "counted in",
                                   "budget left at the last month" + (leftUnit.isEmpty ? "" : " (\(leftUnit))")],
                          rows, numeric: [n + 1, n + 2, n + 4],
                          caption: "By lever: means over \(data.runsText) (take-up counts a grantee again in every month it is paid)"
                            + (data.isComparison ? "; a scenario is listed under the levers it had a budget for" : ""))
    }

    /// The unit of a run's total of a per-month quantity: "EUR/month" → "EUR".
    static func totalUnit(_ unit: String) -> String {
        for suffix in ["/month", " per month", "/tick", " per tick"] where unit.hasSuffix(suffix) { return String(unit.dropLast(suffix.count)) }
        return unit
    }
}
