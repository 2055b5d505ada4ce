import AgentEngine
import Foundation

/// The shard folders given to `merge`, read and checked before anything is
/// written, without changing them: each is a folder of `smesim sweep
/// --shard` that no process is running; all are shards of one sweep (the
/// same content but for the shard) run by one build (or several, with
/// `--allow-build-change`); together they hold every run of the sweep
/// exactly once (by the deal of `SweepShard`); and each is complete, with
/// the rows of every run that finished. What fails is a usage error naming
/// the folders, shards and runs.
struct MergedShards {
    struct Shard {
        /// The folder as given on the command line.
        let given: String
        let folder: SweepFolder
        let spec: ShardSpec
        let state: SweepFolder.State
        /// Its runs, in run order.
        var runs: [Int] = []

        var name: String { "\(given) (shard \(spec))" }

        /// The content of the sweep it is a shard of: its own but for the
        /// shard.
        var sweepContent: JSONObject {
            var content = state.content
            content["shard"] = nil
            return content
        }

        func part(_ run: Int) -> String { RunStore.partPath(in: folder.statePath, table: 0, run: run) }
    }

    /// The sweep, read back from the first shard's record.
    let setup: SweepSetup
    /// Shard 1 first (by count, then index, then folder).
    let shards: [Shard]
    /// The shard of every run: an index into `shards`.
    let owner: [Int]
    /// Every run's record, from its shard.
    let records: [Int: RunRecord]
    /// Every build that ran a run, in the order first met.
    let builds: [JSONValue]

    /// The size of the time series' rows in the shards' parts: what the
    /// merged timeseries.csv takes, nearly all of the merged folder.
    let rowBytes: Double

    static func read(_ paths: [String], allowBuildChange: Bool) throws(CLIError) -> MergedShards {
        var shards = try paths.map { path throws(CLIError) in try shard(path) }
            .sorted { ($0.spec.count, $0.spec.index, $0.folder.path) < ($1.spec.count, $1.spec.index, $1.folder.path) }
        let content = try sameSweep(shards)
        guard let inputs = shards[0].state.inputs, let setup = SweepSetup.reading(inputs, content: content) else {
            throw .usage("\(shards[0].given): the sweep it records cannot be read back (its .sweep/sweep.json was changed by hand, or written by another version of \(ToolInfo.name)); run the shards again with this build (--force)")
        }
        let builds = try sameBuild(shards, allowBuildChange: allowBuildChange)
        let owner = try deal(&shards, setup: setup)
        let (records, rowBytes) = try completeRecords(shards)
        return MergedShards(setup: setup, shards: shards, owner: owner, records: records, builds: builds, rowBytes: rowBytes)
    }

    /// The sweep's content (the shards' but for the shard).
    var content: JSONObject { shards[0].sweepContent }

    /// The folder at `path` as a shard, or why it is not one.
    private static func shard(_ path: String) throws(CLIError) -> Shard {
        let folder = SweepFolder(path: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let what = FileManager.default.fileExists(atPath: folder.path) ? "a file, not a folder" : "no such folder"
            throw .usage("\(path): \(what); give the folders of 'smesim sweep --shard I/N'")
        }
        guard let state = folder.recordedState() else {
            throw .usage("\(path): not a sweep folder of \(ToolInfo.name) (no \(SweepFolder.stateFile) of \(ToolInfo.name)'s); give the folders of 'smesim sweep --shard I/N'")
        }
        guard let shard = state.content["shard"] else {
            throw .usage("\(path): holds a whole sweep, not a shard (it was run without --shard); merge joins the folders of 'smesim sweep --shard I/N'")
        }
        guard let spec = ShardSpec(json: shard) else {
            throw .usage("\(path): its shard cannot be read (\(SweepFolder.stateFile) was changed by hand)")
        }
        if folder.isBusy {
            throw .usage("\(path): a \(ToolInfo.name) process is running shard \(spec) now; wait for it to finish")
        }
        return Shard(given: path, folder: folder, spec: spec, state: state)
    }

    /// The content the shards share but for the shard, or which two differ.
    private static func sameSweep(_ shards: [Shard]) throws(CLIError) -> JSONObject {
        let first = shards[0].sweepContent
        for other in shards.dropFirst() {
            if let difference = SweepFolder.firstDifference(.object(first), .object(other.sweepContent), at: "") {
                throw .usage("\(shards[0].name) and \(other.name) are shards of different sweeps (they differ at \(difference.isEmpty ? "the top" : difference)); merge joins the shards of one sweep")
            }
        }
        return first
    }

