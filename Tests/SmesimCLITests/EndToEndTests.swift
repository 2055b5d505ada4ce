import AgentEngine
import Foundation
import Testing

/// The tool run as a process on small scenarios.
@Suite struct EndToEndTests {
    let small = ["--firms", "3000", "--ticks", "24", "--replicates", "3"]

    @Test func runWritesTheTableAndTheManifest() throws {
        let folder = try scratchFolder()
        let result = try ToolProcess.run(["run", "-q"] + small, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "quiet run printed: \(result.stderr)")
        let out = folder.appendingPathComponent("Results/default")
        #expect(contents(of: out) == ["manifest.json", "timeseries.csv"])
        #expect(contents(of: folder.appendingPathComponent("Results")) == ["default"])

        let table = try String(contentsOf: out.appendingPathComponent("timeseries.csv"), encoding: .utf8)
        let lines = table.components(separatedBy: "\r\n")
        #expect(lines.first == "replicate,seed,tick,firms,members,member_share,joins")
        #expect(lines.last == "")
        #expect(lines.count == 1 + 3 * 25 + 1)
        // Members never fall, joins add up, the share is members / firms.
        var previous = 0
        for line in lines.dropFirst().dropLast() {
            let f = line.split(separator: ",").map(String.init)
            let tick = Int(f[2])!, firms = Int(f[3])!, members = Int(f[4])!, joins = Int(f[6])!
            #expect(firms == 3000)
            if tick > 0 { #expect(members == previous + joins) } else { #expect(members == 12 && joins == 0) }
            #expect(Double(f[5])! == Double(members) / Double(firms))
            previous = members
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
        #expect(resources.count == 1)
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
            let result = try ToolProcess.run(["run", "-q", "--out", "t\(threads)", "--threads", threads] + small, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let one = try Data(contentsOf: folder.appendingPathComponent("t1/timeseries.csv"))
        let two = try Data(contentsOf: folder.appendingPathComponent("t2/timeseries.csv"))
        #expect(one == two)
        #expect(!one.isEmpty)
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
            let result = try ToolProcess.run(["run", scenario, "-q", "--out", "p\(threads)", "--threads", threads] + small, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("p1/timeseries.csv"))
            == Data(contentsOf: folder.appendingPathComponent("p2/timeseries.csv")))
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
}
