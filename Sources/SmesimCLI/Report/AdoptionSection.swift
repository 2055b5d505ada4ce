import AgentEngine

/// The adoption curve: the share of living firms that are platform
/// members, month by month — the mean over the runs in a band from the
/// lowest to the highest run; one line and band per scenario in a
/// comparison — and where it ends.
enum AdoptionSection {
    static func make(_ data: ReportData) -> ReportSection {
        let column = "member_share"
        guard let chart = data.tickChart(column, title: "Adoption: share of living firms that are platform members") else {
            return ReportSection(id: "adoption", title: "Adoption", body: HTML.paragraph("This time series has no \(column) column.", note: true))
        }
        var rows: [[String]] = []
        for group in data.groups {
            guard let stats = group.summary.ticks(column), let last = stats.last else { continue }
            rows.append([group.name, NumberFormat.fixed(Double(stats.count - 1), decimals: 0),
                         NumberFormat.significant(last.mean), NumberFormat.significant(last.lowest), NumberFormat.significant(last.highest)])
        }
        let table = HTML.table(["", "last month", "member share, mean", "lowest", "highest"], rows, numeric: [1, 2, 3, 4],
                               caption: "At the last month (\(data.columns.unit(column).isEmpty ? "share" : data.columns.unit(column)))")
        return ReportSection(id: "adoption", title: "Adoption", body: chart + table)
    }
}
