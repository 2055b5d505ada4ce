import AgentEngine

/// The alliance mix: alliances formed over the run by type (every column
/// `alliances_formed_<type>`), each run's total then the mean over the
/// runs, with a whisker from the lowest to the highest run; one bar per
/// scenario in a comparison.
enum AllianceSection {
    static let prefix = "alliances_formed_"

    static func make(_ data: ReportData) -> ReportSection {
        let columns = data.columns(prefix: prefix)
        let title = "Alliance mix"
        guard !columns.isEmpty else {
            return ReportSection(id: "alliances", title: title, body: HTML.paragraph("This time series has no columns \(prefix)<type>.", note: true))
        }
        guard data.hasTotals else {
            return ReportSection(id: "alliances", title: title, body: HTML.paragraph("The time series does not keep every month, so alliances formed over the run cannot be counted.", note: true))
        }
        let types = columns.map { String($0.dropFirst(prefix.count)) }
        let series = data.groups.enumerated().map { k, group in
            TotalsChart.series(group, columns, style: k)
        }
        let formed = series.flatMap(\.values).contains { $0 > 0 }
        let chart = BarChart(
            frame: ChartFrame(title: "Alliances formed over the run, by type",
                              summary: "Alliances formed from month 1 to the last month, by type (\(types.joined(separator: ", "))): mean over \(data.runsText), whiskers from the lowest to the highest \(data.member)."),
            categories: types, series: series, valueTitle: "alliances formed per run" + unitSuffix(data, columns), whiskerNote: data.whiskerNote)
        var body = data.charts.figure(chart.svg, caption: "Each run's alliances formed, summed over its months, by type; bars: mean over \(data.runsText); \(data.whiskerNote).")
        if !formed { body += HTML.paragraph("No alliances were formed in these runs.", note: true) }
        return ReportSection(id: "alliances", title: title, body: body)
    }

    private static func unitSuffix(_ data: ReportData, _ columns: [String]) -> String {
        let unit = data.columns.unit(columns[0])
        return unit.isEmpty ? "" : " (\(unit))"
    }
}

/// Bars of each run's totals (mean, whiskers from the least to the
/// greatest run) for a list of columns.
enum TotalsChart {
    static func series(_ group: ReportData.Group, _ columns: [String], style: Int) -> BarChart.Series {
        let stats = columns.map { column in group.summary.index(of: column).map { group.summary.totals[$0] } ?? Stat() }
        return BarChart.Series(group.name, values: stats.map(\.mean), low: stats.map(\.lowest), high: stats.map(\.highest), style: style)
    }
}
