import AgentEngine

/// Exits and survival: the firms that exit each year (each run's exits
/// summed over the year's months; the mean over the runs, in a band from
/// the lowest to the highest run), and the share of the firms of month 0
/// still alive (`cohort_survival`) — or, in the time series of an earlier
/// smesim without it, the firms alive, which counts entrants too (said so).
enum SurvivalSection {
    static func make(_ data: ReportData) -> ReportSection {
        var body = ""
        body += exits(data) ?? HTML.paragraph("This time series has no exits column.", note: true)
        if let chart = data.tickChart("cohort_survival", title: "Survival: share of the firms of month 0 still alive") {
            body += chart
        } else if let chart = data.tickChart("firms_alive", title: "Firms alive") {
            body += HTML.paragraph("This time series has no cohort_survival column (written by an earlier smesim); shown instead: firms alive, which counts the entrants that replaced exited firms, so it is not the survival of the initial firms.", note: true)
            body += chart
        }
        return ReportSection(id: "survival", title: "Exits and survival", body: body)
    }

    /// Exits per year, or per month when the runs' totals cannot be taken.
    private static func exits(_ data: ReportData) -> String? {
        let column = "exits"
        guard data.has(column) else { return nil }
        guard data.hasTotals else {
            return data.tickChart(column, title: "Exits per month")
        }
        var series: [LineChart.Series] = []
        for (k, group) in data.groups.enumerated() {
            guard let index = group.summary.index(of: column) else { continue }
            let points = group.summary.yearly[index].enumerated().map {
                LineChart.Point(x: Double($0.offset + 1), y: $0.element.mean, low: $0.element.lowest, high: $0.element.highest)
            }
            series.append(LineChart.Series(group.name, points: points, style: k, markers: true))
        }
        let months = data.groups.map(\.summary.lastTick).max() ?? 0
        let partial = months % 12 == 0 ? "" : " The last year has \(months % 12) months."
        let unit = data.columns.unit(column)
        let chart = LineChart(
            frame: ChartFrame(title: "Exits per year", summary: "Firms that exited in each year of the run (months 1–12 are year 1), mean over \(data.runsText), with a \(data.bandNote).\(partial)"),
            xTitle: "year", yTitle: "exits per year" + (unit.isEmpty ? "" : " (\(unit))"), series: series, bandNote: data.bandNote,
            xSteps: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000])
        return data.charts.figure(chart.svg, caption: "Each run's exits summed over the months of each year (months 1–12 are year 1); lines: mean over \(data.runsText); \(data.bandNote).\(partial)")
    }
}
