import AgentEngine
import Foundation
import Testing

/// `smesim analyze` run as a process on small real sweeps.
@Suite struct AnalyzeTests {
    static let header = ["method", "outcome", "parameter", "index", "value", "ci_low", "ci_high"]
    static let outcomes = #""outcomes": {"members": {"column": "member_share", "stat": "final"}, "online": {"column": "revenue_online", "stat": "final"}}"#
    static let keys = #""platform.commission": {"min": 0.04, "max": 0.2}, "adoption.p": {"min": 0.001, "max": 0.02, "scale": "log"}, "platform.services.analytics": {"values": [true, false]}"#

    /// Runs a small sweep (200 firms, 6 months) of `design` in a new folder;
    /// returns the folder (the sweep's output is `out`).
    func sweep(_ design: String, keys: String = keys, replicates: Int = 2, expectedStatus: Int32 = 0) throws -> URL {
        let folder = try scratchFolder()
        let text = #"{"set": {"firms.count": 200, "horizon": 6}, "replicates": \#(replicates), "parameters": {\#(keys)}, "design": \#(design), \#(Self.outcomes)}"#
        try text.write(to: folder.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
        let result = try ToolProcess.run(["sweep", "s.json", "--out", "out", "-q"], in: folder)
        #expect(result.status == expectedStatus, "\(result.stderr)")
        return folder
    }

    func table(_ folder: URL, _ path: String = "out/sensitivity.csv") throws -> [[String]] {
        try CSVReader.rows(try read(folder, path))
    }

    @Test func sobolIndicesForEveryOutcomeAndKeyAreByteIdenticalTwice() throws {
        let folder = try sweep(#"{"type": "sobol", "samples": 8, "second_order": true}"#)
        let first = try ToolProcess.run(["analyze", "out"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("Sobol' indices, ranked by ST") && first.stderr.contains("wrote out/sensitivity.csv: 18 rows"), "\(first.stderr)")
        let rows = try table(folder)
        #expect(rows.first == Self.header)
        // 2 outcomes × (S1 and ST of 3 keys + S2 of 3 pairs).
        #expect(rows.count == 1 + 2 * 9)
        #expect(rows.dropFirst().allSatisfy { $0[0] == "sobol" })
        #expect(rows.dropFirst().filter { $0[3] == "S2" }.map { $0[2] }.prefix(3)
            == ["platform.commission×adoption.p", "platform.commission×platform.services.analytics", "adoption.p×platform.services.analytics"])
        #expect(rows[1].prefix(4) == ["sobol", "members", "platform.commission", "S1"])
        let bytes = try Data(contentsOf: folder.appendingPathComponent("out/sensitivity.csv"))
        let again = try ToolProcess.run(["analyze", "out", "-q", "--out", "again.csv"], in: folder)
        #expect(again.status == 0 && again.stderr.isEmpty, "\(again.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("again.csv")) == bytes)
        // Replacing its own table gives the same bytes again.
        #expect(try ToolProcess.run(["analyze", "out", "-q"], in: folder).status == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("out/sensitivity.csv")) == bytes)
        #expect(!contents(of: folder.appendingPathComponent("out")).contains { $0.hasSuffix(".tmp") })

        let perReplicate = try ToolProcess.run(["analyze", "out", "-q", "--per-replicate", "--resamples", "0", "--out", "r.csv"], in: folder)
        #expect(perReplicate.status == 0, "\(perReplicate.stderr)")
        let replicated = try table(folder, "r.csv")
        #expect(replicated.dropFirst().allSatisfy { $0[0] == "sobol_per_replicate" && $0[5].isEmpty && $0[6].isEmpty })
    }

    @Test func morrisMeasuresWithIntervalsForMuStar() throws {
        let folder = try sweep(#"{"type": "morris", "trajectories": 6, "levels": 4}"#)
        let result = try ToolProcess.run(["analyze", "out"], in: folder)
        #expect(result.status == 0 && result.stderr.contains("ranked by mu_star"), "\(result.stderr)")
        let rows = try table(folder).dropFirst()
        #expect(rows.count == 2 * 3 * 3)
        #expect(rows.map { $0[3] }.prefix(3) == ["mu", "mu_star", "sigma"])
        for key in rows where key[3] == "mu_star" {
            let mu = try #require(rows.first { $0[1] == key[1] && $0[2] == key[2] && $0[3] == "mu" })
            let muStar = try #require(Double(key[4])), low = try #require(Double(key[5])), high = try #require(Double(key[6]))
            #expect(muStar >= abs(try #require(Double(mu[4]))) - 1e-12 && low <= muStar && muStar <= high)
        }
    }

    /// A grid's means at each value equal the mean over runs.csv's rows.
    @Test func gridMeansAtEachValue() throws {
        let folder = try sweep("\"grid\"", keys: #""platform.commission": {"values": [0.05, 0.15]}, "platform.services.analytics": {"values": [true, false]}"#)
        let result = try ToolProcess.run(["analyze", "out", "-q"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try table(folder).dropFirst()
        #expect(rows.map { "\($0[1]) \($0[2]) \($0[3])" }.prefix(4) == [
            "members platform.commission mean_at_0.05", "members platform.commission mean_at_0.15",
            "members platform.services.analytics mean_at_true", "members platform.services.analytics mean_at_false"])
        let runs = try CSVReader.rows(try read(folder, "out/runs.csv"))
        let column = try #require(runs[0].firstIndex(of: "members"))
        let at005 = runs.dropFirst().filter { $0[3] == "0.05" }.compactMap { Double($0[column]) }
        #expect(abs(try #require(Double(rows.first?[4] ?? "")) - at005.reduce(0, +) / Double(at005.count)) < 1e-12)
        #expect(at005.count == 4)
    }

    @Test func latinHypercubeRankCorrelations() throws {
        let folder = try sweep(#"{"type": "latin_hypercube", "samples": 12}"#, replicates: 1)
        let result = try ToolProcess.run(["analyze", "out"], in: folder)
        #expect(result.status == 0 && result.stderr.contains("ranked by |spearman|"), "\(result.stderr)")
        let rows = try table(folder).dropFirst()
        #expect(rows.count == 2 * 3 && rows.allSatisfy { $0[0] == "latin_hypercube" && $0[3] == "spearman" })
        for row in rows {
            let rho = try #require(Double(row[4]))
            #expect(abs(rho) <= 1 && (Double(row[5]) ?? 2) <= rho && rho <= (Double(row[6]) ?? -2))
        }
        #expect(try ToolProcess.run(["analyze", "out", "--per-replicate"], in: folder).status == 2)
    }

    /// Failed runs: refused for Sobol' (naming them), left out of a grid.
    @Test func failedRuns() throws {
        // A logistics floor above its start (9 EUR) breaks a rule between keys.
        let floor = #""platform.logistics.floor": {"min": 3, "max": 12}, "platform.commission": {"min": 0.04, "max": 0.2}"#
        let sobol = try sweep(#"{"type": "sobol", "samples": 4}"#, keys: floor, replicates: 1, expectedStatus: 1)
        let refused = try ToolProcess.run(["analyze", "out"], in: sobol)
        #expect(refused.status == 2 && refused.stderr.contains("runs failed (point ") && refused.stderr.contains("exceeds start"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sobol.appendingPathComponent("out/sensitivity.csv").path))

        let grid = try sweep("\"grid\"", keys: #""platform.logistics.floor": {"values": [3, 10]}"#, replicates: 2, expectedStatus: 1)
        let kept = try ToolProcess.run(["analyze", "out"], in: grid)
        #expect(kept.status == 0 && kept.stderr.contains("note: 2 failed runs are left out"), "\(kept.stderr)")
        let rows = try table(grid).dropFirst()
        #expect(rows.filter { $0[3] == "mean_at_10" }.allSatisfy { $0[4].isEmpty })
    }

    /// Folders analyze cannot use: exit code 2, a message naming the
    /// folder or file, nothing written.
    @Test func badFoldersExitWith2AndWriteNothing() throws {
        let folder = try sweep(#"{"type": "sobol", "samples": 4}"#, replicates: 1)
        let manager = FileManager.default
        func copy(_ name: String) throws -> String {
            try manager.copyItem(at: folder.appendingPathComponent("out"), to: folder.appendingPathComponent(name))
            return name
        }
        let unfinished = try copy("unfinished")
        try manager.removeItem(at: folder.appendingPathComponent("unfinished/manifest.json"))
        let noColumn = try copy("no-column")
        let runs = try read(folder, "no-column/runs.csv").replacingOccurrences(of: ",online\r\n", with: ",gone\r\n")
        try runs.write(to: folder.appendingPathComponent("no-column/runs.csv"), atomically: true, encoding: .utf8)
        let edited = try copy("edited")
        let points = try read(folder, "edited/points.csv").replacingOccurrences(of: "\r\n1,", with: "\r\n7,")
        try points.write(to: folder.appendingPathComponent("edited/points.csv"), atomically: true, encoding: .utf8)
        try "x".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try manager.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: false)

        let cases: [([String], String)] = [
            (["analyze", "missing"], "missing: no such folder"),
            (["analyze", "s.json"], "s.json: is a file"),
            (["analyze", "empty"], "empty: not a sweep's folder (no manifest.json)"),
            (["analyze", unfinished], "unfinished: an unfinished sweep"),
            (["analyze", noColumn], "no-column/runs.csv: no column online"),
            (["analyze", edited], "edited/points.csv: line 3: point is 7"),
            (["analyze", "out", "--out", "notes.txt"], "--out notes.txt: exists and is not a sensitivity table"),
            (["analyze", "out", "--out", "nowhere/s.csv"], "the folder nowhere does not exist"),
            (["analyze", "out", "--resamples", "1"], "--resamples 1"),
        ]
        for (arguments, message) in cases {
            let result = try ToolProcess.run(arguments, in: folder)
            #expect(result.status == 2 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        for name in ["out", unfinished, noColumn, edited] {
            #expect(!contents(of: folder.appendingPathComponent(name)).contains { $0.contains("sensitivity") }, "\(name)")
        }
        #expect(try read(folder, "notes.txt") == "x")
    }

    @Test func aPointsSweepIsRefused() throws {
        let folder = try scratchFolder()
        try "platform.commission\n0.1\n0.2\n".write(to: folder.appendingPathComponent("p.csv"), atomically: true, encoding: .utf8)
        try #"{"set": {"firms.count": 100, "horizon": 3}, "design": {"type": "points", "file": "p.csv"}}"#
            .write(to: folder.appendingPathComponent("p.json"), atomically: true, encoding: .utf8)
        #expect(try ToolProcess.run(["sweep", "p.json", "--out", "out", "-q"], in: folder).status == 0)
        let result = try ToolProcess.run(["analyze", "out"], in: folder)
        #expect(result.status == 2 && result.stderr.contains("a sweep of listed points (design \"points\") has no design"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/sensitivity.csv").path))
    }

    @Test func helpIsTheSameEverywhere() throws {
        let folder = try scratchFolder()
        let direct = try ToolProcess.run(["analyze", "--help"], in: folder)
        let topic = try ToolProcess.run(["help", "analyze"], in: folder)
        #expect(direct.status == 0 && direct.stdout == topic.stdout && direct.stdout.contains("smesim analyze SWEEP_DIR"))
        #expect(direct.stdout.contains("--per-replicate") && direct.stdout.contains("--resamples N"))
        let overview = try ToolProcess.run(["--help"], in: folder)
        #expect(overview.stdout.contains("smesim analyze SWEEP_DIR"))
    }
}
