/// A sweep's runs as its report reads them: the swept keys (the columns of
/// `points.csv` after `point`), and from `runs.csv` each finished run's
/// value of every key and every outcome (the columns after
/// `wall_seconds`); failed runs are counted, not kept.
struct SweepRuns {
    let keys: [String]
    let outcomes: [String]
    /// Per key, each finished run's value as written.
    private(set) var values: [[String]]
    /// Per outcome, each finished run's value (NaN: missing).
    private(set) var results: [[Double]]
    private(set) var runs = 0
    private(set) var failed = 0
    /// The sweep's points.
    private(set) var points = 0

    static let runColumns: Set<String> = ["point", "replicate", "seed", "run_id", "status", "reason", "wall_seconds"]

    static func read(_ folder: ResultFolder) throws(CLIError) -> SweepRuns {
        let pointsTable = try TableFile(folder.file("points.csv"))
        _ = try pointsTable.require("point")
        let keys = pointsTable.header.filter { $0 != "point" }
        var points = 0
        while try pointsTable.next() { points += 1 }

        let table = try TableFile(folder.file("runs.csv"))
        let status = try table.require("status")
        var keyColumns: [Int] = []
        for key in keys { keyColumns.append(try table.require(key)) }
        let outcomeStart = table.column("wall_seconds").map { $0 + 1 } ?? 0
        let outcomeColumns = table.header.indices.filter { $0 >= outcomeStart && !runColumns.contains(table.header[$0]) && !keys.contains(table.header[$0]) }
        var runs = SweepRuns(keys: keys, outcomes: outcomeColumns.map { table.header[$0] }, values: keys.map { _ in [] },
                             results: outcomeColumns.map { _ in [] }, points: points)
        while try table.next() {
            guard table.text(status) == "ok" else { runs.failed += 1; continue }
            runs.runs += 1
            for (k, column) in keyColumns.enumerated() { runs.values[k].append(table.text(column)) }
            for (k, column) in outcomeColumns.enumerated() { runs.results[k].append(try table.value(column)) }
        }
        return runs
    }
}
