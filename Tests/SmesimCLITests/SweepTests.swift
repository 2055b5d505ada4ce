import AgentEngine
import Foundation
import Testing

/// `smesim sweep` run as a process on small sweeps.
@Suite struct SweepTests {
    /// A sweep file in `folder`: a small base scenario and the given keys.
    func sweepFile(_ folder: URL, name: String = "s", replicates: Int = 2, _ body: String) throws -> String {
        let text = """
            {"set": {"firms.count": 600, "horizon": 12}, "replicates": \(replicates), \(body)}
            """
        try text.write(to: folder.appendingPathComponent("\(name).json"), atomically: true, encoding: .utf8)
        return "\(name).json"
    }

    func rows(_ text: String) -> [[String]] {
        (try? CSVReader.rows(text)) ?? []
    }


    let grid = #""parameters": {"platform.commission": {"values": [0.05, 0.2]}, "platform.services.shared_logistics": {"values": [true, false]}}"#

    @Test func aGridSweepWritesPointsRunsAndATidyTimeSeries() throws {
        let folder = try scratchFolder()
        let file = try sweepFile(folder, grid)
        let result = try ToolProcess.run(["sweep", file, "-q"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(contents(of: folder.appendingPathComponent("Results/s")) == [".sweep", "manifest.json", "points.csv", "runs.csv", "timeseries.csv"])
        #expect(contents(of: folder.appendingPathComponent("Results/s/.sweep")) == ["journal.jsonl", "lock", "sweep.json", "timeseries.blocks"])
        let points = rows(try read(folder, "Results/s/points.csv"))
        #expect(points == [["point", "platform.commission", "platform.services.shared_logistics"],
                           ["0", "0.05", "1"], ["1", "0.05", "0"], ["2", "0.2", "1"], ["3", "0.2", "0"]])
        let runs = rows(try read(folder, "Results/s/runs.csv"))
        #expect(Array(runs[0].prefix(8)) == ["point", "replicate", "seed", "platform.commission", "platform.services.shared_logistics", "run_id", "status", "reason"])
        #expect(runs.count == 1 + 4 * 2)
        #expect(runs.dropFirst().allSatisfy { $0[6] == "ok" && $0[5].count == 32 })
        #expect(Set(runs.dropFirst().map { $0[5] }).count == 8, "every run has an id of its own")
        let series = rows(try read(folder, "Results/s/timeseries.csv"))
        #expect(Array(series[0].prefix(7)) == ["point", "replicate", "seed", "platform.commission", "platform.services.shared_logistics", "tick", "firms"])
        #expect(series.count == 1 + 8 * 13)
        // Each row carries its point's values, in run order.
        for (k, row) in series.dropFirst().enumerated() {
            let run = k / 13
            #expect(row[0] == "\(run / 2)" && row[1] == "\(run % 2)" && row[5] == "\(k % 13)")
            #expect(Array(row[3...4]) == Array(points[1 + run / 2][1...2]))
        }
        // Common random numbers: replicate r has the same seed at every point,
        // so points that differ only in the commission start identically.
        let tick0 = series.dropFirst().filter { $0[5] == "0" && $0[1] == "0" && $0[4] == "1" }.map { Array($0[6...]) }
        #expect(tick0.count == 2 && Set(tick0.map { $0.joined(separator: ",") }).count == 1)
        let manifest = try JSONParser.parse(Array(try Data(contentsOf: folder.appendingPathComponent("Results/s/manifest.json"))))
        guard case .object(let root) = manifest, case .object(let sweep)? = root["sweep"], case .object(let scenario)? = root["scenario"],
              case .object(let firms)? = scenario["firms"], case .array(let resources)? = root["resources"] else {
            Issue.record("manifest shape")
            return
        }
        #expect(sweep["replicates"] == .int(2))
        #expect(firms["count"] == .int(600))
        #expect(resources.count == 3)
    }

