import AgentEngine
import SMEModel

/// A sweep's outcomes against each swept key, from `runs.csv`: for a key
/// with few levels (a grid, a list of points, a boolean), the mean outcome
/// at each level with a whisker from the lowest to the highest run; for a
/// key with many values (Latin hypercube, Sobol', Morris), every run as a
/// point (at most `scatterLimit`, evenly taken, said so).
enum SweepSection {
    static let levelLimit = 12
    static let scatterLimit = 2_000

    static func make(_ runs: SweepRuns, _ data: ReportData) -> ReportSection {
        var body = keysTable(runs)
        if runs.runs == 0 {
            return ReportSection(id: "sweep", title: "Outcomes by swept key", body: body + HTML.paragraph("No run of the sweep finished.", note: true))
        }
        for (k, outcome) in runs.outcomes.enumerated() {
            body += "<h3>\(HTML.escape(outcome))</h3>\n"
            let meaning = data.folder.manifest.columns(of: "runs.csv").description(outcome)
            if !meaning.isEmpty { body += HTML.paragraph(meaning) }
            body += "<div class=\"grid\">\n"
            for (j, key) in runs.keys.enumerated() {
                body += chart(outcome: outcome, runs.results[k], key: key, runs.values[j], data)
            }
            body += "</div>\n"
        }
        return ReportSection(id: "sweep", title: "Outcomes by swept key", body: body)
    }

    /// The swept keys: how many levels each took, and its range.
    private static func keysTable(_ runs: SweepRuns) -> String {
        let rows = runs.keys.enumerated().map { j, key -> [String] in
            let levels = Levels(key: key, runs.values[j])
            let show = { (label: String?) in levels.numeric && !levels.boolean ? NumberFormat.significant(Double(label ?? "") ?? .nan, digits: 4) : label ?? "" }
            return [key, NumberFormat.fixed(Double(levels.labels.count), decimals: 0), show(levels.labels.first), show(levels.labels.last)]
        }
        let done = "\(NumberFormat.fixed(Double(runs.runs), decimals: 0)) runs finished" + (runs.failed > 0 ? ", \(runs.failed) failed (left out)" : "")
        return HTML.paragraph("\(NumberFormat.fixed(Double(runs.points), decimals: 0)) points; \(done).")
            + HTML.table(["swept key", "values", "least", "greatest"], rows, numeric: [1, 2, 3], caption: "Swept keys (points.csv)")
    }

    private static func chart(outcome: String, _ results: [Double], key: String, _ values: [String], _ data: ReportData) -> String {
        let levels = Levels(key: key, values)
        let yTitle = title(outcome, data)
        let frame = { (summary: String) in ChartFrame(title: "\(outcome) by \(key)", summary: summary, width: 460, height: 300) }
        if levels.labels.count <= levelLimit {
            var stats = [Stat](repeating: Stat(), count: levels.labels.count)
            for (run, value) in results.enumerated() { stats[levels.level[run]].add(value) }
            let chart = BarChart(
                frame: frame("Mean \(outcome) at each value of \(key), with a whisker from the lowest to the highest run."),
                categories: levels.labels,
                series: [BarChart.Series(outcome, values: stats.map(\.mean), low: stats.map(\.lowest), high: stats.map(\.highest), style: 0)],
                valueTitle: yTitle, whiskerNote: "whisker: lowest to highest run", dots: true)
            return data.charts.figure(chart.svg, caption: "Dots: mean over the runs at each value of \(key) (over every value of the other keys); whisker: lowest to highest run.")
        }
        guard levels.numeric else {
            return HTML.paragraph("\(key) takes \(levels.labels.count) values that are not numbers: not drawn.", note: true)
        }
        let every = max(1, (results.count + scatterLimit - 1) / scatterLimit)
        let points = stride(from: 0, to: results.count, by: every).map { (x: levels.numbers[$0], y: results[$0]) }
        let taken = every == 1 ? "every run" : "every \(every)th run (\(points.count) of \(results.count))"
        let chart = ScatterChart(frame: frame("\(outcome) of \(taken) against its value of \(key)."), xTitle: key, yTitle: yTitle, points: points)
        return data.charts.figure(chart.svg, caption: "\(outcome) against \(key): \(taken).")
    }

    /// The outcome's name and unit: the unit of the time-series column it
    /// summarises (the sweep's `outcomes` say which; a sum of a monthly
    /// quantity loses its "/month").
    private static func title(_ outcome: String, _ data: ReportData) -> String {
        let manifest = data.folder.manifest
        guard let column = manifest.string(["sweep", "outcomes", outcome, "column"]) else { return outcome }
        var unit = data.columns.unit(column)
        if manifest.string(["sweep", "outcomes", outcome, "stat"]) == "sum" { unit = PolicySection.totalUnit(unit) }
        return unit.isEmpty ? outcome : "\(outcome) (\(unit))"
    }
}

/// The distinct values a swept key took, in order (numbers ascending,
/// text alphabetically; a boolean key's 1 and 0 read "true" and "false"),
/// and each run's level.
struct Levels {
    let labels: [String]
    let level: [Int]
    let numeric: Bool
    /// A boolean key's levels, 0 and 1, read "false" and "true".
    let boolean: Bool
    let numbers: [Double]

    init(key: String, _ values: [String]) {
        let numbers = values.map { Double($0) ?? .nan }
        numeric = !values.isEmpty && numbers.allSatisfy(\.isFinite)
        self.numbers = numbers
        var distinct = Array(Set(values))
        if numeric {
            distinct.sort { (Double($0) ?? 0, $0) < (Double($1) ?? 0, $1) }
        } else {
            distinct.sort()
        }
        let index = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($0.element, $0.offset) })
        level = values.map { index[$0] ?? 0 }
        var boolean = false
        if case .boolean? = Scenario.schema.parameter(key)?.domain { boolean = true }
        self.boolean = boolean
        labels = distinct.map { boolean ? ($0 == "1" ? "true" : $0 == "0" ? "false" : $0) : $0 }
    }
}
