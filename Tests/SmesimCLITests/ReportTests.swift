import AgentEngine
import Foundation
import Testing

/// `smesim report` run as a process on a small run, a small sweep and a
/// comparison folder made by hand: one self-contained page, the same bytes
/// each time; and folders that are not result folders refused with exit
/// code 2, naming the path, writing nothing.
@Suite struct ReportTests {
    let small = ["--firms", "600", "--ticks", "24", "--replicates", "2", "-q"]

    /// The page holds nothing that runs or is fetched, every link is an
    /// anchor in it, and each of `charted` sections has a chart with a
    /// title and a description.
    func expectSelfContained(_ html: String, charted: [String]) {
        let lower = html.lowercased()
        for banned in ["<script", "http", "src=", "url(", "@import", "<img", "<link", "<iframe", "<object"] {
            #expect(!lower.contains(banned), "the page contains \(banned)")
        }
        let hrefs = html.components(separatedBy: "href=").dropFirst()
        #expect(!hrefs.isEmpty)
        for href in hrefs { #expect(href.hasPrefix("\"#"), "a link outside the page: href=\(href.prefix(40))") }
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
        #expect(html.contains("@media print"))
        for id in charted {
            let section = html.components(separatedBy: "<section id=\"\(id)\">").dropFirst().first?.components(separatedBy: "</section>").first ?? ""
            #expect(section.contains("<svg"), "section \(id) has no chart")
        }
        let charts = html.components(separatedBy: "<svg").count - 1
        #expect(html.components(separatedBy: "<title id=").count - 1 == charts)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == charts)
    }

    /// Renders `folder` twice (to its default path and to `--out`) and
    /// checks the bytes are the same; returns the page.
    func render(_ folder: String, in work: URL) throws -> String {
        let first = try ToolProcess.run(["report", folder], in: work)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty && first.stdout.isEmpty)
        let second = try ToolProcess.run(["report", folder, "--out", "again.html"], in: work)
        #expect(second.status == 0, "\(second.stderr)")
        let page = try Data(contentsOf: work.appendingPathComponent("\(folder)/report.html"))
        #expect(page == (try Data(contentsOf: work.appendingPathComponent("again.html"))), "two renders differ")
        try FileManager.default.removeItem(at: work.appendingPathComponent("again.html"))
        return String(decoding: page, as: UTF8.self)
    }

    @Test func aRunsReport() throws {
        let work = try scratchFolder()
        let run = try ToolProcess.run(["run", "--out", "r", "--set", "policy.digital_voucher.budget=50000"] + small, in: work)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try render("r", in: work)
        expectSelfContained(html, charted: ["adoption", "dimensions", "survival", "alliances", "policy"])
        #expect(contents(of: work.appendingPathComponent("r")) == ["alliances.csv", "manifest.json", "report.html", "runs.csv", "timeseries.csv"])
        for text in ["default: run", "Adoption: share of living firms that are platform members", "band: lowest to highest replicate",
                     "Relationship dimension", "Sustainability dimension", "Exits per year", "share of the firms of month 0 still alive",
                     "Alliances formed over the run, by type", "sharing", "hybrid", "digital_voucher", "Levers without a budget",
                     "member share (fraction)", "<details><summary>The resolved scenario (JSON)</summary>"] {
            #expect(html.contains(text), "missing: \(text)")
        }
        #expect(!html.contains("No policy levers"))
    }

    @Test func aRunWithoutLeversSaysSo() throws {
        let work = try scratchFolder()
        #expect(try ToolProcess.run(["run", "--out", "r"] + small, in: work).status == 0)
        let html = try render("r", in: work)
        #expect(html.contains("No policy levers in this run"))
        expectSelfContained(html, charted: ["adoption", "dimensions", "survival", "alliances"])
    }

