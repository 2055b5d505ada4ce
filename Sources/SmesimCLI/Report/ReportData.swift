import AgentEngine

/// What the sections of a report draw from: the folder, its time series
/// summarised by group — a run's replicates, each scenario of a
/// comparison, all runs of a sweep — and the columns' units and meanings
/// from the manifest.
struct ReportData {
    struct Group {
        let name: String
        let summary: SeriesSummary
    }

    let folder: ResultFolder
    let groups: [Group]
    let columns: ColumnInfo
    /// What a band spans one of: "replicate" (run, comparison) or "run" (sweep).
    let member: String
    let charts = ChartNumbering()

    /// The time-series columns a report reads.
    static func wanted(_ column: String) -> Bool {
        ["member_share", "exits", "cohort_survival", "firms_alive"].contains(column)
            || column.hasSuffix("_mean_members") || column.hasSuffix("_mean_nonmembers")
            || ["alliances_formed_", "public_spending_", "policy_grants_", "policy_budget_left_"].contains { column.hasPrefix($0) }
    }

    /// Steps of a months axis: whole months, quarters, years.
    static let monthSteps: [Double] = [1, 2, 3, 6, 12, 24, 36, 60, 120, 240, 360, 600, 1200]

    var bandNote: String { "band: lowest to highest \(member)" }
    var whiskerNote: String { "whisker: lowest to highest \(member)" }
    var isComparison: Bool { folder.kind == .comparison }

    /// The columns of any group whose names start with `prefix` (and are
    /// longer), in the order the tables have them.
    func columns(prefix: String, except: Set<String> = []) -> [String] {
        var seen = Set<String>(), found: [String] = []
        for group in groups {
            for column in group.summary.columns where column.hasPrefix(prefix) && column.count > prefix.count && !except.contains(column) {
                if seen.insert(column).inserted { found.append(column) }
            }
        }
        return found
    }

    func has(_ column: String) -> Bool { groups.contains { $0.summary.index(of: column) != nil } }

    /// `column` over the ticks of `group`: the mean, in a band from the
    /// least to the greatest value over its runs (unless not `banded`).
    func line(_ group: Group, _ column: String, name: String, style: Int, dashed: Bool = false, banded: Bool = true) -> LineChart.Series? {
        guard let stats = group.summary.ticks(column) else { return nil }
        let points = stats.enumerated().map {
            LineChart.Point(x: Double($0.offset), y: $0.element.mean, low: banded ? $0.element.lowest : .nan, high: banded ? $0.element.highest : .nan)
        }
        return LineChart.Series(name, points: points, style: style, dashed: dashed)
    }

    /// A chart of `column` over the months, one line per group.
    func tickChart(_ column: String, title: String, width: Double = 900, height: Double = 340) -> String? {
        let series = groups.enumerated().compactMap { line($0.element, column, name: $0.element.name, style: $0.offset) }
        guard !series.isEmpty else { return nil }
        let chart = LineChart(frame: ChartFrame(title: title, summary: summary(of: column), width: width, height: height),
                              xTitle: "month", yTitle: columns.title(column), series: series, bandNote: bandNote,
                              xSteps: Self.monthSteps)
        return charts.figure(chart.svg, caption: caption(column))
    }

    /// The chart's description for screen readers: the column's meaning
    /// and what is drawn.
    func summary(of column: String) -> String {
        let meaning = columns.description(column)
        return (meaning.isEmpty ? column : "\(column): \(meaning)") + " Mean over \(runsText) by month, with a \(bandNote)."
    }

    /// The caption under a chart of `column`.
    func caption(_ column: String) -> String {
        let meaning = columns.description(column)
        return (meaning.isEmpty ? "" : meaning + " ") + "Lines: mean over \(runsText); \(bandNote)."
    }

    /// "3 replicates" or "3–5 replicates of each scenario".
    var runsText: String {
        let counts = groups.map(\.summary.runs)
        let low = counts.min() ?? 0, high = counts.max() ?? 0
        let number = low == high ? NumberFormat.fixed(Double(low), decimals: 0) : "\(low)–\(high)"
        return "\(number) \(member)\(high == 1 ? "" : "s")" + (isComparison ? " of each scenario" : "")
    }

    /// Whether totals over a run can be drawn: every run has every tick.
    var hasTotals: Bool { groups.allSatisfy(\.summary.everyTick) }
}
