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
///
/// With `--shard I/N` only the shard's runs (`SweepShard`) run, into a
/// folder of their own whose content names the shard too; once they are
/// recorded, runs.csv, points.csv and the manifest are written, but the
/// time series is not joined: the parts stay for `smesim merge`.
struct SweepCommand {
    let options: SweepOptions

    /// What this invocation runs: the sweep, or one shard of it, and where.
    struct Target {
        let setup: SweepSetup
        let shard: SweepShard?
        /// The runs the folder is for, in order.
        let runs: [Int]
        let folder: SweepFolder
        /// What the folder's results are a function of: the sweep, and the shard.
        let content: JSONObject

        /// "the sweep", "shard 2/4 of the sweep".
        var what: String { shard.map { "shard \($0.spec) of the sweep" } ?? "the sweep" }
    }

    func execute() throws(CLIError) {
        let startDate = Date()
        let started = DispatchTime.now().uptimeNanoseconds
        let target = try self.target()
        let folder = target.folder
        if options.dryRun {
            let claim = try folder.check(content: target.content, force: options.force, allowBuildChange: options.allowBuildChange)
            dryRun(target, claim: claim)
            return
        }
        let memoryBound = try MemoryBudget.concurrentRuns(
            bytesPerRun: target.setup.points.largestBytesPerRun, why: "the largest point's firms.count and network",
            remedy: "sweep fewer firms")
        // The tables: a time-series row a run and tick kept (a sweep's or
        // a shard's runs).
        let plan = target.setup.plan
        let rows = target.runs.reduce(0.0) { $0 + Double(target.setup.points.horizons[$1 / plan.replicates] / plan.every + 2) }
        try DiskBudget.check(bytes: rows * SMESimulation.timeseriesRowBytes, writingTo: folder.path)

        let builds = try folder.claim(content: target.content, inputs: target.setup.record, force: options.force,
                                      allowBuildChange: options.allowBuildChange)
        let (store, records) = try Self.openStore(folder)
        let pending = target.runs.filter { index in
            guard let record = records[index] else { return true }
            return options.retryFailed && record.status != .ok
        }
        if pending.isEmpty && folder.isComplete {
            try alreadyComplete(target, store: store, records: records)
            return
        }
        let redone = Set(pending)
        store.removeUnrecordedParts(recorded: Set(records.lazy.filter { $0.value.status == .ok && !redone.contains($0.key) }.map(\.key)))
        folder.markIncomplete()
        if !options.quiet && records.count > 0 {
            printError("\(folder.path): resuming: \(target.runs.count - pending.count) of \(target.runs.count) runs already done")
        }

        let interruption = InterruptionGuard(message: "finished runs are kept in \(folder.path); run the same command again to resume") {}
        defer { interruption.disarm() }
        let threads = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let failedNow = try run(pending, of: target.setup, store: store, threads: threads, memoryBound: memoryBound, folder: folder)
        interruption.update("every run is recorded in \(folder.path); run the same command again to finish joining the tables (no run is redone)")
        let finished = try finish(target, store: store, builds: builds, threads: threads, startDate: startDate, started: started)
        interruption.update("\(target.what) is complete in \(folder.path); running the same command again deletes its temporary files")
        if target.shard == nil { store.removeParts() }
        if !options.quiet {
            summary(target, pending: pending, failed: failedNow, threads: threads, started: started)
            if let shard = target.shard {
                printError("when every shard is done, join them: \(Self.mergeCommand(shard.spec, folder: folder))")
            }
        }
        try failures(SweepTables.failedCount(finished, target.runs), of: target.runs.count, folder: folder)
    }

    /// The sweep read and checked (every point, before anything is
    /// written), the shard's runs, the folder.
    private func target() throws(CLIError) -> Target {
        let setup = try SweepFile.load(options.sweepFile ?? "", overrides: options.overrides, every: options.every)
        var shard: SweepShard?
        if let spec = options.shard { shard = try SweepShard(spec, of: setup) }
        var content = setup.content
        if let shard { content["shard"] = shard.spec.json }
        return Target(setup: setup, shard: shard, runs: shard?.runs ?? Array(0..<setup.plan.runCount),
                      folder: SweepFolder(path: options.out ?? SweepShard.defaultFolder(options.shard, sweep: setup.name)),
                      content: content)
    }

