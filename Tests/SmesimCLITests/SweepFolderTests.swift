import AgentEngine
import Foundation
import SMEModel
import Testing

/// What a sweep does with its output folder: which folders `--force` may
/// replace, when a folder is the same sweep (resumed) or another, builds,
/// and what interruptions at awkward moments leave.
@Suite struct SweepFolderTests {
    let grid = #"{"set": {"firms.count": 400, "horizon": 6}, "replicates": 2, "parameters": {"platform.commission": {"values": [0.05, 0.2]}}}"#

    func write(_ text: String, _ name: String, in folder: URL) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    /// Every file under `root` (hidden ones too) with its bytes, but for
    /// the files that hold wall times or the lock (only named).
    func snapshot(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if isDirectory.boolValue { files[path + "/"] = Data(); continue }
            if ["runs.csv", "manifest.json", ".sweep/lock", ".sweep/journal.jsonl"].contains(path) { files[path] = Data(); continue }
            files[path] = try Data(contentsOf: root.appendingPathComponent(path))
        }
        return files
    }

    /// A folder of someone else's that happens to hold a manifest.json is
    /// never replaced, by `sweep --force` or `run --force`; nothing in it
    /// is deleted.
    @Test func forceLeavesAForeignFolderAlone() throws {
        let folder = try scratchFolder()
        try write(grid, "s.json", in: folder)
        let foreign = folder.appendingPathComponent("foreign")
        try FileManager.default.createDirectory(at: foreign.appendingPathComponent("data"), withIntermediateDirectories: true)
        try write(#"{"name": "my data package", "run": {"tool": "datapackage-py"}}"#, "foreign/manifest.json", in: folder)
        try write("precious", "foreign/data/thesis.tex", in: folder)
        for command in [["sweep", "s.json", "--out", "foreign", "--force"], ["sweep", "s.json", "--out", "foreign"],
                        ["run", "--out", "foreign", "--force", "--firms", "100", "--ticks", "2"]] {
            let result = try ToolProcess.run(command, in: folder)
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("is not an output of smesim"), "\(command): \(result.stderr)")
            #expect(try read(folder, "foreign/data/thesis.tex") == "precious")
            #expect(contents(of: foreign) == ["data", "manifest.json"])
        }
        #expect(contents(of: folder) == ["foreign", "s.json"])
        // A folder smesim wrote is replaced: a run's by a sweep, and back.
        #expect(try ToolProcess.run(["run", "-q", "--out", "mine", "--firms", "100", "--ticks", "2"], in: folder).status == 0)
        let sweep = try ToolProcess.run(["sweep", "s.json", "-q", "--out", "mine", "--force"], in: folder)
        #expect(sweep.status == 0 && sweep.stderr.contains("replaced other results in"), "\(sweep.stderr)")
        #expect(contents(of: folder.appendingPathComponent("mine")).contains("points.csv"))
        let run = try ToolProcess.run(["run", "-q", "--out", "mine", "--force", "--firms", "100", "--ticks", "2"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(contents(of: folder.appendingPathComponent("mine")) == ["alliances.csv", "manifest.json", "runs.csv", "timeseries.csv"])
        #expect(contents(of: folder) == ["foreign", "mine", "s.json"])
    }

    /// The same sweep however it is spelled: `--set` in another order, 12
    /// or 12.0, another file name, description and scenario path.
    @Test func anEquivalentSweepResumes() throws {
        let folder = try scratchFolder()
        try write(#"{"parameters": {"platform.commission": {"values": [0.05, 0.2]}}, "replicates": 2}"#, "a.json", in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try write(#"{"horizon": 6}"#, "sub/base.json", in: folder)
        try write(#"{"description": "the same, spelt otherwise", "scenario": "sub/base.json", "set": {"firms.count": 400.0}, "parameters": {"platform.commission": {"values": [0.050, 0.20]}}, "replicates": 2}"#, "b.json", in: folder)
        let first = try ToolProcess.run(["sweep", "a.json", "-q", "--out", "o", "--set", "firms.count=400", "--set", "horizon=6"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        for command in [["sweep", "a.json", "--out", "o", "--set", "horizon=6", "--set", "firms.count=400"],
                        ["sweep", "a.json", "--out", "o", "--set", "horizon=6.0", "--set", "firms.count=4e2"],
                        ["sweep", "b.json", "--out", "o"]] {
            let again = try ToolProcess.run(command, in: folder)
            #expect(again.status == 0 && again.stderr.contains("the sweep is complete (4 runs); nothing to run"), "\(command): \(again.stderr)")
        }
        let other = try ToolProcess.run(["sweep", "b.json", "--out", "o", "--set", "horizon=7"], in: folder)
        #expect(other.status == 2 && other.stderr.contains("holds a different sweep (it differs at scenario.horizon)"), "\(other.stderr)")
    }

    /// A sweep started by another build (version or git revision) is not
    /// resumed unless asked; the manifest then lists both builds.
    @Test func anotherBuildDoesNotResumeUnlessAllowed() throws {
        let folder = try scratchFolder()
        try write(grid, "s.json", in: folder)
        #expect(try ToolProcess.run(["sweep", "s.json", "-q", "--out", "o"], in: folder).status == 0)
        // Fabricate a folder started by another build, its last run not done.
        let state = folder.appendingPathComponent("o/.sweep/sweep.json")
        guard case .object(var object) = try JSONParser.parse(Array(try Data(contentsOf: state))) else { Issue.record("state"); return }
        let other = JSONValue.object(["version": .string("0.0.9"), "git_revision": .string("0123abcd-dirty")])
        object["builds"] = .array([other])
        try Data(JSONValue.object(object).formatted().utf8).write(to: state)
        let journal = try read(folder, "o/.sweep/journal.jsonl").split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
        try write(journal, "o/.sweep/journal.jsonl", in: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("o/manifest.json"))

        let refused = try ToolProcess.run(["sweep", "s.json", "--out", "o"], in: folder)
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("this sweep was run by smesim 0.0.9 (git 0123abcd-dirty), and this is smesim 0.1.0"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--allow-build-change") && refused.stderr.contains("--force"))
        #expect(try read(folder, "o/.sweep/journal.jsonl") == journal, "nothing run")
        let dry = try ToolProcess.run(["sweep", "s.json", "--out", "o", "--dry-run"], in: folder)
        #expect(dry.status == 2 && dry.stderr.contains("this sweep was run by"), "\(dry.stderr)")

        let allowed = try ToolProcess.run(["sweep", "s.json", "--out", "o", "--allow-build-change"], in: folder)
        #expect(allowed.status == 0 && allowed.stderr.contains("resuming: 3 of 4 runs already done"), "\(allowed.stderr)")
        let manifest = try JSONParser.parse(Array(try Data(contentsOf: folder.appendingPathComponent("o/manifest.json"))))
        guard case .array(let builds)? = manifest.value(at: ["run", "builds"]) else { Issue.record("no builds in the manifest"); return }
        #expect(builds.count == 2 && builds[0] == other && builds[1].value(at: ["version"]) == .string("0.1.0"))
        // Now both builds are the sweep's: resumed without asking.
        let again = try ToolProcess.run(["sweep", "s.json", "--out", "o"], in: folder)
        #expect(again.status == 0 && again.stderr.contains("nothing to run"), "\(again.stderr)")
    }

    /// The build is the executable: a checkout edited after the build (its
    /// revision now "-dirty") still resumes the sweep that build started.
    @Test func theSameExecutableResumesWhateverTheCheckoutSays() throws {
        let folder = try scratchFolder()
        try write(grid, "s.json", in: folder)
        #expect(try ToolProcess.run(["sweep", "s.json", "-q", "--out", "o"], in: folder).status == 0)
        let state = folder.appendingPathComponent("o/.sweep/sweep.json")
        guard case .object(var object) = try JSONParser.parse(Array(try Data(contentsOf: state))),
              case .array(let builds)? = object["builds"], case .object(var build)? = builds.first,
              case .string(let executable)? = build["executable"] else { Issue.record("no executable digest recorded"); return }
        #expect(executable.count == 32)
        build["git_revision"] = .string("0123abcd-dirty")
        object["builds"] = .array([.object(build)])
        try Data(JSONValue.object(object).formatted().utf8).write(to: state)
        let journal = try read(folder, "o/.sweep/journal.jsonl").split(separator: "\n").dropLast().joined(separator: "\n") + "\n"
        try write(journal, "o/.sweep/journal.jsonl", in: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("o/manifest.json"))
        let resumed = try ToolProcess.run(["sweep", "s.json", "--out", "o"], in: folder)
        #expect(resumed.status == 0 && resumed.stderr.contains("resuming: 3 of 4 runs already done"), "\(resumed.stderr)")
    }

    /// Interrupted after the manifest was published but before the parts
    /// were deleted (or while temporary files were left): running the
    /// sweep again leaves exactly what an uninterrupted sweep leaves, and
    /// so does running a finished sweep again (no empty parts folder).
    @Test func aRerunCleansWhatAnInterruptedFinishLeft() throws {
        let folder = try scratchFolder()
        try write(grid, "s.json", in: folder)
        #expect(try ToolProcess.run(["sweep", "s.json", "-q", "--out", "whole"], in: folder).status == 0)
        let whole = try snapshot(folder.appendingPathComponent("whole"))
        #expect(whole.keys.sorted() == [".sweep/", ".sweep/journal.jsonl", ".sweep/lock", ".sweep/sweep.json", ".sweep/timeseries.blocks",
                                        "manifest.json", "points.csv", "runs.csv", "timeseries.csv"])
        let again = try ToolProcess.run(["sweep", "s.json", "--out", "whole"], in: folder)
        #expect(again.status == 0 && again.stderr.contains("nothing to run"))
        #expect(try snapshot(folder.appendingPathComponent("whole")) == whole)

        #expect(try ToolProcess.run(["sweep", "s.json", "-q", "--out", "cut"], in: folder).status == 0)
        let parts = folder.appendingPathComponent("cut/.sweep/parts")
        try FileManager.default.createDirectory(at: parts, withIntermediateDirectories: true)
        for run in 0..<4 { try write("0,0\r\n", "cut/.sweep/parts/t0-r\(run).csv", in: folder) }
        try write("partial", "cut/.timeseries.csv.tmp", in: folder)
        try write("12\n", "cut/.sweep/timeseries.blocks.tmp", in: folder)
        let rerun = try ToolProcess.run(["sweep", "s.json", "--out", "cut"], in: folder)
        #expect(rerun.status == 0 && rerun.stderr.contains("nothing to run"), "\(rerun.stderr)")
        #expect(try snapshot(folder.appendingPathComponent("cut")) == whole)
    }

    /// An interrupted `--force` leaves the old folder moved aside under a
    /// hidden name; when its replacement is in place the next invocation
    /// deletes it and goes on (when it is not, it is put back: see
    /// OutputFolderTests). A folder of that kind of name whose process still
    /// runs is left alone.
    @Test func whatAnInterruptedForceLeftIsDeleted() throws {
        let folder = try scratchFolder()
        try write(grid, "s.json", in: folder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("o"), withIntermediateDirectories: true)
        // Process ids above the system's maximum (4194304) are never running.
        let aside = folder.appendingPathComponent(".o.smesim-aside-99999999")
        try FileManager.default.createDirectory(at: aside.appendingPathComponent(".sweep/parts"), withIntermediateDirectories: true)
        for run in 0..<50 { try write("x", ".o.smesim-aside-99999999/.sweep/parts/t0-r\(run).csv", in: folder) }
        let running = folder.appendingPathComponent(".o.smesim-aside-1")
        try FileManager.default.createDirectory(at: running, withIntermediateDirectories: true)
        let result = try ToolProcess.run(["sweep", "s.json", "--out", "o"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("deleted what interrupted runs had left beside"), "\(result.stderr)")
        #expect(contents(of: folder) == [".o.smesim-aside-1", "o", "s.json"])
        // `run` cleans its own leftovers the same way.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".r.smesim-partial-99999999"), withIntermediateDirectories: true)
        #expect(try ToolProcess.run(["run", "-q", "--out", "r", "--firms", "100", "--ticks", "2"], in: folder).status == 0)
        #expect(contents(of: folder) == [".o.smesim-aside-1", "o", "r", "s.json"])
    }

    /// `--set replicates=…` and `--set seed=…` come after the file and win
    /// over its own "replicates" and "seed"; the manifest says what ran.
    @Test func setReplicatesAndSeedWinOverTheFile() throws {
        let folder = try scratchFolder()
        try write(#"{"set": {"firms.count": 300, "horizon": 3}, "replicates": 3, "seed": 5, "parameters": {"platform.commission": {"values": [0.05, 0.2]}}}"#, "s.json", in: folder)
        let result = try ToolProcess.run(["sweep", "s.json", "-q", "--set", "replicates=1", "--set", "seed=7"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let runs = try CSVReader.rows(try read(folder, "Results/s/runs.csv"))
        #expect(runs.count == 1 + 2 && runs.dropFirst().allSatisfy { $0[1] == "0" && $0[2] == "7" }, "\(runs)")
        let manifest = try JSONParser.parse(Array(try Data(contentsOf: folder.appendingPathComponent("Results/s/manifest.json"))))
        #expect(manifest.value(at: ["sweep", "replicates"]) == .int(1) && manifest.value(at: ["sweep", "seed"]) == .int(7))
        #expect(manifest.value(at: ["scenario", "replicates"]) == .int(1) && manifest.value(at: ["scenario", "seed"]) == .int(7))
        #expect(manifest.value(at: ["run", "master_seed"]) == .int(7) && manifest.value(at: ["run", "runs"]) == .int(2))
        let dry = try ToolProcess.run(["sweep", "s.json", "--dry-run", "--out", "new", "--set", "replicates=4"], in: folder)
        #expect(dry.stdout.contains("2 points × 4 replicates = 8 runs"), "\(dry.stdout)")
    }

    /// A sweep's own points.csv (booleans as 1 and 0, a `point` column, even
    /// with a byte order mark) is a points design that gives the same sweep.
    @Test func pointsCsvReadsBackAsAPointsDesign() throws {
        let folder = try scratchFolder()
        try write(#"{"set": {"firms.count": 300, "horizon": 6}, "replicates": 2, "parameters": {"platform.commission": {"values": [0.05, 0.2]}, "platform.services.shared_logistics": {"values": [true, false]}, "adoption.mode": {"values": ["behavioural", "bass"]}}}"#, "grid.json", in: folder)
        #expect(try ToolProcess.run(["sweep", "grid.json", "-q", "--out", "grid"], in: folder).status == 0)
        let points = try Data(contentsOf: folder.appendingPathComponent("grid/points.csv"))
        #expect(String(decoding: points, as: UTF8.self).contains("0,0.05,1,behavioural"))
        try (Data([0xEF, 0xBB, 0xBF]) + points).write(to: folder.appendingPathComponent("listed.csv"))
        try write(#"{"set": {"firms.count": 300, "horizon": 6}, "replicates": 2, "design": {"type": "points", "file": "listed.csv"}}"#, "listed.json", in: folder)
        let listed = try ToolProcess.run(["sweep", "listed.json", "-q", "--out", "listed"], in: folder)
        #expect(listed.status == 0, "\(listed.stderr)")
        for table in ["points.csv", "timeseries.csv"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent("grid/\(table)")) == Data(contentsOf: folder.appendingPathComponent("listed/\(table)")), "\(table)")
        }
        // A column that is a group is told as such.
        try write("platform,adoption.p\n1,0.01\n", "group.csv", in: folder)
        try write(#"{"design": {"type": "points", "file": "group.csv"}}"#, "group.json", in: folder)
        let group = try ToolProcess.run(["sweep", "group.json"], in: folder)
        #expect(group.status == 2 && group.stderr.contains(#"column 1 "platform": is a group of keys"#), "\(group.stderr)")
    }

    /// `--set GROUP={...}` merges into the group; a map of named records
    /// is replaced as a whole. Text keys take bare text; seeds take 1e3.
    @Test func setMergesGroupsAndReplacesRecordMaps() throws {
        let folder = try scratchFolder()
        try write(#"{"platform": {"services": {"training": false}}}"#, "sc.json", in: folder)
        let result = try ToolProcess.run(["resolve", "sc.json", "--set", #"platform.services={"analytics": false}"#,
                                          "--set", #"firms.sectors={"wine": 0.4, "dairy": 0.6}"#, "--set", "name=2024", "--set", "seed=1e3"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let scenario = try JSONParser.parse(result.stdout)
        #expect(scenario.value(at: ["platform", "services", "training"]) == .bool(false), "kept from the file")
        #expect(scenario.value(at: ["platform", "services", "analytics"]) == .bool(false), "set")
        #expect(scenario.value(at: ["platform", "services", "market_access"]) == .bool(true), "kept from the defaults")
        guard case .object(let sectors)? = scenario.value(at: ["firms", "sectors"]) else { Issue.record("sectors"); return }
        #expect(sectors.keys == ["wine", "dairy"], "replaced as a whole")
        #expect(scenario.value(at: ["name"]) == .string("2024") && scenario.value(at: ["seed"]) == .int(1000))
    }

    /// Setting a sweep's points on the decoded base scenario gives what
    /// setting them in the document and decoding it gives, including the
    /// defaults derived from other keys and the rules between keys.
    @Test func pointsOnTheDecodedBaseEqualTheDocumentDecoded() throws {
        let schema = Scenario.schema
        let document = try JSONParser.parse(#"{"firms": {"count": 800}, "platform": {"logistics": {"start": 6}}}"#)
        let overlay = try SchemaOverlay(schema: schema, document: document)
        let keys = ["firms.count", "platform.logistics.floor", "adoption.q", "adoption.mode", "platform.services.training"]
            .compactMap { schema.parameter($0) }
        #expect(keys.count == 5)
        var generator = SplitMix64(seed: 7)
        var failures = 0
        for _ in 0..<300 {
            let values: [JSONValue] = [
                .int(1 + generator.index(below: 30)), .double(Double(generator.index(below: 90)) / 10),
                .double(Double(generator.index(below: 100)) / 100), .string(["behavioural", "bass", "peers"][generator.index(below: 3)]),
                .bool(generator.index(below: 2) == 0),
            ]
            var set = document
            for (key, value) in zip(keys, values) { set = try schema.setting(key.path, to: value, in: set) }
            let slow: Result<Scenario, InputErrors> = Result { () throws(InputErrors) in try schema.decode(set) }
            let fast: Result<Scenario, InputErrors> = Result { () throws(InputErrors) in try overlay.root(setting: Array(zip(keys, values))) }
            #expect(fast == slow, "\(values)")
            if case .failure = slow { failures += 1 }
        }
        #expect(failures > 10 && failures < 290, "points both break and keep the rules (\(failures) broke)")
    }
}
