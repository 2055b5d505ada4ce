import AgentEngine
import Foundation
import Testing

/// `smesim compare` run as a process on small scenarios.
@Suite struct CompareTests {
    let small = ["--firms", "1500", "--ticks", "24", "--replicates", "3", "-q"]

    /// The rows of a CSV table as dictionaries from column name to field.
    func table(_ folder: URL, _ path: String) throws -> [[String: String]] {
        let rows = try CSVReader.rows(try read(folder, path))
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0], $0)) }
    }

    func scenario(_ name: String, in folder: URL, _ body: String = "") throws {
        try #"{"name": "\#(name)"\#(body)}"#.write(to: folder.appendingPathComponent("\(name).json"), atomically: true, encoding: .utf8)
    }

    /// The same scenario under two names: every difference is exactly 0,
    /// and the paired intervals are exactly 0; read from a run folder, the
    /// other scenario gives the same table as run by the comparison.
    @Test func aScenarioComparedWithItselfDiffersByExactlyZero() throws {
        let folder = try scratchFolder()
        try scenario("a", in: folder)
        try scenario("b", in: folder)
        let result = try ToolProcess.run(["compare", "a.json", "b.json", "--out", "c"] + small, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let out = folder.appendingPathComponent("c")
        #expect(contents(of: out) == ["comparison.csv", "cost_effectiveness.csv", "manifest.json", "scenarios"])
        #expect(contents(of: out.appendingPathComponent("scenarios")) == ["a", "b"])
        #expect(try read(out, "comparison.csv").hasPrefix("outcome,tick,scenario,replicates,mean,difference,paired_low,paired_high,unpaired_low,unpaired_high\r\n"))
        let rows = try table(out, "comparison.csv")
        #expect(Set(rows.map { $0["tick"]! }) == ["0", "12", "24"])
        #expect(rows.contains { $0["outcome"] == "relationship_mean" })
        let withValues = rows.filter { $0["scenario"] == "b" && $0["replicates"] == "3" }
        #expect(withValues.count > 100)
        for row in withValues {
            #expect(row["difference"] == "0.0" && row["paired_low"] == "0.0" && row["paired_high"] == "0.0", "\(row)")
            #expect(Double(row["unpaired_low"]!)! == -Double(row["unpaired_high"]!)!)
        }
        for row in try table(out, "cost_effectiveness.csv") where row["effect"] != "" {
            #expect(row["effect"] == "0.0" && row["eur_per_unit_low"] == "", "\(row)")
        }

        // b as the folder of an earlier run: the same table.
        #expect(try ToolProcess.run(["run", "b.json", "--out", "b-run"] + small, in: folder).status == 0)
        let fromFolder = try ToolProcess.run(["compare", "a.json", "b-run", "--out", "d"] + small, in: folder)
        #expect(fromFolder.status == 0, "\(fromFolder.stderr)")
        #expect(try read(folder, "d/comparison.csv") == read(out, "comparison.csv"))
        #expect(contents(of: folder.appendingPathComponent("d/scenarios")) == ["a"])

        let manifest = try JSONParser.parse(try read(out, "manifest.json"))
        #expect(manifest.value(at: ["run", "kind"]) == .string("comparison"))
        #expect(manifest.value(at: ["run", "reference"]) == .string("a"))
        #expect(manifest.value(at: ["run", "scenarios", "b"]) == .string("scenarios/b"))
        #expect(manifest.value(at: ["scenarios", "b", "replicates"]) == .int(3))
        guard case .array(let resources)? = manifest.value(at: ["resources"]) else { Issue.record("no resources"); return }
        #expect(resources.count == 2)
        let header = try read(out, "cost_effectiveness.csv").components(separatedBy: "\r\n")[0]
        #expect(header == "scenario,public_spending,public_spending_low,public_spending_high,extra_public_spending,extra_public_spending_low,extra_public_spending_high,measure,unit,effect,effect_low,effect_high,eur_per_unit,eur_per_unit_low,eur_per_unit_high")
        guard case .array(let fields)? = resources[1].value(at: ["schema", "fields"]) else { Issue.record("no fields"); return }
        #expect(fields.compactMap { $0.value(at: ["name"]) } == header.split(separator: ",").map { .string(String($0)) })
    }

    /// Common random numbers: the paired interval of the platform's effect
    /// is narrower than the unpaired one.
    @Test func pairedIntervalIsNarrowerThanUnpaired() throws {
        let folder = try scratchFolder()
        let simulations = repositoryRoot.appendingPathComponent("Simulations")
        let result = try ToolProcess.run(["compare", simulations.appendingPathComponent("baseline.json").path,
                                          simulations.appendingPathComponent("no-platform.json").path,
                                          "--set", "firms.count=2000", "--set", "horizon=36", "--replicates", "8", "-q"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try table(folder, "Results/compare-baseline-no-platform/comparison.csv")
        for outcome in ["firms_alive", "relationship_mean"] {
            let row = try #require(rows.first { $0["outcome"] == outcome && $0["tick"] == "36" && $0["scenario"] == "no-platform" })
            #expect(row["replicates"] == "8")
            let ends = try ["paired_low", "paired_high", "unpaired_low", "unpaired_high"].map { try #require(Double(row[$0]!), "\(outcome): \($0) empty") }
            #expect(ends[1] - ends[0] < ends[3] - ends[2], "\(outcome): \(row)")
        }
    }

    @Test func foldersThatDoNotPairAreRefused() throws {
        let folder = try scratchFolder()
        let body = #", "firms": {"count": 1500}, "horizon": 24, "replicates": 3"#
        try scenario("a", in: folder, body)
        try scenario("b", in: folder, body)
        for (name, extra) in [("seed5", ["--seed", "5"]), ("two", ["--replicates", "2"]), ("wide", ["--firms", "1600"])] {
            #expect(try ToolProcess.run(["run", "b.json", "--out", name, "-q"] + extra, in: folder).status == 0)
        }
        let before = contents(of: folder)
        for (arguments, expected) in [
            (["a.json", "seed5"], "seed5: does not pair with the reference a.json: seed 5, the reference 2016"),
            (["a.json", "two"], "two: does not pair with the reference a.json: replicates 2, the reference 3"),
            (["a.json", "wide"], "wide: does not pair with the reference a.json: firms.count 1600, the reference 1500"),
            (["a.json", "wide", "--firms", "1500"], "wide: was not run with --firms 1500 (it has 1600)"),
            (["seed5", "a.json", "--seed", "2016"], "seed5: was not run with --seed 2016 (it has 5)"),
            (["a.json", "b.json", "--set", "name=x"], "a.json and b.json are both named \"x\""),
            (["a.json", "a.json"], "a.json and a.json are both named \"a\""),
            (["a.json", "seed5/manifest.json"], "seed5/manifest.json: run: unknown key"),
            (["a.json", "."], ".: not a run folder"),
        ] {
            let result = try ToolProcess.run(["compare", "-q"] + arguments, in: folder)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
            #expect(contents(of: folder) == before, "\(arguments): nothing may be written")
        }
    }

    /// A run folder whose time series lacks a replicate's rows is refused,
    /// naming what is missing; a comparison of run folders reports from any
    /// working folder (the folders are recorded by absolute path).
    @Test func incompleteFoldersAreRefusedAndGivenFoldersAreFoundFromAnywhere() throws {
        let folder = try scratchFolder()
        try scenario("a", in: folder)
        try scenario("b", in: folder, #", "platform": {"enabled": false}"#)
        for name in ["a", "b"] {
            #expect(try ToolProcess.run(["run", "\(name).json", "--out", "\(name)-run"] + small, in: folder).status == 0)
        }
        let compared = try ToolProcess.run(["compare", "a-run", "b-run", "--out", "c"] + small, in: folder)
        #expect(compared.status == 0, "\(compared.stderr)")
        let elsewhere = try scratchFolder()
        let report = try ToolProcess.run(["report", folder.appendingPathComponent("c").path, "--out", "r.html"], in: elsewhere)
        #expect(report.status == 0, "\(report.stderr)")

        let series = folder.appendingPathComponent("b-run/timeseries.csv")
        let lines = try String(contentsOf: series, encoding: .utf8).components(separatedBy: "\r\n")
        try lines.filter { !$0.hasPrefix("2,") }.joined(separator: "\r\n").write(to: series, atomically: true, encoding: .utf8)
        let refused = try ToolProcess.run(["compare", "a-run", "b-run", "--out", "d"] + small, in: folder)
        #expect(refused.status == 2, "\(refused.stderr)")
        #expect(refused.stderr.contains("timeseries.csv: has no row for replicate 2 at tick 0"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("d").path))
    }

    @Test func threadCountDoesNotChangeTheTables() throws {
        let folder = try scratchFolder()
        try scenario("a", in: folder)
        try scenario("b", in: folder, #", "platform": {"commission": 0.08}"#)
        for threads in ["1", "2"] {
            let result = try ToolProcess.run(["compare", "a.json", "b.json", "--out", "t\(threads)", "--threads", threads, "--every", "6"] + small, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        for file in ["comparison.csv", "cost_effectiveness.csv", "scenarios/b/timeseries.csv"] {
            let one = try Data(contentsOf: folder.appendingPathComponent("t1/\(file)"))
            #expect(one == (try Data(contentsOf: folder.appendingPathComponent("t2/\(file)"))), "\(file)")
        }
    }

    @Test func helpAndSummary() throws {
        let folder = try scratchFolder()
        for arguments in [["compare", "--help"], ["help", "compare"]] {
            let help = try ToolProcess.run(arguments, in: folder)
            #expect(help.status == 0 && help.stdout.contains("smesim compare REFERENCE OTHER") && help.stdout.contains("Common random numbers"))
        }
        #expect(try ToolProcess.run(["--help"], in: folder).stdout.contains("smesim compare"))
        try scenario("a", in: folder)
        try scenario("b", in: folder)
        let result = try ToolProcess.run(["compare", "a.json", "b.json", "--firms", "500", "--ticks", "12", "--replicates", "2"], in: folder)
        #expect(result.status == 0 && result.stderr.contains("difference from a at tick 12"), "\(result.stderr)")
        #expect(result.stderr.contains("relationship_mean") && result.stderr.contains("EUR per extra adopter"))
        #expect(contents(of: folder.appendingPathComponent("Results")) == ["compare-a-b"])
    }
}
