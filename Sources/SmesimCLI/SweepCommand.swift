import AgentEngine
import Dispatch
import Foundation
import SMEModel

/// `smesim sweep`: reads the sweep, finds what an earlier invocation of
/// the same sweep already finished, runs the rest in parallel (each run
/// recorded as it ends) and, once every run is recorded, joins the tables
/// and writes the manifest.
///
/// The output folder holds the finished tables and `.sweep/`: the resolved
/// sweep it belongs to (`sweep.json`), the run journal and the parts of
/// runs not yet joined. A folder is complete when it has `manifest.json`.
struct SweepCommand {
    let options: SweepOptions

    func execute() throws(CLIError) {
        let startDate = Date()
        let started = DispatchTime.now().uptimeNanoseconds
        let setup = try SweepFile.load(options.sweepFile ?? "", overrides: options.overrides, every: options.every)
        let plan = setup.plan
        let folder = SweepFolder(path: options.out ?? "Results/\(setup.name)")
        let identity = JSONValue.object(["version": .string(ToolInfo.version), "sweep": setup.json, "scenario": setup.base.json])
        let threads = options.threads ?? ProcessInfo.processInfo.activeProcessorCount

        // Every point checked before anything is written: its scenario,
        // its size, its length.
        var horizons: [Int] = [], firms: [Int] = []
        var largest = 0.0
        var invalid = 0
        horizons.reserveCapacity(plan.points.count)
        firms.reserveCapacity(plan.points.count)
        for point in plan.points.indices {
            if let scenario = try? setup.scenario(ofPoint: point) {
                horizons.append(scenario.horizon)
                firms.append(scenario.firms.count)
                largest = Swift.max(largest, scenario.estimatedBytesPerRun)
            } else {
                horizons.append(0)
                firms.append(0)
                invalid += 1
            }
        }
        if options.dryRun {
            dryRun(setup, horizons: horizons, firms: firms, invalid: invalid)
            return
        }
        let memoryBound = try MemoryBudget.concurrentRuns(
            bytesPerRun: largest, why: "the largest point's firms.count and network",
            remedy: "sweep fewer firms")

        try folder.claim(identity: identity.formatted(), force: options.force)
        let store: RunStore
        var records: [Int: RunRecord]
        do {
            store = try RunStore(folder: folder.statePath)
            records = try store.records()
        } catch {
            throw .runtime("\(error)")
        }
        let failedBefore = records.values.filter { $0.status != .ok }.map(\.index)
        let pending = (0..<plan.runCount).filter { index in
            guard let record = records[index] else { return true }
            return options.retryFailed && record.status != .ok
        }
        if pending.isEmpty && folder.isComplete {
            if !options.quiet {
                printError("\(folder.path): the sweep is complete (\(plan.runCount) runs\(failedBefore.isEmpty ? "" : ", \(failedBefore.count) failed")); nothing to run")
            }
            try failures(failedBefore.count, of: plan.runCount, folder: folder)
            return
        }
        store.removeUnrecordedParts(recorded: Set(records.filter { $0.value.status == .ok && !pending.contains($0.key) }.map(\.key)))
        folder.markIncomplete()
        if !options.quiet && records.count > 0 {
            printError("\(folder.path): resuming: \(plan.runCount - pending.count) of \(plan.runCount) runs already done")
        }

        let interruption = InterruptionGuard(message: "finished runs are kept in \(folder.path); run the same command again to resume") {}
        defer { interruption.disarm() }
        let progress = ProgressReporter(
            totalRuns: pending.count, totalTicks: pending.reduce(0) { $0 + horizons[$1 / plan.replicates] },
            enabled: !options.quiet && isatty(STDERR_FILENO) == 1)
        let failedNow: Int
        do {
            failedNow = try ExperimentRunner(threads: threads, maxConcurrentRuns: memoryBound).run(
                pending.map(plan.run), store: store, every: plan.every, outcomes: plan.outcomes,
                onFailure: .record, progress: progress
            ) { spec, executor in
                let scenario = try setup.scenario(ofPoint: spec.point)
                return PreparedRun(
                    model: SMESimulation(scenario: scenario, run: spec, executor: executor), horizon: scenario.horizon,
                    runID: RunIdentity.id(model: scenario.runDefinition, replicate: spec.replicate, seed: spec.seed, version: ToolInfo.version),
                    identity: setup.identity(spec))
            }
            progress.finish()
            records = try store.records()
            try assemble(setup, records: records, store: store, folder: folder, threads: threads, startDate: startDate, started: started)
        } catch {
            progress.finish()
            throw .runtime("the sweep stopped: \(error); finished runs are kept in \(folder.path), run the same command again to resume")
        }
        let failed = records.values.filter { $0.status != .ok }.count
        if !options.quiet {
            let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let steps = pending.reduce(0.0) { total, index in
                let point = index / plan.replicates
                return total + Double(horizons[point]) * Double(firms[point])
            }
            printError("wrote \(folder.path): \(pending.count) runs (\(failedNow) failed) of \(plan.runCount) in \(String(format: "%.2f", wall)) s "
                + "(\(formatRate(wall > 0 ? Double(pending.count) / wall : 0)) runs/s, \(formatRate(wall > 0 ? steps / wall : 0)) agent-steps/s, \(threads) threads)"
                + (invalid > 0 ? "; \(invalid) points break a rule between keys" : ""))
        }
        try failures(failed, of: plan.runCount, folder: folder)
    }

