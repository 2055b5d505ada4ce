import SMEModel

/// What a report draws from a time series (`timeseries.csv`), read in one
/// pass: for each chosen column, tick by tick, the mean, least and greatest
/// value over the runs; and each run's total of the column over its ticks
/// after the initial state (1 onwards) and by year (ticks 1–12, 13–24, …),
/// summarised over the runs. Memory grows with columns × ticks, not with
/// the number of runs.
///
/// A run is a stretch of rows with the same identity (the columns before
/// `tick`). Totals are only meaningful when every run has a row for every
/// tick (`everyTick`); a thinned time series (a sweep's `every`) has not.
struct SeriesSummary {
    let columns: [String]
    private(set) var byTick: [[Stat]]
    private(set) var totals: [Stat]
    private(set) var yearly: [[Stat]]
    private(set) var runs = 0
    private(set) var lastTick = 0
    private(set) var everyTick = true

    /// Ticks beyond the longest horizon a scenario may have are refused.
    static let tickLimit: Int = {
        if case .integer(let range)? = Scenario.schema.parameter("horizon")?.domain { return range.upperBound }
        return 100_000
    }()

    func index(of column: String) -> Int? { columns.firstIndex(of: column) }

    /// The tick-by-tick statistics of `column`, if it was read.
    func ticks(_ column: String) -> [Stat]? { index(of: column).map { byTick[$0] } }

    /// Reads the time series at `path`, keeping the columns `wanted` picks.
    static func read(_ path: String, wanted: (String) -> Bool) throws(CLIError) -> SeriesSummary {
        let table = try TableFile(path)
        let tick = try table.require("tick")
        let picked = table.header.indices.filter { $0 != tick && wanted(table.header[$0]) }
        var summary = SeriesSummary(columns: picked.map { table.header[$0] }, byTick: picked.map { _ in [] },
                                    totals: picked.map { _ in Stat() }, yearly: picked.map { _ in [] })
        var run = RunTotals(columns: picked.count)
        var identity: [String] = []
        var values = [Double](repeating: .nan, count: picked.count)
        while try table.next() {
            guard let t = try table.number(tick), t >= 0, t <= Double(tickLimit), t == t.rounded() else {
                throw .usage("\(path): line \(table.line): tick \"\(table.text(tick))\" is not a whole number from 0 to \(tickLimit)")
            }
            let rowIdentity = (0..<tick).map(table.text)
            if rowIdentity != identity || summary.runs == 0 {
                if summary.runs > 0 { summary.fold(run) }
                summary.runs += 1
                identity = rowIdentity
                run = RunTotals(columns: picked.count)
            }
            for (k, column) in picked.enumerated() { values[k] = try table.value(column) }
            summary.add(tick: Int(t), values, run: &run)
        }
        if summary.runs > 0 { summary.fold(run) }
        guard summary.runs > 0 else { throw .usage("\(path): has a header but no rows") }
        return summary
    }

    /// One row of the current run.
    private mutating func add(tick: Int, _ values: [Double], run: inout RunTotals) {
        if tick != run.previousTick + 1 { everyTick = false }
        run.previousTick = tick
        lastTick = max(lastTick, tick)
        for k in values.indices {
            while byTick[k].count <= tick { byTick[k].append(Stat()) }
            byTick[k][tick].add(values[k])
            if tick > 0 { run.add(values[k], column: k, year: (tick - 1) / 12) }
        }
    }

    /// The totals of a finished run.
    private mutating func fold(_ run: RunTotals) {
        for k in columns.indices {
            totals[k].add(run.total[k])
            for (year, sum) in run.yearly[k].enumerated() {
                while yearly[k].count <= year { yearly[k].append(Stat()) }
                yearly[k][year].add(sum)
            }
        }
    }
}

/// One run's totals of each column, over the run and by year; a column
/// with no value in a year (or the run) has a missing (NaN) total there.
struct RunTotals {
    var total: [Double]
    var yearly: [[Double]]
    var previousTick = -1

    init(columns: Int) {
        total = [Double](repeating: .nan, count: columns)
        yearly = [[Double]](repeating: [], count: columns)
    }

    mutating func add(_ value: Double, column k: Int, year: Int) {
        guard value.isFinite else { return }
        total[k] = total[k].isNaN ? value : total[k] + value
        while yearly[k].count <= year { yearly[k].append(.nan) }
        yearly[k][year] = yearly[k][year].isNaN ? value : yearly[k][year] + value
    }
}