    @Test func aSweepsReport() throws {
        let work = try scratchFolder()
        try #"{"set": {"firms.count": 600, "horizon": 12}, "replicates": 2, "parameters": {"platform.commission": {"values": [0.05, 0.2]}, "platform.services.shared_logistics": {"values": [true, false]}}}"#
            .write(to: work.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
        let sweep = try ToolProcess.run(["sweep", "s.json", "-q", "--out", "s"], in: work)
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let html = try render("s", in: work)
        expectSelfContained(html, charted: ["adoption", "sweep"])
        for text in ["s: parameter sweep", "4 points × 2 replicates = 8 runs", "member_share_final by platform.commission",
                     "member_share_final by platform.services.shared_logistics", "band: lowest to highest run", ">true<", ">false<",
                     "The sweep (as run, JSON)"] {
            #expect(html.contains(text), "missing: \(text)")
        }
    }

    @Test func aComparisonsReport() throws {
        let work = try scratchFolder()
        try makeComparison(in: work)
        let html = try render("c", in: work)
        expectSelfContained(html, charted: ["comparison", "adoption", "dimensions", "survival", "alliances", "policy"])
        for text in ["commission-policy: comparison of scenarios", "Settings that differ between the scenarios", "platform.commission",
                     "[0.01, 0.03]", "[−10, 20]", "EUR per unit of members", "Cost-effectiveness", "reference",
                     "baseline: members", "cheap: non-members", "Scenario cheap, resolved (JSON)"] {
            #expect(html.contains(text), "missing: \(text)")
        }
        // The 2024 difference of firms_alive at an earlier tick is not the last; the table holds only the last.
        #expect(!html.contains("2,024"))
    }

    /// The folder `smesim compare` writes, with a policy lever.
    @Test func aReportOfSmesimCompare() throws {
        let work = try scratchFolder()
        try #"{"name": "reference"}"#.write(to: work.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try #"{"name": "voucher", "policy": {"digital_voucher": {"budget": 100000}}}"#
            .write(to: work.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        let compare = try ToolProcess.run(["compare", "a.json", "b.json", "--out", "c"] + small, in: work)
        #expect(compare.status == 0, "\(compare.stderr)")
        let html = try render("c", in: work)
        expectSelfContained(html, charted: ["comparison", "adoption", "dimensions", "survival", "alliances", "policy"])
        for text in ["comparison of scenarios", "the reference scenario, reference", "member share (fraction)", "digital_voucher",
                     "EUR per unit of", "Every outcome at the last month"] {
            #expect(html.contains(text), "missing: \(text)")
        }
    }

    /// A comparison folder as `smesim compare` writes it: two run folders
    /// under scenarios/, comparison.csv, cost_effectiveness.csv and a
    /// manifest naming the scenarios.
    func makeComparison(in work: URL) throws {
        for (name, commission) in [("baseline", "0.12"), ("cheap", "0.08")] {
            let run = try ToolProcess.run(["run", "--out", "c/scenarios/\(name)", "--set", "name=\(name)", "--set", "platform.commission=\(commission)"]
                                          + small, in: work)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let folder = work.appendingPathComponent("c")
        try #"""
            {"name": "commission-policy", "created": "2026-01-02T03:04:05Z",
             "run": {"tool": "smesim", "version": "0.1.0", "git_revision": null, "command": ["smesim", "compare", "a.json", "b.json"],
                     "scenarios": {"baseline": "scenarios/baseline", "cheap": "scenarios/cheap"}},
             "resources": []}
            """#.write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        try ["outcome,tick,scenario,replicates,mean,difference,paired_low,paired_high,unpaired_low,unpaired_high",
             "member_share,24,baseline,2,0.05,,,,,", "member_share,24,cheap,2,0.07,0.02,0.01,0.03,0.005,0.035",
             "firms_alive,12,cheap,2,580,2024,1,3,0,4",
             "firms_alive,24,baseline,2,560,,,,,", "firms_alive,24,cheap,2,565,5,-3,13,-10,20", ""].joined(separator: "\r\n")
            .write(to: folder.appendingPathComponent("comparison.csv"), atomically: true, encoding: .utf8)
        try ["scenario,public_spending,public_spending_low,public_spending_high,measure,unit,effect,effect_low,effect_high,eur_per_unit,eur_per_unit_low,eur_per_unit_high",
             "cheap,120000,100000,140000,members,firms,20,10,30,6000,4000,12000", "cheap,120000,100000,140000,exits_avoided,firms,-2,-5,1,,,", ""]
            .joined(separator: "\r\n").write(to: folder.appendingPathComponent("cost_effectiveness.csv"), atomically: true, encoding: .utf8)
    }

    @Test func helpTellsTheCommand() throws {
        let work = try scratchFolder()
        for arguments in [["report", "--help"], ["help", "report"]] {
            let help = try ToolProcess.run(arguments, in: work)
            #expect(help.status == 0 && help.stdout.contains("smesim report DIR [--out FILE]") && help.stdout.contains("--out FILE"))
        }
        let overview = try ToolProcess.run(["--help"], in: work)
        #expect(overview.stdout.contains("smesim report DIR"))
        let none = try ToolProcess.run(["report"], in: work)
        #expect(none.status == 2 && none.stderr.contains("report needs a result folder"))
        #expect(contents(of: work).isEmpty)
    }
}

/// Folders a report cannot be made from: exit code 2, a message naming
/// the path and what is wrong, and nothing written anywhere.
@Suite struct ReportBadFolderTests {
    struct Case: CustomStringConvertible, Sendable {
        let label: String
        /// Spoils the copy of a good run folder at the path given.
        let spoil: @Sendable (URL) throws -> Void
        let expected: [String]
        var description: String { label }
    }

    static func write(_ text: String, _ file: String) -> @Sendable (URL) throws -> Void {
        { try text.write(to: $0.appendingPathComponent(file), atomically: true, encoding: .utf8) }
    }

    static func replace(_ file: String, _ edit: @escaping @Sendable (String) -> String) -> @Sendable (URL) throws -> Void {
        { folder in
            let url = folder.appendingPathComponent(file)
            try edit(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }
    }

    static let cases: [Case] = [
        Case(label: "no manifest", spoil: { try FileManager.default.removeItem(at: $0.appendingPathComponent("manifest.json")) },
             expected: ["bad: not a result folder of smesim (it has no manifest.json"]),
        Case(label: "manifest not JSON", spoil: write("{\"name\": ", "manifest.json"), expected: ["bad/manifest.json: invalid JSON at line 1"]),
        Case(label: "another tool's manifest", spoil: write(#"{"name": "my data"}"#, "manifest.json"), expected: ["bad/manifest.json: not written by smesim"]),
        Case(label: "unknown kind", spoil: replace("manifest.json") { $0.replacingOccurrences(of: #"["smesim", "run""#, with: #"["smesim", "merge""#) },
             expected: ["bad/manifest.json: written by 'smesim merge', a kind of folder report does not know"]),
        Case(label: "no time series", spoil: { try FileManager.default.removeItem(at: $0.appendingPathComponent("timeseries.csv")) },
             expected: ["bad/timeseries.csv: missing; the folder of a run holds timeseries.csv"]),
        Case(label: "empty time series", spoil: write("", "timeseries.csv"), expected: ["bad/timeseries.csv: is empty"]),
        Case(label: "header only", spoil: write("replicate,seed,tick,member_share\r\n", "timeseries.csv"), expected: ["bad/timeseries.csv: has a header but no rows"]),
        Case(label: "no tick column", spoil: write("replicate,member_share\r\n0,0.5\r\n", "timeseries.csv"), expected: ["bad/timeseries.csv: no column tick"]),
        Case(label: "open quote", spoil: write("replicate,seed,tick,member_share\r\n0,1,0,\"0.5\r\n", "timeseries.csv"),
             expected: ["bad/timeseries.csv: line 2: a quoted field is not closed"]),
        Case(label: "short row", spoil: write("replicate,seed,tick,member_share\r\n0,1,0\r\n", "timeseries.csv"),
             expected: ["bad/timeseries.csv: line 2: 3 fields, but the header has 4"]),
        Case(label: "text for a number", spoil: write("replicate,seed,tick,member_share\r\n0,1,0,lots\r\n", "timeseries.csv"),
             expected: ["bad/timeseries.csv: line 2, column member_share: \"lots\" is not a number"]),
        Case(label: "negative tick", spoil: write("replicate,seed,tick,member_share\r\n0,1,-3,0.5\r\n", "timeseries.csv"),
             expected: ["bad/timeseries.csv: line 2: tick \"-3\" is not a whole number"]),
        Case(label: "binary time series", spoil: { try Data([0x00, 0xFF, 0x22, 0x0A, 0x22]).write(to: $0.appendingPathComponent("timeseries.csv")) },
             expected: ["bad/timeseries.csv: line 1: a quote inside an unquoted field"]),
    ]

    @Test(arguments: cases)
    func badFolders(_ bad: Case) throws {
        let work = try scratchFolder()
        let run = try ToolProcess.run(["run", "--out", "bad", "--firms", "200", "--ticks", "3", "--replicates", "1", "-q"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        try bad.spoil(work.appendingPathComponent("bad"))
        let before = contents(of: work.appendingPathComponent("bad"))
        let result = try ToolProcess.run(["report", "bad"], in: work)
        #expect(result.status == 2, "\(result.stderr)")
        for text in bad.expected { #expect(result.stderr.contains(text), "\(result.stderr)") }
        #expect(!result.stderr.contains("Fatal error"))
        #expect(contents(of: work.appendingPathComponent("bad")) == before, "nothing may be written")
        #expect(contents(of: work) == ["bad"])
    }

    @Test func notAFolderOrNoPlaceToWrite() throws {
        let work = try scratchFolder()
        let missing = try ToolProcess.run(["report", "nothere"], in: work)
        #expect(missing.status == 2 && missing.stderr.contains("nothere: no such folder"))
        try "x".write(to: work.appendingPathComponent("afile"), atomically: true, encoding: .utf8)
        let file = try ToolProcess.run(["report", "afile"], in: work)
        #expect(file.status == 2 && file.stderr.contains("afile: is a file"))
        #expect(try ToolProcess.run(["run", "--out", "r", "--firms", "200", "--ticks", "3", "--replicates", "1", "-q"], in: work).status == 0)
        let noFolder = try ToolProcess.run(["report", "r", "--out", "no/such/page.html"], in: work)
        #expect(noFolder.status == 2 && noFolder.stderr.contains("--out no/such/page.html: the folder no/such does not exist"))
        let twice = try ToolProcess.run(["report", "r", "r"], in: work)
        #expect(twice.status == 2 && twice.stderr.contains("more than one folder"))
        #expect(contents(of: work) == ["afile", "r"])
        #expect(!contents(of: work.appendingPathComponent("r")).contains("report.html"))
    }

    /// A comparison whose manifest names a scenario folder that is not there.
    @Test func aComparisonWithAMissingScenario() throws {
        let work = try scratchFolder()
        let folder = work.appendingPathComponent("c")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try #"{"name": "c", "run": {"tool": "smesim", "command": ["smesim", "compare"], "scenarios": {"a": "scenarios/a"}}}"#
            .write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        try "outcome,tick,scenario,replicates,mean,difference,paired_low,paired_high,unpaired_low,unpaired_high\r\n"
            .write(to: folder.appendingPathComponent("comparison.csv"), atomically: true, encoding: .utf8)
        let result = try ToolProcess.run(["report", "c"], in: work)
        #expect(result.status == 2 && result.stderr.contains("c/scenarios/a: no such folder"), "\(result.stderr)")
        #expect(contents(of: folder) == ["comparison.csv", "manifest.json"])
        // A comparison that names itself as a scenario is refused, not followed round.
        try #"{"name": "c", "run": {"tool": "smesim", "command": ["smesim", "compare"], "scenarios": {"a": "."}}}"#
            .write(to: folder.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let itself = try ToolProcess.run(["report", "c"], in: work)
        #expect(itself.status == 2 && itself.stderr.contains("scenario a of the comparison is a comparison of scenarios folder, not a run's"), "\(itself.stderr)")
        #expect(contents(of: folder) == ["comparison.csv", "manifest.json"])
    }
}