    /// A real `kill -9` in the middle of a sweep; the same command then
    /// finishes it without redoing a run, and the folder equals an
    /// uninterrupted sweep's.
    @Test func aKilledSweepResumesToTheSameFiles() throws {
        let folder = try scratchFolder()
        let text = #"{"set": {"firms.count": 8000, "horizon": 48}, "replicates": 4, "parameters": {"platform.commission": {"min": 0.04, "max": 0.2, "levels": 10}}}"#
        try text.write(to: folder.appendingPathComponent("k.json"), atomically: true, encoding: .utf8)
        let (killed, done) = try ToolProcess.killed(["sweep", "k.json", "--out", "killed", "--threads", "1", "-q"], in: folder,
                                                    journal: "killed/.sweep/journal.jsonl", after: 5)
        #expect(killed, "the sweep ended before it could be killed")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("killed/manifest.json").path))
        #expect(done >= 5 && done < 40, "\(done) runs recorded when killed")

        let resumed = try ToolProcess.run(["sweep", "k.json", "--out", "killed"], in: folder)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming: \(done) of 40 runs already done"), "\(resumed.stderr)")
        let lines = try read(folder, "killed/.sweep/journal.jsonl").split(separator: "\n")
        #expect(lines.count == 40, "each run recorded once: nothing redone")
        let whole = try ToolProcess.run(["sweep", "k.json", "--out", "whole", "-q"], in: folder)
        #expect(whole.status == 0, "\(whole.stderr)")
        for table in ["timeseries.csv", "points.csv"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent("killed/\(table)"))
                == Data(contentsOf: folder.appendingPathComponent("whole/\(table)")), "\(table)")
        }
        #expect(try runsWithoutWallTime(folder, "killed") == runsWithoutWallTime(folder, "whole"))

        // Finished: running it again runs nothing and changes nothing.
        let before = try Data(contentsOf: folder.appendingPathComponent("whole/timeseries.csv"))
        let again = try ToolProcess.run(["sweep", "k.json", "--out", "whole"], in: folder)
        #expect(again.status == 0 && again.stderr.contains("the sweep is complete (40 runs); nothing to run"), "\(again.stderr)")
        #expect(try read(folder, "whole/.sweep/journal.jsonl").split(separator: "\n").count == 40)
        #expect(try Data(contentsOf: folder.appendingPathComponent("whole/timeseries.csv")) == before)
    }

    @Test func aFailingPointIsRecordedAndTheSweepGoesOn() throws {
        let folder = try scratchFolder()
        // A floor above the logistics start (9 EUR) breaks a rule between keys.
        let file = try sweepFile(folder, #""parameters": {"platform.logistics.floor": {"values": [3, 10, 4]}}"#)
        let result = try ToolProcess.run(["sweep", file, "-q"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("2 of 6 runs failed"), "\(result.stderr)")
        let runs = rows(try read(folder, "Results/s/runs.csv"))
        #expect(runs.dropFirst().map { $0[5] } == ["ok", "ok", "failed", "failed", "ok", "ok"])
        #expect(runs[3][6] == "platform.logistics.floor: 10 exceeds start (9); costs fall with volume")
        let series = rows(try read(folder, "Results/s/timeseries.csv"))
        #expect(series.count == 1 + 4 * 13, "no rows for failed runs")
        #expect(!series.contains { $0[0] == "1" })
        // Retrying re-runs only the failed ones (and they fail again).
        let retry = try ToolProcess.run(["sweep", file, "--retry-failed"], in: folder)
        #expect(retry.status == 1 && retry.stderr.contains("resuming: 4 of 6 runs already done"), "\(retry.stderr)")
        #expect(try read(folder, "Results/s/.sweep/journal.jsonl").split(separator: "\n").count == 8)
        #expect(rows(try read(folder, "Results/s/timeseries.csv")) == series)
    }

    @Test func threadsDoNotChangeTheFiles() throws {
        let folder = try scratchFolder()
        let file = try sweepFile(folder, #""parameters": {"adoption.p": {"min": 0.001, "max": 0.02, "scale": "log"}}, "design": {"type": "latin_hypercube", "samples": 5}, "seeds": "independent""#)
        for threads in ["1", "2"] {
            let result = try ToolProcess.run(["sweep", file, "-q", "--out", "t\(threads)", "--threads", threads], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        for table in ["timeseries.csv", "points.csv"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent("t1/\(table)")) == Data(contentsOf: folder.appendingPathComponent("t2/\(table)")))
        }
        #expect(try runsWithoutWallTime(folder, "t1") == runsWithoutWallTime(folder, "t2"))
        // Independent seeds: each point's runs have a seed of their own.
        let seeds = rows(try read(folder, "t1/runs.csv")).dropFirst().map { $0[2] }
        #expect(Set(seeds).count == 5)
    }

    @Test func everyThinsTheSeriesButNotTheOutcomes() throws {
        let folder = try scratchFolder()
        let file = try sweepFile(folder, #""parameters": {"platform.commission": {"values": [0.1]}}, "outcomes": {"exits": {"column": "exits", "stat": "sum"}, "m6": {"column": "members", "stat": "at", "tick": 6}}"#)
        _ = try ToolProcess.run(["sweep", file, "-q", "--out", "all"], in: folder)
        let thin = try ToolProcess.run(["sweep", file, "-q", "--out", "thin", "--every", "5"], in: folder)
        #expect(thin.status == 0, "\(thin.stderr)")
        let series = rows(try read(folder, "thin/timeseries.csv")).dropFirst()
        #expect(series.map { $0[4] } == ["0", "5", "10", "12", "0", "5", "10", "12"])
        let all = try runsWithoutWallTime(folder, "all"), thinned = try runsWithoutWallTime(folder, "thin")
        #expect(all == thinned)
        #expect(Array(all[0].suffix(2)) == ["exits", "m6"])
    }

    @Test func anotherSweepInTheFolderIsRefusedUnlessForced() throws {
        let folder = try scratchFolder()
        let file = try sweepFile(folder, grid)
        #expect(try ToolProcess.run(["sweep", file, "-q"], in: folder).status == 0)
        let other = try ToolProcess.run(["sweep", file, "-q", "--set", "firms.count=700"], in: folder)
        #expect(other.status == 2 && other.stderr.contains("holds a different sweep (it differs at scenario.firms.count)"), "\(other.stderr)")
        let forced = try ToolProcess.run(["sweep", file, "--set", "firms.count=700", "--force"], in: folder)
        #expect(forced.status == 0 && forced.stderr.contains("replaced a different sweep in"), "\(forced.stderr)")
        #expect(rows(try read(folder, "Results/s/timeseries.csv"))[1][6] == "700")
        // A folder the tool did not write is never touched.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try "keep".write(to: folder.appendingPathComponent("mine/thesis.txt"), atomically: true, encoding: .utf8)
        let mine = try ToolProcess.run(["sweep", file, "--out", "mine", "--force"], in: folder)
        #expect(mine.status == 2 && mine.stderr.contains("is not an output of smesim"), "\(mine.stderr)")
        #expect(contents(of: folder.appendingPathComponent("mine")) == ["thesis.txt"])
    }

    @Test func sobolAndMorrisDesignsHaveTheirPointCounts() throws {
        let folder = try scratchFolder()
        let keys = #""parameters": {"platform.commission": {"min": 0.05, "max": 0.2}, "adoption.q": {"min": 0.01, "max": 0.05}, "alliances.enabled": {"values": [true, false]}}"#
        let sobol = try sweepFile(folder, name: "sobol", replicates: 1, keys + #", "design": {"type": "sobol", "samples": 4}"#)
        let morris = try sweepFile(folder, name: "morris", replicates: 1, keys + #", "design": {"type": "morris", "trajectories": 3}"#)
        for (file, count) in [(sobol, 4 * (3 + 2)), (morris, 3 * (3 + 1))] {
            let result = try ToolProcess.run(["sweep", file, "-q"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let name = file.replacingOccurrences(of: ".json", with: "")
            #expect(rows(try read(folder, "Results/\(name)/points.csv")).count == 1 + count)
        }
        // Saltelli's first block: A, then A with B's coordinate i, ..., then B.
        let points = rows(try read(folder, "Results/sobol/points.csv")).dropFirst().prefix(5).map { Array($0.dropFirst()) }
        #expect(points[0] == ["0.05", "0.01", "1"] && points[4] == ["0.05", "0.01", "1"])
    }

    /// Every sweep file shipped under Simulations/sweeps/ is valid; a dry
    /// run writes nothing.
    @Test func everyShippedSweepIsValid() throws {
        let folder = try scratchFolder()
        let sweeps = repositoryRoot.appendingPathComponent("Simulations/sweeps")
        let files = try FileManager.default.contentsOfDirectory(atPath: sweeps.path).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 5)
        for file in files {
            let result = try ToolProcess.run(["sweep", sweeps.appendingPathComponent(file).path, "--dry-run"], in: folder)
            #expect(result.status == 0 && result.stdout.contains("valid sweep"), "\(file): \(result.stderr)")
        }
        #expect(contents(of: folder).isEmpty)
    }

    @Test(arguments: [
        (#"{"parameters": {"platform.comission": {"values": [0.1]}}}"#, "parameters.platform.comission: unknown key platform.comission; did you mean platform.commission?"),
        (#"{"parameters": {"platform.commission": {"values": [0.1, 2]}}}"#, "parameters.platform.commission.values[1]: 2 is out of range; allowed: 0 to 1"),
        (#"{"parameters": {"platform.commission": {"min": 0.2, "max": 0.1, "levels": 2}}}"#, "parameters.platform.commission.max: 0.1 is not above min (0.2)"),
        (#"{"parameters": {"platform.commission": {"min": 0.1, "max": 0.2}}}"#, "a grid needs \"levels\""),
        (#"{"parameters": {"seed": {"values": [1, 2]}}}"#, "parameters.seed: cannot be swept"),
        (#"{"parameters": {"adoption.mode": {"min": 0, "max": 1}}}"#, "list the values"),
        (#"{"parameters": {"adoption.p": {"values": [0.1]}}, "design": {"type": "sobol", "samples": 6}}"#, "design.samples: 6 is not a power of two"),
        (#"{"parameters": {"adoption.p": {"values": [0.1]}}, "design": "lhs"}"#, "design: \"lhs\" is not allowed"),
        (#"{"parameters": {"adoption.p": {"values": [0.1]}}, "outcomes": {"x": {"column": "member_shares"}}}"#, "did you mean \"member_share\""),
        (#"{"parameters": {}}"#, "a sweep needs at least one swept key"),
        (#"{"scenario": "missing.json", "parameters": {"adoption.p": {"values": [0.1]}}}"#, "bad.json: scenario: missing.json: no such file"),
        (#"{"set": {"platform.commission": 5}, "parameters": {"adoption.p": {"values": [0.1]}}}"#, "bad.json: set.platform.commission: 5 is out of range; allowed: 0 to 1"),
        (#"{"set": {"platform": 5}, "parameters": {"adoption.p": {"values": [0.1]}}}"#, "bad.json: set.platform: expected an object"),
        (#"{"set": {"firms.size.max_employees": 1}, "parameters": {"adoption.p": {"values": [0.1]}}}"#, "bad.json: set.firms.size.max_employees: firms.size.median_employees: 3 exceeds max_employees (1)"),
        (#"{"set": {"replicates": 3}, "replicates": 2, "parameters": {"adoption.p": {"values": [0.1]}}}"#, "set.replicates: the sweep's own \"replicates\" sets it too"),
        (#"{"parameters": {"horizon": {"values": [6, 12]}}, "outcomes": {"horizon": {"column": "members"}}}"#, "outcomes.horizon: is the name of a column runs.csv already has"),
        (#"{"parameters": {"adoption.p": {"values": [0.1]}}, "outcomes": {"run_id": {"column": "members"}}}"#, "outcomes.run_id: is the name of a column runs.csv already has"),
        (#"{"design": {"type": "points", "file": ""}}"#, "bad.json: design.file: is empty; name the CSV file of points"),
        (#"{"parameters": {}, "design": {"type": "points", "file": "p.csv"}}"#, "bad.json: parameters: not used with a points design"),
        (#"{"parameters": {"platform.commission": null}}"#, "bad.json: parameters.platform.commission: expected {\"values\": [...]} or {\"min\": a, \"max\": b}, found null"),
        (#"{"set": {"horizon": 12}, "parameters": {"adoption.p": {"values": [0.1]}}, "outcomes": {"m5": {"column": "members", "stat": "at", "tick": 60}}}"#, "bad.json: outcomes.m5: tick 60 is past the horizon (12 ticks)"),
        (#"{"parameters": {"horizon": {"values": [12, 24]}}, "outcomes": {"late": {"column": "members", "stat": "mean", "from": 18, "to": 24}}}"#, "bad.json: outcomes.late: ticks 18–24 reach past the shortest horizon of the sweep (12 ticks, at point 0)"),
        (#"{"parameters": {"platform.logistics.floor": {"values": [10, 12]}}}"#, "bad.json: every point of the sweep breaks a rule between keys (point 0: platform.logistics.floor: 10 exceeds start (9)"),
        (#"{"set": {"firms.count": 0}, "parameters": {"adoption.p": {"values": [0.1]}}}"#, "firms.count: 0 is out of range"),
        (#"{"parameters": {"adoption.p": {"values": [0.1]}}, "replicatess": 2}"#, "replicatess: unknown key; did you mean \"replicates\"?"),
    ])
    func badSweepFilesExitWith2AndWriteNothing(text: String, expected: String) throws {
        let folder = try scratchFolder()
        try text.write(to: folder.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let result = try ToolProcess.run(["sweep", "bad.json"], in: folder)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(!result.stderr.contains("problems:") || result.stderr.contains("2 problems:"), "one mistake, one problem: \(result.stderr)")
        #expect(contents(of: folder) == ["bad.json"])
    }
}