    private static func openStore(_ folder: SweepFolder) throws(CLIError) -> (RunStore, [Int: RunRecord]) {
        do {
            let store = try RunStore(folder: folder.statePath)
            return (store, try store.records())
        } catch {
            throw .runtime("\(error)")
        }
    }

    /// Every run recorded and the tables written: nothing to run. Deletes
    /// what an interrupted finish left (a whole sweep's parts; a shard keeps
    /// them for the merge).
    private func alreadyComplete(_ target: Target, store: RunStore, records: [Int: RunRecord]) throws(CLIError) {
        if target.shard == nil { store.removeParts() }
        target.folder.removeTemporaries()
        let failed = SweepTables.failedCount(records, target.runs)
        if !options.quiet {
            printError("\(target.folder.path): \(target.what) is complete (\(target.runs.count) runs\(failed == 0 ? "" : ", \(failed) failed")); nothing to run")
        }
        try failures(failed, of: target.runs.count, folder: target.folder)
    }

    /// Writes the folder's tables from every run's record (a shard's
    /// without the time series, whose rows stay for the merge); returns
    /// the records.
    private func finish(_ target: Target, store: RunStore, builds: [JSONValue], threads: Int, startDate: Date,
                        started: UInt64) throws(CLIError) -> [Int: RunRecord] {
        let folder = target.folder
        do {
            let records = try store.records()
            var tables = SweepTables(setup: target.setup, runs: target.runs, records: records, builds: builds,
                                     command: ["smesim", "sweep"] + CommandLine.arguments.dropFirst(2), threads: threads,
                                     startDate: startDate, started: started)
            var rows: SweepTables.Rows?
            if let shard = target.shard {
                tables.details["kind"] = .string("shard")
                tables.details["shard"] = .object(["index": .int(shard.spec.index), "count": .int(shard.spec.count),
                                                   "sweep_runs": .int(target.setup.plan.runCount)])
            } else {
                rows = SweepTables.Rows(part: { store.partPath(table: 0, run: $0) }, resumes: true)
            }
            try tables.write(into: folder, rows: rows)
            return records
        } catch {
            throw .runtime("\(target.what) stopped while joining its tables: \(error); every run is recorded in \(folder.path), run the same command again to finish (no run is redone)")
        }
    }

    /// The merge of a shard's sweep, for the folder names in use.
    private static func mergeCommand(_ spec: ShardSpec, folder: SweepFolder) -> String {
        let url = URL(fileURLWithPath: folder.path)
        guard url.lastPathComponent == spec.folderName else { return "smesim merge OUT SHARD_DIR (one for each of the \(spec.count) shards)" }
        let parent = url.deletingLastPathComponent().path
        return "smesim merge \(parent)/merged \(parent)/shard-*-of-\(spec.count)"
    }

    /// Runs `pending`, each recorded in `store` as it ends; returns how many failed.
    private func run(_ pending: [Int], of setup: SweepSetup, store: RunStore, threads: Int, memoryBound: Int,
                     folder: SweepFolder) throws(CLIError) -> Int {
        let plan = setup.plan
        let horizons = setup.points.horizons
        let progress = ProgressReporter(
            totalRuns: pending.count, totalTicks: pending.reduce(0) { $0 + horizons[$1 / plan.replicates] },
            enabled: !options.quiet && isatty(STDERR_FILENO) == 1)
        defer { progress.finish() }
        do {
            return try ExperimentRunner(threads: threads, maxConcurrentRuns: memoryBound).run(
                pending.map(plan.run), store: store, every: plan.every, outcomes: plan.outcomes,
                onFailure: .record, progress: progress
            ) { spec, executor in
                let scenario = try setup.scenario(ofPoint: spec.point)
                return PreparedRun(
                    model: SMESimulation(scenario: scenario, run: spec, executor: executor), horizon: scenario.horizon,
                    runID: RunIdentity.id(model: scenario.runDefinition, replicate: spec.replicate, seed: spec.seed, version: ToolInfo.version),
                    identity: setup.identity(spec))
            }
        } catch {
            throw .runtime("the sweep stopped: \(error); finished runs are kept in \(folder.path), run the same command again to resume")
        }
    }

