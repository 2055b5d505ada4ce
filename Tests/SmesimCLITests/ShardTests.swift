import AgentEngine
import Foundation
import Testing

/// `smesim sweep --shard I/N` and `smesim merge` run as processes: shards
/// merged equal the sweep run whole, shards resume, and every way a merge
/// can be wrong is refused with exit code 2 and nothing written.
@Suite struct ShardTests {
    /// 6 points × 3 replicates of a small scenario; points of two sizes, so
    /// runs differ in cost (at 8 firms, every firm a founding member).
    static let sweep = #"{"set": {"horizon": 12}, "replicates": 3, "parameters": {"firms.count": {"values": [8, 600]}, "platform.commission": {"values": [0.05, 0.1, 0.2]}}}"#

    /// A scratch folder holding `s.json` and its three shards, each in its
    /// default folder (Results/s/shard-I-of-3).
    func threeShards() throws -> URL {
        let folder = try scratchFolder()
        try Self.sweep.write(to: folder.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
        for shard in 1...3 {
            let result = try ToolProcess.run(["sweep", "s.json", "--shard", "\(shard)/3", "-q"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        return folder
    }

    func shardFolder(_ index: Int, of count: Int = 3) -> String { "Results/s/shard-\(index)-of-\(count)" }

    func data(_ folder: URL, _ path: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(path))
    }

    /// Every file under `root` with its bytes (names only for the files
    /// that may hold times: the merge must leave the shards as they were).
    func snapshot(_ root: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            files[path] = (try? Data(contentsOf: root.appendingPathComponent(path))) ?? Data()
        }
        return files
    }

    @Test func threeShardsMergedEqualTheSweepRunWhole() throws {
        let folder = try threeShards()
        // What an interrupted merge left (its process id is far above any the
        // kernel hands out: a process that is gone) is deleted, and said.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".merged.smesim-partial-99999999"), withIntermediateDirectories: true)
        let merge = try ToolProcess.run(["merge", "merged", shardFolder(3), shardFolder(1), shardFolder(2)], in: folder)
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(merge.stderr.contains("18 runs (0 failed) of 3 shards"), "\(merge.stderr)")
        #expect(merge.stderr.contains("deleted what interrupted runs had left beside merged: .merged.smesim-partial-99999999"), "\(merge.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".merged.smesim-partial-99999999").path))
        let whole = try ToolProcess.run(["sweep", "s.json", "--out", "whole", "-q"], in: folder)
        #expect(whole.status == 0, "\(whole.stderr)")
        for table in ["timeseries.csv", "points.csv"] {
            #expect(try data(folder, "merged/\(table)") == data(folder, "whole/\(table)"), "\(table)")
        }
        #expect(try runsWithoutWallTime(folder, "merged") == runsWithoutWallTime(folder, "whole"))
        // A normal finished sweep folder: the same files, and the sweep finds it complete.
        #expect(contents(of: folder.appendingPathComponent("merged")) == contents(of: folder.appendingPathComponent("whole")))
        let again = try ToolProcess.run(["sweep", "s.json", "--out", "merged"], in: folder)
        #expect(again.status == 0 && again.stderr.contains("the sweep is complete (18 runs); nothing to run"), "\(again.stderr)")
        #expect(contents(of: folder.appendingPathComponent("merged/.sweep")) == contents(of: folder.appendingPathComponent("whole/.sweep")))
        let manifest = try JSONParser.parse(Array(try data(folder, "merged/manifest.json")))
        #expect(manifest.value(at: ["run", "runs"]) == .int(18))
        guard case .array(let shards)? = manifest.value(at: ["run", "merged_shards"]),
              case .array(let command)? = manifest.value(at: ["run", "command"]), command.count > 1, command[1] == .string("merge"),
              case .array(let resources)? = manifest.value(at: ["resources"]) else { Issue.record("manifest shape"); return }
        #expect(shards.map { $0.value(at: ["shard"]) } == ["1/3", "2/3", "3/3"].map(JSONValue.string))
        #expect(resources.count == 3)
    }

    /// The shards' runs.csv together hold every run of the sweep once, and
    /// each shard's folder records the sweep, the shard and the build.
    @Test func shardsAreDisjointAndCoverEveryRun() throws {
        let folder = try threeShards()
        var seen: [String] = []
        for shard in 1...3 {
            let runs = try CSVReader.rows(try read(folder, "\(shardFolder(shard))/runs.csv")).dropFirst()
            #expect(!runs.isEmpty)
            seen += runs.map { "\($0[0])/\($0[1])" }
            let state = try JSONParser.parse(Array(try data(folder, "\(shardFolder(shard))/.sweep/sweep.json")))
            #expect(state.value(at: ["shard", "index"]) == .int(shard) && state.value(at: ["shard", "count"]) == .int(3))
            #expect(state.value(at: ["sweep", "replicates"]) == .int(3) && state.value(at: ["scenario", "horizon"]) == .int(12))
            guard case .array(let builds)? = state.value(at: ["builds"]) else { Issue.record("no build recorded"); continue }
            #expect(builds.count == 1 && builds[0].value(at: ["executable"]) != nil)
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(shardFolder(shard))/timeseries.csv").path))
        }
        #expect(seen.count == 18 && Set(seen).count == 18)
        // The dry run shows a shard's runs.
        let dry = try ToolProcess.run(["sweep", "s.json", "--shard", "2/3", "--dry-run"], in: folder)
        #expect(dry.status == 0 && dry.stdout.contains("shard 2/3: 6 of 18 runs"), "\(dry.stdout)")
        #expect(dry.stdout.contains("run,point,replicate,seed,firms.count,platform.commission"), "\(dry.stdout)")
    }

    /// A real `kill -9` in the middle of a shard; the same command resumes
    /// it without redoing a run, and the merge equals the whole sweep.
    @Test func aKilledShardResumes() throws {
        let folder = try scratchFolder()
        let text = #"{"set": {"firms.count": 8000, "horizon": 48}, "replicates": 4, "parameters": {"platform.commission": {"min": 0.04, "max": 0.2, "levels": 8}}}"#
        try text.write(to: folder.appendingPathComponent("k.json"), atomically: true, encoding: .utf8)
        let journal = "one/.sweep/journal.jsonl"
        let (killed, done) = try ToolProcess.killed(["sweep", "k.json", "--shard", "1/2", "--out", "one", "--threads", "1", "-q"],
                                                    in: folder, journal: journal, after: 3)
        #expect(killed, "the shard ended before it could be killed")
        #expect(done >= 3 && done < 16, "\(done) runs recorded when killed")
        let early = try ToolProcess.run(["merge", "merged", "one"], in: folder)
        #expect(early.status == 2, "\(early.stderr)")

        let resumed = try ToolProcess.run(["sweep", "k.json", "--shard", "1/2", "--out", "one"], in: folder)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming: \(done) of 16 runs already done"), "\(resumed.stderr)")
        #expect(try read(folder, journal).split(separator: "\n").count == 16, "each run recorded once: nothing redone")
        for command in [["sweep", "k.json", "--shard", "2/2", "--out", "two", "-q"], ["merge", "merged", "one", "two", "-q"],
                        ["sweep", "k.json", "--out", "whole", "-q"]] {
            let result = try ToolProcess.run(command, in: folder)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        #expect(try data(folder, "merged/timeseries.csv") == data(folder, "whole/timeseries.csv"))
        #expect(try runsWithoutWallTime(folder, "merged") == runsWithoutWallTime(folder, "whole"))
    }

    /// Each wrong merge exits with 2, names what is wrong, writes nothing
    /// and leaves the shards as they were.
    @Test func wrongMergesAreRefusedAndWriteNothing() throws {
        let folder = try threeShards()
        let other = try ToolProcess.run(["sweep", "s.json", "--shard", "2/3", "--out", "other", "--set", "horizon=11", "-q"], in: folder)
        #expect(other.status == 0, "\(other.stderr)")
        try FileManager.default.copyItem(at: folder.appendingPathComponent(shardFolder(2)), to: folder.appendingPathComponent("copy"))
        let whole = try ToolProcess.run(["sweep", "s.json", "--out", "whole", "-q"], in: folder)
        #expect(whole.status == 0, "\(whole.stderr)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("foreign"), withIntermediateDirectories: true)
        try "mine".write(to: folder.appendingPathComponent("foreign/notes.txt"), atomically: true, encoding: .utf8)
        let (one, two, three) = (shardFolder(1), shardFolder(2), shardFolder(3))
        let cases: [(arguments: [String], expected: String)] = [
            (["out", one, "other", three], "are shards of different sweeps (they differ at scenario.horizon)"),
            (["out", one, three], "runs 1, 4, 7"),
            (["out", one, three], "of the sweep's 18 are in no folder given: shard 2/3 is missing"),
            (["out", one, two, two, three], "shard 2/3), which is given twice"),
            (["out", one, two, "copy", three], "are in two of the folders given"),
            (["out", one, two, three, "whole"], "holds a whole sweep, not a shard"),
            (["out", one, two, three, "nowhere"], "nowhere: no such folder"),
            (["out", one, two, three, "foreign"], "not a sweep folder of smesim"),
            (["whole", one, two, three], "OUT whole: the folder exists already; pass --force"),
            (["foreign", one, two, three, "--force"], "the folder is not an output of smesim"),
            ([one + "/inside", one, two, three], "lies inside the shard folder"),
            (["out"], "merge needs the output folder and the shards' folders"),
            (["out", one, two, three, "--shard", "1/3"], "unknown option --shard"),
        ]
        let before = snapshot(folder)
        for (arguments, expected) in cases {
            let result = try ToolProcess.run(["merge"] + arguments, in: folder)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        }
        #expect(snapshot(folder) == before, "nothing written, nothing changed")
    }

    /// An incomplete shard, or one whose parts were lost, is not merged.
    @Test func anIncompleteShardIsNotMerged() throws {
        let folder = try threeShards()
        let journal = "\(shardFolder(2))/.sweep/journal.jsonl"
        let lines = try read(folder, journal).split(separator: "\n")
        try (lines.dropLast().joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent(journal), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("\(shardFolder(2))/manifest.json"))
        let arguments = ["merge", "out", shardFolder(1), shardFolder(2), shardFolder(3)]
        let incomplete = try ToolProcess.run(arguments, in: folder)
        #expect(incomplete.status == 2 && incomplete.stderr.contains("(shard 2/3) is not complete (5 of 6 runs recorded)"), "\(incomplete.stderr)")
        // Finished again, then a part file lost.
        #expect(try ToolProcess.run(["sweep", "s.json", "--shard", "2/3", "-q"], in: folder).status == 0)
        let parts = folder.appendingPathComponent("\(shardFolder(3))/.sweep/parts")
        let part = try #require(contents(of: parts).first)
        try FileManager.default.removeItem(at: parts.appendingPathComponent(part))
        let lost = try ToolProcess.run(arguments, in: folder)
        #expect(lost.status == 2 && lost.stderr.contains("are missing from its .sweep/parts"), "\(lost.stderr)")
        #expect(!contents(of: folder).contains("out") && contents(of: folder) == ["Results", "s.json"])
    }

    /// Bad --shard specs exit with 2 naming the form, and write nothing; a
    /// shard's folder is not resumed as another shard or the whole sweep.
    @Test func badShardSpecsAndFoldersAreRefused() throws {
        let folder = try scratchFolder()
        try Self.sweep.write(to: folder.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
        for spec in ["0/4", "5/4", "1/0", "junk", "1/", "2/4/1", "-1/4", "1/19"] {
            let result = try ToolProcess.run(["sweep", "s.json", "--shard", spec], in: folder)
            #expect(result.status == 2, "\(spec): \(result.stderr)")
            #expect(result.stderr.contains("expected I/N: shard I of N shards"), "\(spec): \(result.stderr)")
        }
        #expect(contents(of: folder) == ["s.json"])
        #expect(try ToolProcess.run(["sweep", "s.json", "--shard", "1/3", "--out", "o", "-q"], in: folder).status == 0)
        for (arguments, expected) in [(["--shard", "2/3"], "holds shard 1/3 of this sweep, not shard 2/3"),
                                      ([], "holds shard 1/3 of this sweep, not the whole sweep")] {
            let result = try ToolProcess.run(["sweep", "s.json", "--out", "o"] + arguments, in: folder)
            #expect(result.status == 2 && result.stderr.contains(expected), "\(result.stderr)")
        }
        let again = try ToolProcess.run(["sweep", "s.json", "--out", "o", "--shard", "1/3"], in: folder)
        #expect(again.status == 0 && again.stderr.contains("shard 1/3 of the sweep is complete (6 runs); nothing to run"), "\(again.stderr)")
        #expect(contents(of: folder.appendingPathComponent("o/.sweep/parts")).count == 6, "a complete shard keeps its parts")
    }

    /// merge has a help of its own, and the overview and sweep's help tell of it.
    @Test func helpTellsOfShardsAndMerge() throws {
        let folder = try scratchFolder()
        for arguments in [["merge", "--help"], ["help", "merge"]] {
            let help = try ToolProcess.run(arguments, in: folder)
            #expect(help.status == 0 && help.stdout.contains("smesim merge OUT SHARD_DIR [SHARD_DIR ...] [options]"), "\(help.stdout)")
            #expect(help.stdout.contains("--allow-build-change") && help.stdout.contains("--force"))
        }
        let overview = try ToolProcess.run(["--help"], in: folder)
        #expect(overview.stdout.contains("smesim merge OUT SHARD_DIR"))
        let sweep = try ToolProcess.run(["help", "sweep"], in: folder)
        #expect(sweep.stdout.contains("--shard I/N") && sweep.stdout.contains("smesim merge"))
    }

    /// Shards run by different builds are merged only when allowed; the
    /// manifest then lists both builds.
    @Test func shardsOfDifferentBuildsNeedAllowBuildChange() throws {
        let folder = try threeShards()
        let state = folder.appendingPathComponent("\(shardFolder(3))/.sweep/sweep.json")
        guard case .object(var object) = try JSONParser.parse(Array(try Data(contentsOf: state))) else { Issue.record("state"); return }
        let old = JSONValue.object(["version": .string("0.0.9"), "git_revision": .string("0123abcd"), "executable": .string(String(repeating: "0", count: 32))])
        object["builds"] = .array([old])
        try Data(JSONValue.object(object).formatted().utf8).write(to: state)
        let arguments = ["merge", "out", shardFolder(1), shardFolder(2), shardFolder(3)]
        let refused = try ToolProcess.run(arguments, in: folder)
        #expect(refused.status == 2 && refused.stderr.contains("the shards were run by 2 builds") && refused.stderr.contains("--allow-build-change"),
                "\(refused.stderr)")
        #expect(contents(of: folder) == ["Results", "s.json"])
        let allowed = try ToolProcess.run(arguments + ["--allow-build-change", "-q"], in: folder)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let manifest = try JSONParser.parse(Array(try data(folder, "out/manifest.json")))
        guard case .array(let builds)? = manifest.value(at: ["run", "builds"]) else { Issue.record("no builds"); return }
        #expect(builds.count == 2 && builds[1] == old)
    }
}
