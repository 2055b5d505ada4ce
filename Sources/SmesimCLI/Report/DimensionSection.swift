import AgentEngine

/// The business-model dimensions (relationship, technology, financial,
/// sustainability: every column `<d>_mean_members` with its
/// `<d>_mean_nonmembers`) of members and of non-members over the months,
/// as small multiples: one chart per dimension; members solid, non-members
/// dashed, each in a band over the runs; in a comparison, one colour per
/// scenario, charts the width of the page and no bands (six overlapping
/// bands hide the lines; the comparison's table has the intervals).
enum DimensionSection {
    static let members = "_mean_members", nonMembers = "_mean_nonmembers"

    static func make(_ data: ReportData) -> ReportSection {
        let dimensions = data.groups.flatMap { $0.summary.columns }
            .filter { $0.hasSuffix(members) }.map { String($0.dropLast(members.count)) }
        let unique = dimensions.enumerated().filter { !dimensions.prefix($0.offset).contains($0.element) }.map(\.element)
        guard !unique.isEmpty else {
            return ReportSection(id: "dimensions", title: "Members and non-members", body: HTML.paragraph("This time series has no columns <dimension>_mean_members.", note: true))
        }
        var body = HTML.paragraph("Mean of each dimension (an index from 0 to 1) over the living members (solid) and the living non-members (dashed), month by month; a line breaks where a group has no firms.")
        body += data.isComparison ? "<div>\n" : "<div class=\"grid\">\n"
        for dimension in unique {
            body += chart(dimension, data)
        }
        return ReportSection(id: "dimensions", title: "Members and non-members", body: body + "</div>\n")
    }

    private static func chart(_ dimension: String, _ data: ReportData) -> String {
        var series: [LineChart.Series] = []
        for (k, group) in data.groups.enumerated() {
            let prefix = data.isComparison ? group.name + ": " : ""
            let styles = data.isComparison ? (k, k) : (0, 1)
            let banded = !data.isComparison
            if let line = data.line(group, dimension + members, name: prefix + "members", style: styles.0, banded: banded) { series.append(line) }
            if let line = data.line(group, dimension + nonMembers, name: prefix + "non-members", style: styles.1, dashed: true, banded: banded) {
                series.append(line)
            }
        }
        let column = dimension + members
        let spread = data.isComparison ? "" : ", each with a \(data.bandNote)"
        let chart = LineChart(
            frame: ChartFrame(title: "\(dimension.capitalized) dimension", summary: "Mean \(dimension) dimension of members and of non-members by month, over \(data.runsText)\(spread).",
                              width: data.isComparison ? 900 : 460, height: 300),
            xTitle: "month", yTitle: data.columns.title(column, name: "mean"), series: series,
            bandNote: data.bandNote, xSteps: ReportData.monthSteps, yFromZero: false)
        return data.charts.figure(chart.svg, caption: "\(dimension): means over \(data.runsText)\(data.isComparison ? "" : "; " + data.bandNote).")
    }
}
