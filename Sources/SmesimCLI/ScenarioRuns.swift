import AgentEngine
import Dispatch
import Foundation
import SMEModel

/// Runs every replicate of one or more scenarios and writes each
/// scenario's run folder — timeseries.csv, runs.csv, alliances.csv,
/// firms.csv with a panel, manifest.json — the one pipeline of `run` (one
/// scenario) and `compare` (each scenario compared).
///
/// All the runs go through one `ExperimentRunner`, so the threads stay
/// busy across scenarios; a run is a pure function of its scenario,
/// replicate and seed, so every folder is the same whatever the thread
/// count and whatever ran beside it. The folders are written in place
/// (inside the caller's staging folder, which the caller commits).
struct ScenarioRuns {
    /// A scenario, the file it came from (nil: the embedded default) and
    /// the folder its run folder is written to.
    struct Item {
        let scenario: Scenario
        let file: String?
        let folder: String
    }

    let items: [Item]
    let panel: PanelOptions?
    let threads: Int
    let quiet: Bool
    /// The command line, for the manifests.
    let command: [String]

    /// The most runs that fit in memory at once (the largest scenario's);
    /// a usage error when one run cannot fit, found before anything is written.
    static func memoryBound(_ scenarios: [Scenario]) throws(CLIError) -> Int {
        var bound = Int.max
        for scenario in scenarios {
            let peers = scenario.adoption.mode == .peers
            bound = min(bound, try MemoryBudget.concurrentRuns(
                bytesPerRun: scenario.estimatedBytesPerRun,
                why: "firms.count \(scenario.firms.count)" + (peers ? ", adoption.peers.degree \(scenario.adoption.peers.degree)" : ""),
                remedy: "use fewer firms" + (peers ? " or a smaller degree" : "")))
        }
        return bound
    }

    /// Refuses (a usage error) when the disk holding `folder` has not room
    /// for the output of `scenarios` (`SMESimulation.estimatedOutputBytes`,
    /// with a margin), found before anything is written.
    static func checkDisk(_ scenarios: [Scenario], panel: PanelOptions?, folder: String) throws(CLIError) {
        let bytes = scenarios.reduce(0.0) { total, scenario in
            let panelRows = panel.map { Swift.min($0.sample, scenario.firms.count) * (scenario.horizon / $0.every + 1) * scenario.replicates } ?? 0
            return total + SMESimulation.estimatedOutputBytes(scenario, runs: scenario.replicates, panelRows: panelRows)
        }
        try DiskBudget.check(bytes: bytes, writingTo: folder)
    }

    /// Runs everything, keeping the finished runs in a store at `store`
    /// (deleted at the end), and writes the folders; returns the wall time
    /// in seconds.
    func write(store path: String, memoryBound: Int) throws -> Double {
        let startDate = Date()
        let started = DispatchTime.now().uptimeNanoseconds
        var runs: [RunSpec] = []
        for (point, item) in items.enumerated() {
            runs += (0..<item.scenario.replicates).map { RunSpec(index: runs.count + $0, point: point, replicate: $0, seed: item.scenario.seed) }
        }
        let progress = ProgressReporter(totalRuns: runs.count, totalTicks: items.reduce(0) { $0 + $1.scenario.replicates * $1.scenario.horizon },
                                        enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let store = try RunStore(folder: path)
        let items = items, panel = panel
        let definitions = items.map(\.scenario.runDefinition)
        _ = try ExperimentRunner(threads: threads, maxConcurrentRuns: memoryBound).run(
            runs, store: store, extraTables: panel == nil ? 1 : 2, outcomes: Self.outcomes, onFailure: .stop, progress: progress
        ) { spec, executor in
            let scenario = items[spec.point].scenario
            return PreparedRun(
                model: SMESimulation(scenario: scenario, run: spec, executor: executor, panel: panel), horizon: scenario.horizon,
                runID: RunIdentity.id(model: definitions[spec.point], replicate: spec.replicate, seed: spec.seed, version: ToolInfo.version),
                identity: Self.identityRow(spec))
        }
        progress.finish()
        let records = try store.records()
        for (point, item) in items.enumerated() {
            try writeFolder(item, runs: runs.filter { $0.point == point }, store: store, records: records, startDate: startDate, started: started)
        }
        try? FileManager.default.removeItem(atPath: store.folder)
        return Self.seconds(since: started)
    }

    static let outcomes = SMESimulation.defaultOutcomes
    static let identity = [IdentityColumns.replicate, IdentityColumns.seed]

    static func identityRow(_ spec: RunSpec) -> CSVRecord {
        var row = CSVRecord()
        row.append(spec.replicate)
        row.append(spec.seed)
        return row
    }

    static func seconds(since started: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    }

    /// One scenario's folder: its tables joined from the store in replicate
    /// order, runs.csv, then the manifest.
    private func writeFolder(_ item: Item, runs: [RunSpec], store: RunStore, records: [Int: RunRecord],
                             startDate: Date, started: UInt64) throws {
        let scenario = item.scenario
        try createFolder(atPath: item.folder)
        func file(_ name: String) -> String { (item.folder as NSString).appendingPathComponent(name) }
        let identity = Self.identity
        var tables = [OutputTables.timeseries(identity), OutputTables.runs(identity, outcomes: Self.outcomes), OutputTables.alliances(identity)]
        if let panel { tables.append(OutputTables.firms(identity, panel: panel, firms: scenario.firms.count)) }
        // Table 0 is the time series, 1 alliances.csv, 2 the panel.
        for (table, description) in ([tables[0], tables[2]] + (panel == nil ? [] : [tables[3]])).enumerated() {
            try store.join(table: table, runs: runs.map(\.index), header: CSVRecord.header(description.columns), into: file(description.file),
                           consuming: true)
        }
        let own = Dictionary(uniqueKeysWithValues: runs.compactMap { run in records[run.index].map { (run.replicate, $0) } })
        try RunsTable.write(own, runs: runs.indices, identityColumns: identity, identity: { Self.identityRow(runs[$0]) },
                            outcomes: Self.outcomes, to: file("runs.csv"))
        let manifest = RunManifest(
            name: scenario.name, tool: ToolInfo.name, version: ToolInfo.version, gitRevision: ToolInfo.gitRevision,
            command: command, threads: threads,
            started: timestamp(startDate), ended: timestamp(Date()), wallSeconds: Self.seconds(since: started),
            details: [
                "scenario_file": item.file.map(JSONValue.string) ?? .null,
                "master_seed": .int(scenario.seed),
                "runs": .int(runs.count),
            ],
            inputs: ["scenario": scenario.json], tables: tables)
        let writer = try BufferedFileWriter(path: file(RunManifest.file))
        try writer.write(manifest.json.formatted())
        try writer.close()
    }
}