    /// `--dry-run`: what the sweep would run, on standard output.
    private func dryRun(_ setup: SweepSetup, horizons: [Int], firms: [Int], invalid: Int) {
        let plan = setup.plan
        let steps = zip(horizons, firms).reduce(0.0) { $0 + Double($1.0) * Double($1.1) } * Double(plan.replicates)
        print("\(setup.file): valid sweep \"\(setup.name)\": \(plan.design.name) design, \(plan.parameters.count) swept keys, "
            + "\(plan.points.count) points × \(plan.replicates) replicates = \(plan.runCount) runs, "
            + "\(String(format: "%.3g", steps)) agent-steps; output \(options.out ?? "Results/\(setup.name)")")
        if invalid > 0 { print("\(invalid) points break a rule between keys; their runs would be recorded as failed") }
        let shown = 10
        print((["point"] + plan.parameters.map(\.path)).joined(separator: ","))
        for (number, point) in plan.points.prefix(shown).enumerated() {
            var row = CSVRecord()
            row.append(number)
            for value in point { row.append(SweepParameter.field(value)) }
            print(String(decoding: row.bytes, as: UTF8.self))
        }
        if plan.points.count > shown { print("… \(plan.points.count - shown) more points") }
    }

    private func failures(_ failed: Int, of total: Int, folder: SweepFolder) throws(CLIError) {
        guard failed > 0 else { return }
        throw .runtime("\(failed) of \(total) runs failed (status and reason in \(folder.path)/runs.csv); fix the sweep, or run again with --retry-failed")
    }

    /// Joins the time series, writes points.csv and runs.csv, then the
    /// manifest, each under a temporary name renamed into place.
    private func assemble(_ setup: SweepSetup, records: [Int: RunRecord], store: RunStore, folder: SweepFolder,
                          threads: Int, startDate: Date, started: UInt64) throws {
        let plan = setup.plan
        let identity = setup.identityColumns
        let timeseries = OutputTables.timeseries(identity)
        let runs = OutputTables.runs(identity, outcomes: plan.outcomes)
        let points = OutputTables.points(setup.parameterColumns)

        let blocks = folder.statePath + "/timeseries.blocks"
        let previous = FileManager.default.fileExists(atPath: blocks) ? (table: folder.file(timeseries.file), blocks: blocks) : nil
        try store.join(table: 0, runs: Array(0..<plan.runCount), header: CSVRecord.header(timeseries.columns),
                       into: folder.temporary(timeseries.file), blocks: blocks + ".tmp", previous: previous)
        try RunsTable.write(records, count: plan.runCount, identityColumns: identity, identity: { setup.identity(plan.run($0)) },
                            outcomes: plan.outcomes, to: folder.temporary(runs.file))
        let writer = try BufferedFileWriter(path: folder.temporary(points.file))
        try writer.write(bytes: CSVRecord.header(points.columns).bytes)
        try writer.write(bytes: CSVRecord.lineEnd)
        for (number, point) in plan.points.enumerated() {
            var row = CSVRecord()
            row.append(number)
            for value in point { row.append(SweepParameter.field(value)) }
            try writer.write(bytes: row.bytes)
            try writer.write(bytes: CSVRecord.lineEnd)
        }
        try writer.close()

        let failed = records.values.filter { $0.status != .ok }.count
        let manifest = RunManifest(
            name: setup.name, tool: ToolInfo.name, version: ToolInfo.version, gitRevision: ToolInfo.gitRevision,
            command: ["smesim", "sweep"] + CommandLine.arguments.dropFirst(2), threads: threads,
            started: timestamp(startDate), ended: timestamp(Date()),
            wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
            details: [
                "sweep_file": .string(setup.file),
                "design": .string(plan.design.name),
                "points": .int(plan.points.count),
                "runs": .int(plan.runCount),
                "failed_runs": .int(failed),
                "master_seed": .int(plan.seed),
            ],
            inputs: ["sweep": setup.json, "scenario": setup.base.json],
            tables: [points, runs, timeseries])
        let manifestWriter = try BufferedFileWriter(path: folder.temporary("manifest.json"))
        try manifestWriter.write(manifest.json.formatted())
        try manifestWriter.close()
        // The table and its block list move together; the manifest last.
        try folder.publish(timeseries.file)
        try folder.move(blocks + ".tmp", to: blocks)
        try folder.publish(runs.file)
        try folder.publish(points.file)
        try folder.publish("manifest.json")
        store.removeParts()
    }
}
