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
/// runs not yet joined. A folder is complete when it has `manifest.json`,
/// which is published last; the parts are deleted after it, and a rerun of
/// a complete sweep deletes what an interrupted finish left.
struct SweepCommand {
    let options: SweepOptions

    func execute() throws(CLIError) {
        let startDate = Date()
        let started = DispatchTime.now().uptimeNanoseconds
        // Every point is checked while the sweep is read, before anything
        // is written: its scenario, its size, its length.
        let setup = try SweepFile.load(options.sweepFile ?? "", overrides: options.overrides, every: options.every)
        let plan = setup.plan
        let folder = SweepFolder(path: options.out ?? "Results/\(setup.name)")
        let threads = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let content = setup.content
        if options.dryRun {
            let claim = try folder.check(content: content, force: options.force, allowBuildChange: options.allowBuildChange)
            dryRun(setup, folder: folder, claim: claim)
            return
        }
        let memoryBound = try MemoryBudget.concurrentRuns(
            bytesPerRun: setup.points.largestBytesPerRun, why: "the largest point's firms.count and network",
            remedy: "sweep fewer firms")
        // The sweep's tables: a time-series row a run and tick kept.
        let rows = setup.points.horizons.reduce(0.0) { $0 + Double($1 / plan.every + 2) } * Double(plan.replicates)
        try DiskBudget.check(bytes: rows * SMESimulation.timeseriesRowBytes, writingTo: folder.path)

        let builds = try folder.claim(content: content, force: options.force, allowBuildChange: options.allowBuildChange)
        let store: RunStore
        var records: [Int: RunRecord]
        do {
            store = try RunStore(folder: folder.statePath)
            records = try store.records()
        } catch {
            throw .runtime("\(error)")
        }
        let failedBefore = Self.failedCount(records)
        let pending = (0..<plan.runCount).filter { index in
            guard let record = records[index] else { return true }
            return options.retryFailed && record.status != .ok
        }
        if pending.isEmpty && folder.isComplete {
            store.removeParts()
            folder.removeTemporaries()
            if !options.quiet {
                printError("\(folder.path): the sweep is complete (\(plan.runCount) runs\(failedBefore == 0 ? "" : ", \(failedBefore) failed")); nothing to run")
            }
            try failures(failedBefore, of: plan.runCount, folder: folder)
            return
        }
        let redone = Set(pending)
        store.removeUnrecordedParts(recorded: Set(records.lazy.filter { $0.value.status == .ok && !redone.contains($0.key) }.map(\.key)))
        folder.markIncomplete()
        if !options.quiet && records.count > 0 {
            printError("\(folder.path): resuming: \(plan.runCount - pending.count) of \(plan.runCount) runs already done")
        }

        let interruption = InterruptionGuard(message: "finished runs are kept in \(folder.path); run the same command again to resume") {}
        defer { interruption.disarm() }
        let horizons = setup.points.horizons, firms = setup.points.firms
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
        } catch {
            progress.finish()
            throw .runtime("the sweep stopped: \(error); finished runs are kept in \(folder.path), run the same command again to resume")
        }
        interruption.update("every run is recorded in \(folder.path); run the same command again to finish joining the tables (no run is redone)")
        do {
            records = try store.records()
            try assemble(setup, records: records, store: store, folder: folder, builds: builds, threads: threads,
                         startDate: startDate, started: started)
        } catch {
            throw .runtime("the sweep stopped while joining its tables: \(error); every run is recorded in \(folder.path), run the same command again to finish (no run is redone)")
        }
        interruption.update("the sweep is complete in \(folder.path); running the same command again deletes its temporary files")
        store.removeParts()
        let failed = Self.failedCount(records)
        if !options.quiet {
            let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let steps = pending.reduce(0.0) { total, index in
                let point = index / plan.replicates
                return total + Double(horizons[point]) * Double(firms[point])
            }
            let invalid = setup.points.invalid
            printError("wrote \(folder.path): \(pending.count) runs (\(failedNow) failed) of \(plan.runCount) in \(String(format: "%.2f", wall)) s "
                + "(\(formatRate(wall > 0 ? Double(pending.count) / wall : 0)) runs/s, \(formatRate(wall > 0 ? steps / wall : 0)) agent-steps/s, \(threads) threads)"
                + (invalid > 0 ? "; \(invalid) points break a rule between keys" : ""))
        }
        try failures(failed, of: plan.runCount, folder: folder)
    }

    /// `--dry-run`: what the sweep would run, and what it would do with the
    /// output folder, on standard output.
    private func dryRun(_ setup: SweepSetup, folder: SweepFolder, claim: SweepFolder.Claim) {
        let plan = setup.plan
        let points = setup.points
        let steps = zip(points.horizons, points.firms).reduce(0.0) { $0 + Double($1.0) * Double($1.1) } * Double(plan.replicates)
        let output: String
        switch claim {
        case .create: output = "output \(folder.path) (new)"
        case .resume(_, let newBuild): output = "output \(folder.path) (this sweep's: resumed, or complete\(newBuild ? ", by another build as well" : ""))"
        case .replace(let what): output = "output \(folder.path) (holds \(what): replaced, --force)"
        }
        print("\(setup.file): valid sweep \"\(setup.name)\": \(plan.design.name) design, \(plan.parameters.count) swept keys, "
            + "\(plan.points.count) points × \(plan.replicates) replicates = \(plan.runCount) runs, "
            + "\(String(format: "%.3g", steps)) agent-steps; \(output)")
        if let first = points.firstInvalid {
            print("\(points.invalid) points break a rule between keys; their runs would be recorded as failed (point \(first.point): \(first.reason))")
        }
        let shown = 10
        print((["point"] + plan.parameters.map(\.path)).joined(separator: ","))
        for (number, point) in plan.points.prefix(shown).enumerated() {
            print(String(decoding: Self.pointRow(number, point).bytes, as: UTF8.self))
        }
        if plan.points.count > shown { print("… \(plan.points.count - shown) more points") }
    }

    /// A row of points.csv: the point's number and its swept values.
    private static func pointRow(_ number: Int, _ point: [JSONValue]) -> CSVRecord {
        var row = CSVRecord()
        row.append(number)
        for value in point { row.append(SweepParameter.field(value)) }
        return row
    }

    private static func failedCount(_ records: [Int: RunRecord]) -> Int {
        records.values.reduce(0) { $0 + ($1.status == .ok ? 0 : 1) }
    }

    private func failures(_ failed: Int, of total: Int, folder: SweepFolder) throws(CLIError) {
        guard failed > 0 else { return }
        throw .runtime("\(failed) of \(total) runs failed (status and reason in \(folder.path)/runs.csv); fix the sweep, or run again with --retry-failed")
    }

    /// Joins the time series, writes points.csv and runs.csv, then the
    /// manifest, each under a temporary name renamed into place, the
    /// manifest last (the parts are deleted after it). Temporary files are
    /// deleted when writing them fails.
    private func assemble(_ setup: SweepSetup, records: [Int: RunRecord], store: RunStore, folder: SweepFolder,
                          builds: [JSONValue], threads: Int, startDate: Date, started: UInt64) throws {
        let plan = setup.plan
        let identity = setup.identityColumns
        let timeseries = OutputTables.timeseries(identity)
        let runs = OutputTables.runs(identity, outcomes: plan.outcomes)
        let points = OutputTables.points(setup.parameterColumns)
        let blocks = folder.statePath + "/timeseries.blocks"
        let ok = (0..<plan.runCount).filter { records[$0]?.status == .ok }
        let failed = plan.runCount - ok.count

        do {
            // The table and its list of an earlier finish (before --retry-failed):
            // the list may still be under its temporary name (see RunStore.join).
            try store.join(table: 0, runs: ok, header: CSVRecord.header(timeseries.columns),
                           into: folder.temporary(timeseries.file), blocks: blocks + ".tmp",
                           previous: (table: folder.file(timeseries.file), blocks: [blocks, blocks + ".tmp"]))
            try RunsTable.write(records, count: plan.runCount, identityColumns: identity, identity: { setup.identity(plan.run($0)) },
                                outcomes: plan.outcomes, to: folder.temporary(runs.file))
            let writer = try BufferedFileWriter(path: folder.temporary(points.file))
            try writer.write(bytes: CSVRecord.header(points.columns).bytes)
            try writer.write(bytes: CSVRecord.lineEnd)
            for (number, point) in plan.points.enumerated() {
                try writer.write(bytes: Self.pointRow(number, point).bytes)
                try writer.write(bytes: CSVRecord.lineEnd)
            }
            try writer.close()

            var details: JSONObject = [
                "sweep_file": .string(setup.file),
                "design": .string(plan.design.name),
                "points": .int(plan.points.count),
                "runs": .int(plan.runCount),
                "failed_runs": .int(failed),
                "master_seed": .int(plan.seed),
            ]
            if builds.count > 1 { details["builds"] = .array(builds) }
            let manifest = RunManifest(
                name: setup.name, tool: ToolInfo.name, version: ToolInfo.version, gitRevision: ToolInfo.gitRevision,
                command: ["smesim", "sweep"] + CommandLine.arguments.dropFirst(2), threads: threads,
                started: timestamp(startDate), ended: timestamp(Date()),
                wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
                details: details,
                inputs: ["sweep": setup.json, "scenario": setup.base.json],
                tables: [points, runs, timeseries])
            let manifestWriter = try BufferedFileWriter(path: folder.temporary(RunManifest.file))
            try manifestWriter.write(manifest.json.formatted())
            try manifestWriter.close()
        } catch {
            for name in [timeseries.file, runs.file, points.file, RunManifest.file] {
                try? FileManager.default.removeItem(atPath: folder.temporary(name))
            }
            throw error
        }
        // The table, then its block list; the manifest last.
        try folder.publish(timeseries.file)
        try folder.move(blocks + ".tmp", to: blocks)
        try folder.publish(runs.file)
        try folder.publish(points.file)
        try folder.publish(RunManifest.file)
    }
}