    /// The builds that ran the shards; more than one only when allowed.
    private static func sameBuild(_ shards: [Shard], allowBuildChange: Bool) throws(CLIError) -> [JSONValue] {
        var builds: [JSONValue] = []
        for shard in shards {
            for build in shard.state.builds where !builds.contains(where: { ToolInfo.sameBuild($0, build) }) { builds.append(build) }
        }
        guard builds.count > 1, !allowBuildChange else { return builds }
        let who = shards.map { shard in
            "\(shard.name) by \(shard.state.builds.map(ToolInfo.describe(build:)).joined(separator: " then "))"
        }
        throw .usage("the shards were run by \(builds.count) builds (\(who.joined(separator: "; "))); merging would join runs of "
            + "different builds. Pass --allow-build-change to merge them anyway (the manifest then lists every build in run.builds), "
            + "or run the shards again with one build")
    }

    /// Deals the runs onto each shard's spec (`SweepShard`) and returns
    /// every run's shard, or names the runs that no shard or two shards hold.
    private static func deal(_ shards: inout [Shard], setup: SweepSetup) throws(CLIError) -> [Int] {
        var owner = [Int](repeating: -1, count: setup.plan.runCount)
        var doubled: (runs: [Int], first: Int, second: Int)?
        var deals: [Int: ShardAssignment] = [:]
        for k in shards.indices {
            let count = shards[k].spec.count
            guard count <= setup.plan.runCount else {
                throw .usage("\(shards[k].name): the sweep has \(setup.plan.runCount) runs, fewer than \(count) shards (was \(SweepFolder.stateFile) changed by hand?)")
            }
            if deals[count] == nil { deals[count] = SweepShard.assignment(setup, shards: count) }
            shards[k].runs = deals[count]?.runs(of: shards[k].spec) ?? []
            for run in shards[k].runs {
                if owner[run] >= 0 {
                    if doubled == nil { doubled = ([], owner[run], k) }
                    if doubled?.first == owner[run] && doubled?.second == k { doubled?.runs.append(run) }
                } else {
                    owner[run] = k
                }
            }
        }
        if let doubled {
            let (first, second) = (shards[doubled.first], shards[doubled.second])
            let where_ = first.folder.path == second.folder.path ? "\(first.name), which is given twice"
                : "two of the folders given, \(first.name) and \(second.name)"
            throw .usage("\(runList(doubled.runs)) are in \(where_); give each shard once")
        }
        let missing = owner.indices.filter { owner[$0] < 0 }
        guard missing.isEmpty else {
            throw .usage("\(runList(missing)) of the sweep's \(setup.plan.runCount) are in no folder given\(missingShards(shards)); give every shard of the sweep")
        }
        return owner
    }

    /// ": shard 2/4 is missing" when the shards given are of one split.
    private static func missingShards(_ shards: [Shard]) -> String {
        let count = shards[0].spec.count
        guard shards.allSatisfy({ $0.spec.count == count }) else { return "" }
        let given = Set(shards.map(\.spec.index))
        let missing = (1...count).filter { !given.contains($0) }.map { "\($0)/\(count)" }
        guard !missing.isEmpty else { return "" }
        let shown = missing.prefix(8).joined(separator: ", ") + (missing.count > 8 ? " and \(missing.count - 8) more" : "")
        return missing.count == 1 ? ": shard \(shown) is missing" : ": shards \(shown) are missing"
    }

    /// "run 3" or "runs 1, 5, 9 … (12 runs)".
    static func runList(_ runs: [Int]) -> String {
        guard runs.count > 1 else { return "run \(runs.first ?? 0)" }
        let shown = runs.prefix(8).map(String.init).joined(separator: ", ")
        return "runs \(shown)" + (runs.count > 8 ? " … (\(runs.count) runs)" : "")
    }

    /// Every run's record, each shard complete: its manifest published,
    /// each of its runs recorded, the rows of each that finished in its parts.
    private static func completeRecords(_ shards: [Shard]) throws(CLIError) -> (records: [Int: RunRecord], rowBytes: Double) {
        var records: [Int: RunRecord] = [:]
        var rowBytes = 0.0
        for shard in shards {
            let own: [Int: RunRecord]
            do { own = try RunStore.records(in: shard.folder.statePath) } catch {
                throw .usage("\(shard.name): \(error)")
            }
            let recorded = shard.runs.filter { own[$0] != nil }
            guard recorded.count == shard.runs.count, shard.folder.isComplete else {
                throw .usage("\(shard.name) is not complete (\(recorded.count) of \(shard.runs.count) runs recorded); "
                    + "run its 'smesim sweep SWEEP.json --shard \(shard.spec) --out \(shard.given)' again to finish it")
            }
            // Each finished run's part, by its size; a part without one is lost.
            var lost: [Int] = []
            for run in shard.runs where own[run]?.status == .ok {
                if let size = (try? FileManager.default.attributesOfItem(atPath: shard.part(run)))?[.size] as? Int {
                    rowBytes += Double(size)
                } else {
                    lost.append(run)
                }
            }
            guard lost.isEmpty else {
                throw .usage("\(shard.name): the rows of \(runList(lost)) are missing from its .sweep/parts (was the folder changed by hand?); run the shard again with --force")
            }
            for run in shard.runs { records[run] = own[run] }
        }
        return (records, rowBytes)
    }
}
