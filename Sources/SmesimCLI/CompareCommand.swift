import AgentEngine
import Dispatch
import Foundation
import SMEModel

/// `smesim compare`: loads every scenario and checks that they pair with
/// the reference (and reads the time series of the run folders given),
/// all before anything is written; then, in a staging folder, runs the
/// scenario files (`ScenarioRuns`, each into `scenarios/<name>/`), writes
/// `comparison.csv`, `cost_effectiveness.csv` and the manifest, and
/// commits the folder.
struct CompareCommand {
    let options: CompareOptions

    func execute() throws(CLIError) {
        let startDate = Date()
        let started = DispatchTime.now().uptimeNanoseconds
        let scenarios = try Self.load(options)
        let lastTick = scenarios.map(\.scenario.horizon).min() ?? 0
        let ticks = Comparison.ticks(last: lastTick, every: options.every)
        // Run folders are read now: a problem in one is found before anything is written.
        var samples: [ReplicateSamples?] = try scenarios.map { compared throws(CLIError) in
            compared.isFolder ? try Self.samples(compared.argument, ticks: ticks, replicates: compared.scenario.replicates, usage: true) : nil
        }
        let toRun = scenarios.filter { !$0.isFolder }
        let memoryBound = try ScenarioRuns.memoryBound(toRun.map(\.scenario))
        let output = try output(for: scenarios, lastTick: lastTick)
        let threads = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let comparison = try output.fill("the comparison") {
            let runs = ScenarioRuns(items: toRun.map { .init(scenario: $0.scenario, file: $0.argument, folder: output.stagingFile(Self.folder($0.name))) },
                                    panel: nil, threads: threads, quiet: options.quiet, command: Self.command)
            if !toRun.isEmpty { _ = try runs.write(store: output.stagingFile(".runs"), memoryBound: memoryBound) }
            for (k, compared) in scenarios.enumerated() where !compared.isFolder {
                samples[k] = try Self.samples(output.stagingFile(Self.folder(compared.name)), ticks: ticks, replicates: compared.scenario.replicates, usage: false)
            }
            let comparison = Comparison(names: scenarios.map(\.name), samples: samples.compactMap { $0 })
            try write(comparison, scenarios: scenarios, into: output, threads: threads, startDate: startDate, started: started)
            return comparison
        }
        if !options.quiet {
            printError("wrote \(output.finalPath): \(scenarios.count) scenarios × \(scenarios[0].scenario.replicates) replicates "
                + "(\(toRun.count) run, \(scenarios.count - toRun.count) read from run folders)")
            printError(CompareSummary(comparison).text)
        }
    }

    /// The output folder, prepared; refused when a run folder given lies
    /// inside it (replacing it would delete what is compared).
    private func output(for scenarios: [ComparedScenario], lastTick: Int) throws(CLIError) -> OutputDirectory {
        let path = options.out ?? "Results/\(Self.defaultName(scenarios.map(\.name)))"
        try ScenarioRuns.checkDisk(scenarios.filter { !$0.isFolder }.map(\.scenario), panel: nil, folder: path)
        let output = try OutputDirectory.prepared(path, force: options.force)
        if let inside = scenarios.first(where: { $0.isFolder && isInside($0.argument, output.finalPath) }) {
            output.discard()
            throw .usage("\(inside.argument): is inside the output folder \(output.finalPath), which the comparison replaces; choose another --out")
        }
        if !options.quiet && scenarios.contains(where: { $0.scenario.horizon != lastTick }) {
            printError("note: the horizons differ (\(scenarios.map { "\($0.name) \($0.scenario.horizon)" }.joined(separator: ", "))); compared on ticks 0 to \(lastTick)")
        }
        return output
    }

    static var command: [String] { ["smesim", "compare"] + CommandLine.arguments.dropFirst(2) }

    /// Where a scenario's run folder goes inside the output folder.
    static func folder(_ name: String) -> String { "scenarios/\(name)" }

    /// Every scenario, loaded and checked: distinct names; the reference's
    /// replicates and seed for the scenario files; run folders that pair.
    static func load(_ options: CompareOptions) throws(CLIError) -> [ComparedScenario] {
        var scenarios: [ComparedScenario] = []
        for argument in options.scenarios {
            var compared = try ComparedScenario.load(argument, overrides: options.overrides)
            if let reference = scenarios.first {
                if !compared.isFolder { compared = compared.withRuns(of: reference.scenario) }
                try compared.checkPairs(with: reference)
            }
            if let same = scenarios.first(where: { $0.name == compared.name }) {
                throw .usage("\(same.argument) and \(argument) are both named \"\(compared.name)\"; the scenarios of a comparison need distinct names "
                    + "(they name its rows and folders): change the \"name\" of one")
            }
            scenarios.append(compared)
        }
        return scenarios
    }

    /// The time series of the run folder at `folder`; its problems are
    /// usage errors for a folder given (`usage`), runtime ones for a
    /// folder this comparison wrote.
    static func samples(_ folder: String, ticks: [Int], replicates: Int, usage: Bool) throws(CLIError) -> ReplicateSamples {
        do {
            return try ReplicateSamples.read((folder as NSString).appendingPathComponent("timeseries.csv"), columns: Comparison.columns,
                                             ticks: ticks, replicates: replicates)
        } catch {
            throw usage ? .usage("\(error)") : .runtime("\(error)")
        }
    }

    /// "compare-<reference>-<others>", or "compare-<reference>-and-N-more"
    /// when that is long, or "compare".
    static func defaultName(_ names: [String]) -> String {
        let limit = 80
        let full = (["compare"] + names).joined(separator: "-")
        if full.count <= limit { return full }
        let short = "compare-\(names[0])-and-\(names.count - 1)-more"
        return short.count <= limit ? short : "compare"
    }

    /// The two tables and the manifest, into the staging folder.
    private func write(_ comparison: Comparison, scenarios: [ComparedScenario], into output: OutputDirectory, threads: Int,
                       startDate: Date, started: UInt64) throws {
        let tables = [OutputTables.comparison, OutputTables.costEffectiveness]
        try ComparisonRow.columns.write(comparison.comparisonRows, to: output.stagingFile(tables[0].file))
        try CostEffectivenessRow.columns.write(comparison.costRows, to: output.stagingFile(tables[1].file))
        let reference = scenarios[0].scenario
        var folders = JSONObject(), inputs = JSONObject()
        for compared in scenarios {
            // A folder given is recorded by its absolute path, so the
            // comparison can be read (reported) from any working folder.
            folders[compared.name] = .string(compared.isFolder
                ? URL(fileURLWithPath: compared.argument).standardizedFileURL.path : Self.folder(compared.name))
            inputs[compared.name] = compared.scenario.json
        }
        let manifest = RunManifest(
            name: Self.defaultName(comparison.names), tool: ToolInfo.name, version: ToolInfo.version, gitRevision: ToolInfo.gitRevision,
            command: Self.command, threads: threads, started: timestamp(startDate), ended: timestamp(Date()),
            wallSeconds: ScenarioRuns.seconds(since: started),
            details: [
                "kind": .string("comparison"),
                "reference": .string(comparison.names[0]),
                "scenarios": .object(folders),
                "replicates": .int(reference.replicates),
                "master_seed": .int(reference.seed),
                "every": .int(options.every),
                "last_tick": .int(comparison.ticks.last ?? 0),
            ],
            inputs: ["scenarios": .object(inputs)], tables: tables)
        let writer = try BufferedFileWriter(path: output.stagingFile(RunManifest.file))
        try writer.write(manifest.json.formatted())
        try writer.close()
    }
}
