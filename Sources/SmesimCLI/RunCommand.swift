import AgentEngine
import Dispatch
import Foundation
import SMEModel

/// `smesim run`: loads and checks the scenario, prepares the output folder,
/// runs every replicate and writes the tables and the manifest.
struct RunCommand {
    let options: RunOptions

    func execute() throws(CLIError) {
        let loaded = try ScenarioLoader.load(options.scenarioFile, overrides: options.overrides)
        let scenario = loaded.scenario
        let threads = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let peers = scenario.adoption.mode == .peers
        let memoryBound = try MemoryBudget.concurrentRuns(
            bytesPerRun: scenario.estimatedBytesPerRun,
            why: "firms.count \(scenario.firms.count)" + (peers ? ", adoption.peers.degree \(scenario.adoption.peers.degree)" : ""),
            remedy: "use fewer firms" + (peers ? " or a smaller degree" : ""))
        let output: OutputDirectory
        do {
            output = try OutputDirectory.prepare(options.out ?? "Results/\(scenario.name)", force: options.force, folders: ToolInfo.folders)
        } catch {
            throw .usage(error.description)
        }
        let interruption = InterruptionGuard(message: "nothing was written") { output.discard() }
        defer { interruption.disarm() }
        do {
            try write(scenario, file: loaded.file, into: output, threads: threads, memoryBound: memoryBound)
        } catch {
            output.discard()
            throw .runtime("the run failed and nothing was written: \(error)")
        }
    }

    private func write(_ scenario: Scenario, file: String?, into output: OutputDirectory, threads: Int, memoryBound: Int) throws {
        let startDate = Date()
        let started = DispatchTime.now().uptimeNanoseconds
        let panel = options.panel
        let identity = [IdentityColumns.replicate, IdentityColumns.seed]
        let runs = (0..<scenario.replicates).map { RunSpec(index: $0, replicate: $0, seed: scenario.seed) }
        let outcomes = SMESimulation.defaultOutcomes
        let progress = ProgressReporter(totalRuns: runs.count, totalTicks: runs.count * scenario.horizon,
                                        enabled: !options.quiet && isatty(STDERR_FILENO) == 1)
        let store = try RunStore(folder: output.stagingFile(".runs"))
        let definition = scenario.runDefinition
        @Sendable func identityRow(_ spec: RunSpec) -> CSVRecord {
            var row = CSVRecord()
            row.append(spec.replicate)
            row.append(spec.seed)
            return row
        }
        _ = try ExperimentRunner(threads: threads, maxConcurrentRuns: memoryBound).run(
            runs, store: store, extraTables: panel == nil ? 1 : 2, outcomes: outcomes, onFailure: .stop, progress: progress
        ) { spec, executor in
            PreparedRun(
                model: SMESimulation(scenario: scenario, run: spec, executor: executor, panel: panel), horizon: scenario.horizon,
                runID: RunIdentity.id(model: definition, replicate: spec.replicate, seed: spec.seed, version: ToolInfo.version),
                identity: identityRow(spec))
        }
        progress.finish()

        var tables = [OutputTables.timeseries(identity), OutputTables.runs(identity, outcomes: outcomes), OutputTables.alliances(identity)]
        if let panel { tables.append(OutputTables.firms(identity, panel: panel, firms: scenario.firms.count)) }
        let order = runs.map(\.index)
        // Table 0 is the time series, 1 alliances.csv, 2 the panel.
        for (table, description) in ([tables[0], tables[2]] + (panel == nil ? [] : [tables[3]])).enumerated() {
            try store.join(table: table, runs: order, header: CSVRecord.header(description.columns),
                           into: output.stagingFile(description.file))
        }
        try RunsTable.write(try store.records(), count: runs.count, identityColumns: identity, identity: { identityRow(runs[$0]) }, outcomes: outcomes, to: output.stagingFile("runs.csv"))
        try? FileManager.default.removeItem(atPath: store.folder)

        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let manifest = RunManifest(
            name: scenario.name, tool: ToolInfo.name, version: ToolInfo.version, gitRevision: ToolInfo.gitRevision,
            command: ["smesim", "run"] + CommandLine.arguments.dropFirst(2), threads: threads,
            started: timestamp(startDate), ended: timestamp(Date()), wallSeconds: wall,
            details: [
                "scenario_file": file.map(JSONValue.string) ?? .null,
                "master_seed": .int(scenario.seed),
                "runs": .int(runs.count),
            ],
            inputs: ["scenario": scenario.json], tables: tables)
        let writer = try BufferedFileWriter(path: output.stagingFile("manifest.json"))
        try writer.write(manifest.json.formatted())
        try writer.close()
        try output.commit()
        if !options.quiet {
            printError("wrote \(output.finalPath): \(runs.count) runs × \(scenario.horizon) ticks × \(scenario.firms.count) firms "
                + "in \(String(format: "%.2f", wall)) s (\(formatRate(wall > 0 ? scenario.agentSteps / wall : 0)) agent-steps/s, \(threads) threads)")
        }
    }
}
