import AgentEngine
import Foundation
import Testing

/// The tool run as a process on small scenarios.
@Suite struct EndToEndTests {
    let small = ["--firms", "3000", "--ticks", "24", "--replicates", "3"]
    /// One replicate of 40,000 firms (3 chunks), so the run itself is split
    /// across the threads: with several replicates each run would get a
    /// thread of its own.
    let oneRun = ["--firms", "40000", "--ticks", "24", "--replicates", "1"]

    @Test func runWritesTheTableAndTheManifest() throws {
        let folder = try scratchFolder()
        let result = try ToolProcess.run(["run", "-q"] + small, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "quiet run printed: \(result.stderr)")
        let out = folder.appendingPathComponent("Results/default")
        #expect(contents(of: out) == ["alliances.csv", "manifest.json", "runs.csv", "timeseries.csv"])
        #expect(contents(of: folder.appendingPathComponent("Results")) == ["default"])

        let table = try String(contentsOf: out.appendingPathComponent("timeseries.csv"), encoding: .utf8)
        let lines = table.components(separatedBy: "\r\n")
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Array(header.prefix(10)) == ["replicate", "seed", "tick", "firms", "firms_alive", "members", "member_share", "joins", "leaves", "exits"])
        for column in ["relationship_mean_members", "technology_p90", "revenue_online", "online_share", "logistics_cost_per_order",
                       "waste_share", "platform_cash", "platform_open", "platform_volume", "bmi_initiatives",
                       "bmi_initiatives_value_formula", "bmi_success_rate", "online_sales_gini"] {
            #expect(header.contains(column), "missing column \(column)")
        }
        #expect(lines.last == "")
        #expect(lines.count == 1 + 3 * 25 + 1)
        // Counts are consistent: members within the living firms, the
        // living within the population, the share is members / alive.
        for line in lines.dropFirst().dropLast() {
            let row = Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
            let firms = Int(row["firms"]!)!, alive = Int(row["firms_alive"]!)!, members = Int(row["members"]!)!
            #expect(firms == 3000 && alive <= firms && members <= alive)
            #expect(Double(row["member_share"]!)! == Double(members) / Double(alive))
            if row["tick"] == "0" { #expect(members == 12 && row["joins"] == "0") }
        }

        let manifest = try JSONParser.parse(Array(try Data(contentsOf: out.appendingPathComponent("manifest.json"))))
        guard case .object(let root) = manifest, case .object(let run)? = root["run"],
              case .array(let resources)? = root["resources"], case .object(let scenario)? = root["scenario"] else {
            Issue.record("manifest shape: \(manifest)")
            return
        }
        #expect(run["master_seed"] == .int(2016))
        #expect(run["runs"] == .int(3))
        #expect(run["version"] == .string("0.1.0"))
        #expect(scenario["horizon"] == .int(24))
        #expect(resources.count == 3)
        guard case .object(let resource) = resources[0], case .object(let schema)? = resource["schema"],
              case .array(let fields)? = schema["fields"] else { Issue.record("resource shape"); return }
        let names = fields.compactMap { field -> String? in
            guard case .object(let f) = field, case .string(let name)? = f["name"] else { return nil }
            return name
        }
        #expect(names == lines[0].split(separator: ",").map(String.init))
    }

    @Test func threadCountDoesNotChangeTheOutput() throws {
        let folder = try scratchFolder()
        for threads in ["1", "2"] {
            let result = try ToolProcess.run(["run", "-q", "--out", "t\(threads)", "--threads", threads] + oneRun, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let one = try Data(contentsOf: folder.appendingPathComponent("t1/timeseries.csv"))
        let two = try Data(contentsOf: folder.appendingPathComponent("t2/timeseries.csv"))
        #expect(one == two)
        #expect(!one.isEmpty)
        // runs.csv too, but for the wall time.
        func runs(_ name: String) throws -> [String] {
            try String(contentsOf: folder.appendingPathComponent("\(name)/runs.csv"), encoding: .utf8)
                .split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).enumerated().filter { $0.offset != 5 }.map(\.element).joined(separator: ",") }
        }
        #expect(try runs("t1") == runs("t2"))
        let alliancesOne = try Data(contentsOf: folder.appendingPathComponent("t1/alliances.csv"))
        #expect(alliancesOne == (try Data(contentsOf: folder.appendingPathComponent("t2/alliances.csv"))))
        #expect(alliancesOne.count > 1_000, "the run must form alliances")
        // Manifests agree apart from times, the thread count and the command line.
        func normalised(_ name: String) throws -> JSONValue {
            var value = try JSONParser.parse(Array(try Data(contentsOf: folder.appendingPathComponent("\(name)/manifest.json"))))
            for key in ["started", "ended", "wall_seconds", "threads", "command"] {
                value = value.setting(["run", key], to: .null)!
            }
            return value.setting(["created"], to: .null)!
        }
        #expect(try normalised("t1") == normalised("t2"))
    }

