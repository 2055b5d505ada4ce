import AgentEngine
import Dispatch
import Foundation

/// `smesim merge OUT SHARD_DIR...`: joins the folders of a sweep's shards
/// into the folder the whole sweep would have written.
///
/// Everything is checked first (`MergedShards`: one sweep, one build,
/// every shard complete, every run once); then, in a staging folder beside
/// OUT, the sweep's state and journal are written (every run's record, in
/// run order) and the tables by the sweep's own `SweepTables`, the time
/// series appended from the shards' parts in run order; the folder is then
/// renamed to OUT. The shards are only read.
struct MergeCommand {
    let options: MergeOptions

    func execute() throws(CLIError) {
        let startDate = Date()
        let started = DispatchTime.now().uptimeNanoseconds
        let merged = try MergedShards.read(options.shards, allowBuildChange: options.allowBuildChange)
        let output = try output(for: merged)
        let runs = Array(0..<merged.setup.plan.runCount)
        try output.fill("the merge") {
            let folder = SweepFolder(path: output.stagingPath)
            try folder.writeState(SweepFolder.State(content: merged.content, builds: merged.builds, inputs: merged.shards[0].state.inputs))
            let store = try RunStore(folder: folder.statePath)
            for run in runs {
                if let record = merged.records[run] { try store.commit(record, tables: 0) }
            }
            store.removeParts()
            var tables = SweepTables(setup: merged.setup, runs: runs, records: merged.records, builds: merged.builds,
                                     command: ["smesim", "merge"] + CommandLine.arguments.dropFirst(2), threads: 1,
                                     startDate: startDate, started: started)
            // A sweep's folder, written by merge (the command says which).
            tables.details["kind"] = .string("sweep")
            tables.details["merged_shards"] = .array(merged.shards.map(Self.provenance))
            try tables.write(into: folder, rows: SweepTables.Rows(part: { merged.shards[merged.owner[$0]].part($0) }))
        }
        let failed = SweepTables.failedCount(merged.records, runs)
        if !options.quiet {
            let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            printError("wrote \(output.finalPath): \(runs.count) runs (\(failed) failed) of \(merged.shards.count) shards in \(String(format: "%.2f", wall)) s")
        }
        if failed > 0 {
            throw .runtime("\(failed) of \(runs.count) runs failed (status and reason in \(output.finalPath)/runs.csv); run the sweep again on it with --retry-failed")
        }
    }

    /// OUT, prepared: absent or empty, or with --force earlier results of
    /// this tool; never a shard's folder, or one holding a shard; on a disk
    /// with room for the merged tables.
    private func output(for merged: MergedShards) throws(CLIError) -> OutputDirectory {
        let path = options.out ?? ""
        if let shard = merged.shards.first(where: { isInside($0.folder.path, path) || isInside(path, $0.folder.path) }) {
            throw .usage("OUT \(path): is or holds or lies inside the shard folder \(shard.given); choose another output folder")
        }
        // OUT takes the shards' rows once, beside the shards (read, not changed).
        try DiskBudget.check(bytes: merged.rowBytes, writingTo: path, label: "OUT \(path)",
                             remedy: "free some space, or choose an output folder on another disk")
        ToolInfo.folders.cleanUp(beside: path)
        let empty = (try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty == true
        do {
            return try OutputDirectory.prepare(path, force: options.force || empty, folders: ToolInfo.folders)
        } catch {
            throw .usage("OUT \(path): \(error.reason)")
        }
    }

    /// What the manifest records of a shard: its spec, its folder, and how
    /// its manifest says it was run.
    private static func provenance(_ shard: MergedShards.Shard) -> JSONValue {
        var object: JSONObject = ["shard": .string(shard.spec.description), "folder": .string(shard.folder.path)]
        let data = FileManager.default.contents(atPath: shard.folder.file(RunManifest.file)) ?? Data()
        let run = (try? JSONParser.parse(Array(data)))?.value(at: ["run"])
        for key in ["threads", "started", "ended", "wall_seconds"] {
            if let value = run?.value(at: [key]) { object[key] = value }
        }
        return .object(object)
    }
}
