import AgentEngine
import Dispatch
import Foundation
import SMEModel

/// `smesim run`: loads and checks the scenario, prepares the output folder,
/// runs every replicate and writes the table and the manifest.
struct RunCommand {
    let options: RunOptions

    func execute() throws(CLIError) {
        let loaded = try ScenarioLoader.load(options.scenarioFile, overrides: options.overrides)
        let scenario = loaded.scenario
        let outPath = options.out ?? "Results/\(scenario.name)"
        let threads = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        // Memory: refuse a run that cannot fit, and hold no more runs at once
        // than fit in 80 % of the machine's memory.
        let usable = Double(ProcessInfo.processInfo.physicalMemory) * 0.8
        let perRun = scenario.estimatedBytesPerRun
        guard perRun <= usable else {
            throw .usage("the scenario needs about \(gibibytes(perRun)) GiB for one run (firms.count \(scenario.firms.count)"
                + (scenario.adoption.mode == .peers ? ", adoption.peers.degree \(scenario.adoption.peers.degree)" : "")
                + "); this machine has \(gibibytes(usable / 0.8)) GiB: use fewer firms" + (scenario.adoption.mode == .peers ? " or a smaller degree" : ""))
        }
        let memoryBound = Int(usable / perRun)
        let output: OutputDirectory
        do {
            output = try OutputDirectory.prepare(outPath, force: options.force)
        } catch {
            throw .usage(error.description)
        }
        let interruption = InterruptionGuard(output: output)
        defer { interruption.disarm() }

        let startDate = Date()
        let started = DispatchTime.now().uptimeNanoseconds
        let runs = (0..<scenario.replicates).map { RunSpec(index: $0, replicate: $0, seed: scenario.seed) }
        let showProgress = !options.quiet && isatty(STDERR_FILENO) == 1
        let progress = ProgressReporter(totalRuns: runs.count, ticksPerRun: scenario.horizon, enabled: showProgress)
        let runner = ExperimentRunner(threads: threads, maxConcurrentRuns: memoryBound)
        let panel = options.panel
        var tables = [TableDescription(
            name: "timeseries", file: "timeseries.csv",
            description: "One row per replicate and tick: adoption, the economy, the platform and business model innovation.",
            columns: ExperimentRunner.identityColumns + SMESimulation.columns)]
        var extraTables = [TableOutput(path: output.stagingFile("alliances.csv"), columns: AllianceSystem.eventColumns)]
        tables.append(TableDescription(
            name: "alliances", file: "alliances.csv",
            description: "One row per alliance event (formed, phase change, fall-back, failure, planned end) and per finished firm-level reintegration.",
            columns: ExperimentRunner.identityColumns + AllianceSystem.eventColumns))
        if let panel {
            extraTables.append(TableOutput(path: output.stagingFile("firms.csv"), columns: PanelOptions.columns))
            tables.append(TableDescription(
                name: "firms", file: "firms.csv",
                description: "Panel: every \(panel.every) ticks, the state of the same \(Swift.min(panel.sample, scenario.firms.count)) firms (drawn from the master seed) in every replicate.",
                columns: ExperimentRunner.identityColumns + PanelOptions.columns))
        }
        do {
            try runner.run(
                runs, horizon: scenario.horizon, modelColumns: SMESimulation.columns,
                tablePath: output.stagingFile("timeseries.csv"), extraTables: extraTables, progress: progress
            ) { spec, executor in
                SMESimulation(scenario: scenario, run: spec, executor: executor, panel: panel)
            }
            progress.finish()
            let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let manifest = RunManifest(
                name: scenario.name, tool: ToolInfo.name, version: ToolInfo.version,
                gitRevision: ToolInfo.gitRevision, command: ["smesim", "run"] + CommandLine.arguments.dropFirst(2),
                scenarioFile: loaded.file, scenario: scenario.json, masterSeed: scenario.seed,
                runs: runs.count, threads: threads,
                started: timestamp(startDate), ended: timestamp(Date()), wallSeconds: wall,
                tables: tables)
            let writer = try BufferedFileWriter(path: output.stagingFile("manifest.json"))
            try writer.write(manifest.json.formatted())
            try writer.close()
            try output.commit()
            if !options.quiet {
                let steps = scenario.agentSteps
                printError("wrote \(output.finalPath): \(runs.count) runs × \(scenario.horizon) ticks × \(scenario.firms.count) firms "
                    + "in \(String(format: "%.2f", wall)) s (\(formatRate(wall > 0 ? steps / wall : 0)) agent-steps/s, \(threads) threads)")
            }
        } catch {
            progress.finish()
            output.discard()
            throw .runtime("the run failed and nothing was written: \(error)")
        }
    }

    private func gibibytes(_ bytes: Double) -> String {
        String(format: "%.1f", bytes / 1_073_741_824)
    }

    private func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}

/// Removes the staging folder when the user interrupts a run (Ctrl-C or
/// SIGTERM), so an interrupted run leaves nothing behind.
final class InterruptionGuard {
    private let sources: [any DispatchSourceSignal]

    init(output: OutputDirectory) {
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                output.discard()
                FileHandle.standardError.write(Data("\n\(ToolInfo.name): interrupted; nothing was written\n".utf8))
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    func disarm() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