    /// "wrote DIR: 40 runs (0 failed) of 40 in 1.2 s (…runs/s, …agent-steps/s, 2 threads)".
    private func summary(_ target: Target, pending: [Int], failed: Int, threads: Int, started: UInt64) {
        let setup = target.setup
        let plan = setup.plan, horizons = setup.points.horizons, firms = setup.points.firms
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let steps = pending.reduce(0.0) { total, index in
            let point = index / plan.replicates
            return total + Double(horizons[point]) * Double(firms[point])
        }
        let invalid = setup.points.invalid
        let shard = target.shard.map { " (shard \($0.spec) of \(plan.runCount) runs)" } ?? ""
        printError("wrote \(target.folder.path): \(pending.count) runs (\(failed) failed) of \(target.runs.count)\(shard) in \(String(format: "%.2f", wall)) s "
            + "(\(formatRate(wall > 0 ? Double(pending.count) / wall : 0)) runs/s, \(formatRate(wall > 0 ? steps / wall : 0)) agent-steps/s, \(threads) threads)"
            + (invalid > 0 ? "; \(invalid) points break a rule between keys" : ""))
    }

    /// `--dry-run`: what the sweep would run, and what it would do with the
    /// output folder, on standard output.
    private func dryRun(_ target: Target, claim: SweepFolder.Claim) {
        let setup = target.setup, folder = target.folder
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
        let run = points.largestBytesPerRun, base = Scenario.processBytes
        print("memory: about \(Self.mebibytes(run)) MiB with one run in flight (the largest point), "
            + "\(Self.mebibytes(Swift.max(0, run - base))) MiB more for each further thread (one run a thread)")
        if let first = points.firstInvalid {
            print("\(points.invalid) points break a rule between keys; their runs would be recorded as failed (point \(first.point): \(first.reason))")
        }
        if let shard = target.shard {
            dryRun(shard, of: setup)
            return
        }
        let shown = 10
        print((["point"] + plan.parameters.map(\.path)).joined(separator: ","))
        for (number, point) in plan.points.prefix(shown).enumerated() {
            print(String(decoding: SweepTables.pointRow(number, point).bytes, as: UTF8.self))
        }
        if plan.points.count > shown { print("… \(plan.points.count - shown) more points") }
    }

    private static func mebibytes(_ bytes: Double) -> Int { Int((bytes / 1_048_576).rounded(.up)) }

    /// The shard's part of `--dry-run`: its cost and its runs.
    private func dryRun(_ shard: SweepShard, of setup: SweepSetup) {
        let plan = setup.plan
        print("shard \(shard.spec): \(shard.runs.count) of \(plan.runCount) runs, \(shard.cost)")
        let shown = 10
        print((["run", "point", "replicate", "seed"] + plan.parameters.map(\.path)).joined(separator: ","))
        for index in shard.runs.prefix(shown) {
            var row = CSVRecord()
            row.append(index)
            row.append(contentsOf: setup.identity(plan.run(index)))
            print(String(decoding: row.bytes, as: UTF8.self))
        }
        if shard.runs.count > shown { print("… \(shard.runs.count - shown) more runs") }
    }

    private func failures(_ failed: Int, of total: Int, folder: SweepFolder) throws(CLIError) {
        guard failed > 0 else { return }
        throw .runtime("\(failed) of \(total) runs failed (status and reason in \(folder.path)/runs.csv); fix the sweep, or run again with --retry-failed")
    }
}