    @Test func peersScenarioRunsAndIsDeterministic() throws {
        let folder = try scratchFolder()
        let scenario = repositoryRoot.appendingPathComponent("Simulations/peers-small-world.json").path
        for threads in ["1", "2"] {
            let result = try ToolProcess.run(["run", scenario, "-q", "--out", "p\(threads)", "--threads", threads] + oneRun, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        for file in ["timeseries.csv", "alliances.csv"] {
            #expect(try Data(contentsOf: folder.appendingPathComponent("p1/\(file)"))
                == Data(contentsOf: folder.appendingPathComponent("p2/\(file)")))
        }
    }

    @Test func anExistingFolderIsKeptWithoutForce() throws {
        let folder = try scratchFolder()
        #expect(try ToolProcess.run(["run", "-q", "--out", "o"] + small, in: folder).status == 0)
        let before = try Data(contentsOf: folder.appendingPathComponent("o/timeseries.csv"))
        let again = try ToolProcess.run(["run", "-q", "--out", "o", "--seed", "5"] + small, in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("--force"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("o/timeseries.csv")) == before)
        let forced = try ToolProcess.run(["run", "-q", "--out", "o", "--seed", "5", "--force"] + small, in: folder)
        #expect(forced.status == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("o/timeseries.csv")) != before)
        #expect(contents(of: folder) == ["o"])
    }

    @Test func helpVersionAndSummary() throws {
        let folder = try scratchFolder()
        let help = try ToolProcess.run(["--help"], in: folder)
        #expect(help.status == 0 && help.stdout.contains("smesim run [SCENARIO.json]"))
        let runHelp = try ToolProcess.run(["help", "run"], in: folder)
        #expect(runHelp.status == 0 && runHelp.stdout.contains("--replicates N"))
        let version = try ToolProcess.run(["--version"], in: folder)
        #expect(version.status == 0 && version.stdout == "smesim 0.1.0\n")
        let run = try ToolProcess.run(["run"] + small, in: folder)
        #expect(run.status == 0)
        #expect(run.stderr.contains("wrote "), "a run on a pipe prints its summary but no progress line")
        #expect(!run.stderr.contains("\r"))
    }

    @Test func validateAndResolve() throws {
        let folder = try scratchFolder()
        let file = repositoryRoot.appendingPathComponent("Simulations/peers-province.json").path
        let ok = try ToolProcess.run(["validate", file], in: folder)
        #expect(ok.status == 0 && ok.stdout.contains("valid scenario \"peers-province\""))
        let resolved = try ToolProcess.run(["resolve", file], in: folder)
        #expect(resolved.status == 0)
        let value = try JSONParser.parse(resolved.stdout)
        guard case .object(let root) = value, case .object(let adoption)? = root["adoption"],
              case .object(let peers)? = adoption["peers"] else { Issue.record("resolve output"); return }
        #expect(peers["network"] == .string("locality"))
        #expect(root["horizon"] == .int(120))
        #expect(contents(of: folder).isEmpty)
    }

    /// `--set` reaches any key, nested, boolean or a whole group, and the
    /// manifest records the scenario as run.
    @Test func setOverridesAnyKeyAndTheManifestShowsIt() throws {
        let folder = try scratchFolder()
        let result = try ToolProcess.run(["run", "-q", "--out", "o", "--set", "platform.commission=0.07",
                                          "--set", #"platform.services={"training": false}"#, "--set", "adoption.behavioural.readiness=0.2",
                                          "--set", #"firms.sectors={"wine": 0.4, "dairy": 0.6}"#] + small, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let manifest = try JSONParser.parse(Array(try Data(contentsOf: folder.appendingPathComponent("o/manifest.json"))))
        guard case .object(let root) = manifest, case .object(let scenario)? = root["scenario"], case .object(let platform)? = scenario["platform"],
              case .object(let services)? = platform["services"], case .object(let firms)? = scenario["firms"] else {
            Issue.record("manifest shape")
            return
        }
        #expect(platform["commission"] == .double(0.07))
        #expect(services["training"] == .bool(false) && services["analytics"] == .bool(true))
        // Named like a default sub-sector, dairy keeps its traits; wine is new.
        guard case .object(let sectors)? = firms["sectors"], case .object(let dairy)? = sectors["dairy"],
              case .object(let wine)? = sectors["wine"] else { Issue.record("sectors: \(String(describing: firms["sectors"]))"); return }
        #expect(sectors.keys == ["wine", "dairy"] && dairy["share"] == .double(0.6) && dairy["online"] == .double(0.6))
        #expect(wine["share"] == .double(0.4) && wine["online"] == .double(1))
        let resolved = try ToolProcess.run(["resolve", "--set", "adoption.mode=peers", "--firms", "50"], in: folder)
        #expect(resolved.status == 0 && resolved.stdout.contains(#""mode": "peers""#) && resolved.stdout.contains(#""count": 50"#))
        let keys = try ToolProcess.run(["help", "keys", "platform.logistics"], in: folder)
        #expect(keys.status == 0 && keys.stdout.hasPrefix("platform.logistics.fixed_per_firm = 0.5"))
        #expect(!keys.stdout.contains("platform.commission"))
        let markdown = try ToolProcess.run(["help", "keys", "--markdown"], in: folder)
        #expect(markdown.stdout.hasPrefix("| key | meaning | unit | default | allowed | evidence |"))
    }
}

@Suite struct PanelTests {
    @Test func panelFollowsTheSameFirmsInEveryReplicate() throws {
        let folder = try scratchFolder()
        let result = try ToolProcess.run(["run", "-q", "--firms", "500", "--ticks", "24", "--replicates", "2",
                                          "--panel-every", "12", "--panel-sample", "40"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let out = folder.appendingPathComponent("Results/default")
        #expect(contents(of: out) == ["alliances.csv", "firms.csv", "manifest.json", "runs.csv", "timeseries.csv"])
        let lines = try String(contentsOf: out.appendingPathComponent("firms.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n").dropLast()
        let header = lines.first!.split(separator: ",").map(String.init)
        #expect(header.prefix(4) == ["replicate", "seed", "tick", "firm"])
        for column in ["member", "relationship", "technology", "financial", "sustainability", "revenue_local", "revenue_online", "cash", "alive"] {
            #expect(header.contains(column))
        }
        #expect(lines.count == 1 + 2 * 3 * 40)
        let rows = lines.dropFirst().map { $0.split(separator: ",").map(String.init) }
        let firmsBy = { (replicate: String, tick: String) in rows.filter { $0[0] == replicate && $0[2] == tick }.map { $0[3] } }
        #expect(firmsBy("0", "0") == firmsBy("1", "24"))
        #expect(Set(firmsBy("0", "12")).count == 40)
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"path\": \"firms.csv\""))
    }

    @Test func panelSampleNeedsPanelEvery() throws {
        let folder = try scratchFolder()
        let result = try ToolProcess.run(["run", "--panel-sample", "10"], in: folder)
        #expect(result.status == 2 && result.stderr.contains("--panel-sample needs --panel-every"))
        let zero = try ToolProcess.run(["run", "--panel-every", "0"], in: folder)
        #expect(zero.status == 2 && zero.stderr.contains("--panel-every 0: expected a whole number of ticks from 1 to 6000"))
        #expect(contents(of: folder).isEmpty)
    }
}

@Suite struct AdoptionCoreTests {
    /// `economy: false` (the adoption core alone) runs with a panel and
    /// writes missing values, not stray numbers, for what it does not model.
    @Test func economyOffWritesMissingValues() throws {
        let folder = try scratchFolder()
        try #"{"name": "core", "economy": false, "adoption": {"mode": "peers"}}"#
            .write(to: folder.appendingPathComponent("core.json"), atomically: true, encoding: .utf8)
        let result = try ToolProcess.run(["run", "core.json", "-q", "--firms", "800", "--ticks", "12",
                                          "--panel-every", "6", "--panel-sample", "50"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let panel = try String(contentsOf: folder.appendingPathComponent("Results/core/firms.csv"), encoding: .utf8)
        let row = panel.components(separatedBy: "\r\n")[1]
        #expect(row.hasSuffix(",,,,,,,,"))
        let behavioural = try ToolProcess.run(["validate", "core.json"], in: folder)
        #expect(behavioural.status == 0)
        try #"{"economy": false}"#.write(to: folder.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try ToolProcess.run(["validate", "bad.json"], in: folder)
        #expect(bad.status == 2 && bad.stderr.contains("economy: behavioural adoption needs the economy"))
    }
}
