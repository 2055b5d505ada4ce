import AgentEngine
import Dispatch
import Foundation

/// The finished files of a sweep folder — timeseries.csv, runs.csv,
/// points.csv and manifest.json — written from recorded runs: by `sweep`
/// once its last run is recorded, and by `merge` from its shards' runs.
///
/// Each file is written under a temporary name and renamed into place,
/// the manifest last (it marks the folder complete); the temporary files
/// are deleted when writing one fails. The time series is joined in run
/// order, each run's rows appended as they are read, so the files are the
/// same whichever order the runs finished in, whichever process ran them
/// and however the sweep was split. A shard's folder gets no time series:
/// its runs' rows stay in its parts until `merge` joins them.
struct SweepTables {
    let setup: SweepSetup
    /// The runs the folder holds, in order: every run of the sweep, or a shard's.
    let runs: [Int]
    let records: [Int: RunRecord]
    /// The builds that ran the runs (listed in the manifest when more than one).
    let builds: [JSONValue]
    let command: [String]
    let threads: Int
    let startDate: Date
    let started: UInt64
    /// Facts of the manifest's `run` section after a sweep's own (a shard's
    /// spec; the merged shards).
    var details: JSONObject = [:]

    /// Where the time series' rows are (see `RunStore.join`): each run's
    /// part file, else (`resumes`) its block of the folder's earlier join of
    /// the table.
    struct Rows {
        let part: (Int) -> String
        var resumes = false
    }

    /// Runs of `runs` recorded as failed (a run without a record counts as
    /// failed).
    static func failedCount(_ records: [Int: RunRecord], _ runs: [Int]) -> Int {
        runs.reduce(0) { $0 + (records[$1]?.status == .ok ? 0 : 1) }
    }

    /// Writes the tables into `folder`, the time series from `rows` (none
    /// when nil), and publishes them, the manifest last.
    func write(into folder: SweepFolder, rows: Rows?) throws {
        let identity = setup.identityColumns
        let timeseries = OutputTables.timeseries(identity)
        let runsTable = OutputTables.runs(identity, outcomes: setup.plan.outcomes)
        let points = OutputTables.points(setup.parameterColumns)
        let blocks = folder.statePath + "/timeseries.blocks"
        let tables = [points, runsTable] + (rows == nil ? [] : [timeseries])
        do {
            if let rows {
                try RunStore.join(runs: runs.filter { records[$0]?.status == .ok }, part: rows.part,
                                  header: CSVRecord.header(timeseries.columns), into: folder.temporary(timeseries.file),
                                  blocks: blocks + ".tmp",
                                  previous: rows.resumes ? (folder.file(timeseries.file), [blocks, blocks + ".tmp"]) : nil)
            }
            try RunsTable.write(records, runs: runs, identityColumns: identity, identity: { setup.identity(setup.plan.run($0)) },
                                outcomes: setup.plan.outcomes, to: folder.temporary(runsTable.file))
            try writePoints(to: folder.temporary(points.file))
            let writer = try BufferedFileWriter(path: folder.temporary(RunManifest.file))
            try writer.write(manifest(tables).json.formatted())
            try writer.close()
        } catch {
            for name in [timeseries.file, runsTable.file, points.file, RunManifest.file] {
                try? FileManager.default.removeItem(atPath: folder.temporary(name))
            }
            throw error
        }
        // The table, then its block list; the manifest last.
        if rows != nil {
            try folder.publish(timeseries.file)
            try folder.move(blocks + ".tmp", to: blocks)
        }
        try folder.publish(runsTable.file)
        try folder.publish(points.file)
        try folder.publish(RunManifest.file)
    }

    /// points.csv: every point of the sweep, numbered.
    private func writePoints(to path: String) throws(OutputError) {
        let writer = try BufferedFileWriter(path: path)
        try writer.write(bytes: CSVRecord.header(OutputTables.points(setup.parameterColumns).columns).bytes)
        try writer.write(bytes: CSVRecord.lineEnd)
        for (number, point) in setup.plan.points.enumerated() {
            try writer.write(bytes: Self.pointRow(number, point).bytes)
            try writer.write(bytes: CSVRecord.lineEnd)
        }
        try writer.close()
    }

    /// A row of points.csv: the point's number and its swept values.
    static func pointRow(_ number: Int, _ point: [JSONValue]) -> CSVRecord {
        var row = CSVRecord()
        row.append(number)
        for value in point { row.append(SweepParameter.field(value)) }
        return row
    }

    /// The manifest: the resolved sweep and base scenario, how they were
    /// run, and the tables.
    private func manifest(_ tables: [TableDescription]) -> RunManifest {
        let plan = setup.plan
        var run: JSONObject = [
            "sweep_file": .string(setup.file),
            "design": .string(plan.design.name),
            "points": .int(plan.points.count),
            "runs": .int(runs.count),
            "failed_runs": .int(Self.failedCount(records, runs)),
            "master_seed": .int(plan.seed),
        ]
        if builds.count > 1 { run["builds"] = .array(builds) }
        for (key, value) in details.entries { run[key] = value }
        return RunManifest(
            name: setup.name, tool: ToolInfo.name, version: ToolInfo.version, gitRevision: ToolInfo.gitRevision,
            command: command, threads: threads, started: timestamp(startDate), ended: timestamp(Date()),
            wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
            details: run, inputs: ["sweep": setup.json, "scenario": setup.base.json], tables: tables)
    }
}
