import AgentEngine
import Foundation
import SMEModel
import Testing

/// Bad scenario files and bad command lines: exit code 2, a message naming
/// the file (or option), the key and the allowed values, and no output.
@Suite struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        let label: String
        let file: String
        let expected: [String]
        var description: String { label }
    }

    static let cases: [Case] = [
        Case(label: "syntax error", file: "{\n  \"horizon\": 12,\n}", expected: ["bad.json: invalid JSON at line 3, column 1", "trailing comma"]),
        Case(label: "unknown key", file: #"{"horizn": 12}"#, expected: ["bad.json: horizn: unknown key; did you mean \"horizon\"?"]),
        Case(label: "nested unknown key", file: #"{"adoption": {"qq": 0.1}}"#, expected: ["bad.json: adoption.qq: unknown key; did you mean \"q\"?"]),
        Case(label: "wrong type", file: #"{"replicates": "four"}"#, expected: ["bad.json: replicates: expected an integer from 1 to 100000, found the string \"four\""]),
        Case(label: "out of range", file: #"{"adoption": {"p": 1.5}}"#, expected: ["bad.json: adoption.p: 1.5 is out of range; allowed: 0 to 1"]),
        Case(label: "negative count", file: #"{"firms": {"count": -10}}"#, expected: ["bad.json: firms.count: -10 is out of range; allowed: 1 to 10000000"]),
        Case(label: "NaN as a string", file: #"{"adoption": {"q": "NaN"}}"#, expected: ["bad.json: adoption.q: expected a number from 0 to 1, found the string \"NaN\""]),
        Case(label: "bare NaN", file: #"{"adoption": {"q": NaN}}"#, expected: ["bad.json: invalid JSON", "NaN and Infinity are not JSON numbers"]),
        Case(label: "empty file", file: "", expected: ["bad.json: invalid JSON at line 1, column 1: the document is empty"]),
        Case(label: "not an object", file: "[1, 2]", expected: ["bad.json: the document must be a JSON object"]),
        Case(label: "bad mode", file: #"{"adoption": {"mode": "Bass"}}"#, expected: ["adoption.mode: \"Bass\" is not allowed; allowed: \"behavioural\", \"bass\" or \"peers\"; did you mean \"bass\"?"]),
        Case(label: "huge integer", file: #"{"firms": {"count": 99999999999999999999999}}"#, expected: ["firms.count: expected an integer from 1 to 10000000"]),
        Case(label: "several problems", file: #"{"horizon": -1, "seed": 1.5}"#, expected: ["2 problems", "horizon: -1 is out of range", "seed: expected an integer"]),
        Case(label: "an empty key", file: #"{"": 1}"#, expected: [#"bad.json: "": unknown key: the name is empty; allowed here: name"#]),
        Case(label: "a whole number in a rule", file: #"{"firms": {"size": {"median_employees": 50, "max_employees": 10}}}"#,
             expected: ["firms.size.median_employees: 50 exceeds max_employees (10)"]),
        Case(label: "names alike once neutralised", file: #"{"firms": {"localities": {"=X": 0.5, "'=X": 0.5}}}"#,
             expected: [#"firms.localities: "=X" and "'=X" would be written alike in CSV ('=X); rename one"#]),
        Case(label: "a C1 control in a name", file: #"{"firms": {"localities": {"a\u0085b": 1}}}"#,
             expected: [#"firms.localities: "a\u{85}b": names must have 1 to 64 characters and no control characters"#]),
        Case(label: "a bidirectional override in a name", file: #"{"firms": {"sectors": {"dairy\u202Eyriad": 1}}}"#,
             expected: [#"firms.sectors: "dairy\u{202e}yriad": names must have"#]),
        Case(label: "a flood of unknown keys", file: "{" + (0..<5_000).map { "\"k\($0)\": 1" }.joined(separator: ",") + "}",
             expected: ["5000 problems:", "… and 4950 more problems"]),
    ]

    @Test(arguments: cases)
    func badScenarioFiles(_ bad: Case) throws {
        let folder = try scratchFolder()
        try bad.file.write(to: folder.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        for command in [["run", "bad.json", "--out", "out"], ["validate", "bad.json"]] {
            let result = try ToolProcess.run(command, in: folder)
            #expect(result.status == 2, "\(command): \(result.stderr)")
            for text in bad.expected { #expect(result.stderr.contains(text), "\(command): \(result.stderr)") }
            #expect(!result.stderr.contains("Fatal error"))
            #expect(contents(of: folder) == ["bad.json"], "nothing may be written")
        }
    }

    @Test func notAFile() throws {
        let folder = try scratchFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("adir"), withIntermediateDirectories: true)
        let directory = try ToolProcess.run(["run", "adir"], in: folder)
        #expect(directory.status == 2 && directory.stderr.contains("adir: is a folder, not a file"))
        let missing = try ToolProcess.run(["run", "nothere.json"], in: folder)
        #expect(missing.status == 2 && missing.stderr.contains("nothere.json: no such file"))
        try Data([0xFF, 0xFE, 0x00, 0x7B]).write(to: folder.appendingPathComponent("binary.json"))
        let binary = try ToolProcess.run(["run", "binary.json"], in: folder)
        #expect(binary.status == 2 && binary.stderr.contains("binary.json: is not UTF-8 text"))
        #expect(contents(of: folder) == ["adir", "binary.json"])
    }

    /// A pipe as the scenario file is refused before it is opened (opening
    /// it would wait for a writer forever); a dangling link as `--out` is
    /// refused before the run.
    @Test func aPipeOrADanglingLink() throws {
        let folder = try scratchFolder()
        #expect(mkfifo(folder.appendingPathComponent("pipe").path, 0o600) == 0)
        let pipe = try ToolProcess.run(["validate", "pipe"], in: folder)
        #expect(pipe.status == 2 && pipe.stderr.contains("pipe: is not a regular file"), "\(pipe.stderr)")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("dangling").path, withDestinationPath: "/nonexistent/out")
        let link = try ToolProcess.run(["run", "--firms", "100", "--ticks", "1", "--out", "dangling"], in: folder)
        #expect(link.status == 2 && link.stderr.contains("--out dangling: is a symbolic link to /nonexistent/out, which does not exist"), "\(link.stderr)")
        #expect(contents(of: folder) == ["dangling", "pipe"])
    }

    @Test func anUnwritableOutputFolder() throws {
        let folder = try scratchFolder()
        try "x".write(to: folder.appendingPathComponent("afile"), atomically: true, encoding: .utf8)
        try #"{"set": {"firms.count": 100, "horizon": 2}, "parameters": {"adoption.p": {"values": [0.01]}}}"#
            .write(to: folder.appendingPathComponent("s.json"), atomically: true, encoding: .utf8)
        for out in ["afile/sub", "afile", "/proc/smesim-cannot-write-here"] {
            let result = try ToolProcess.run(["run", "--out", out, "--firms", "100", "--ticks", "2"], in: folder)
            #expect(result.status == 2, "\(out): \(result.stderr)")
            #expect(result.stderr.contains("--out \(out):"), "\(result.stderr)")
            let sweep = try ToolProcess.run(["sweep", "s.json", "--out", out], in: folder)
            #expect(sweep.status == 2 && sweep.stderr.contains("--out "), "\(out): \(sweep.stderr)")
            for text in [result.stderr, sweep.stderr] {
                #expect(!text.contains("NSCocoaErrorDomain") && !text.contains("The operation could not be completed"), "\(text)")
            }
        }
        let sub = try ToolProcess.run(["sweep", "s.json", "--out", "afile/sub"], in: folder)
        #expect(sub.stderr.contains("Not a directory"), "\(sub.stderr)")
        #expect(contents(of: folder) == ["afile", "s.json"])
    }

    @Test(arguments: [
        (["run", "--threads", "0"], "--threads 0: expected a whole number from 1 to 1024"),
        (["run", "--threads", "many"], "--threads many: expected a whole number"),
        (["run", "--firms", "abc"], "--firms abc: firms.count: expected an integer from 1 to 10000000, found the string \"abc\""),
        (["run", "--firms", "0"], "--firms 0: firms.count: 0 is out of range; allowed: 1 to 10000000"),
        (["run", "--ticks", "99999999"], "--ticks 99999999: horizon: 99999999 is out of range; allowed: 0 to 6000"),
        (["run", "--seed", "-1"], "--seed -1: seed: expected an integer from 0 to 18446744073709551615, found the number -1"),
        (["run", "--seed", "18446744073709551616"], "--seed 18446744073709551616: seed: expected an integer from 0 to"),
        (["run", "--thread", "2"], "unknown option --thread; did you mean --threads?"),
        (["run", "--out"], "--out needs a value"),
        (["run", "a.json", "b.json"], "more than one scenario file"),
        (["runn"], "unknown command 'runn'; did you mean 'run'?"),
        (["help", "nothing"], "no help for 'nothing'"),
        (["validate"], "validate takes one scenario file"),
        (["run", "--quiet=yes"], "--quiet takes no value"),
        (["run", "--set", "platform.comission=0.1"], "--set platform.comission=0.1: unknown key platform.comission; did you mean platform.commission?"),
        (["run", "--set", "platform.commission"], "--set platform.commission: expected KEY=VALUE"),
        (["run", "--set", "platform.commission=2"], "--set platform.commission=2: platform.commission: 2 is out of range; allowed: 0 to 1"),
        (["run", "--set", "platform.services.analytics=1"], "platform.services.analytics: expected true or false, found the number 1"),
        (["run", "--set", "firms.sectors={\"wine\": 0.5}"], "firms.sectors: shares sum to 0.5; they must sum to 1"),
        (["run", "--set", "platform.logistics.floor=10"], "--set platform.logistics.floor=10: platform.logistics.floor: 10 exceeds start (9)"),
        (["run", "--set", "firms.size.max_employees=1"], "--set firms.size.max_employees=1: firms.size.median_employees: 3 exceeds max_employees (1)"),
        (["run", "--set", "platform.logistics.start=0"], "--set platform.logistics.start=0: platform.logistics.floor: 4 exceeds start (0)"),
        (["run", "--set", #"firms.sectors={"a": 1, "a": 0}"#], #"firms.sectors: invalid JSON (line 1, column 10: duplicate key "a")"#),
        (["run", "--set", "platform.services=[true"], "platform.services: invalid JSON"),
        (["run", "--set", #"firms.strategy={"value_proposition": 1}"#], "firms.strategy: strategy weights sum to 1.72; they must sum to 1"),
        (["run", "--out", "o", "--set", #"platform.services={"analyticz": false}"#], "unknown key platform.services.analyticz; did you mean platform.services.analytics?"),
        (["run", "--set", "adoption.mode=bas"], "adoption.mode: \"bas\" is not allowed; allowed: \"behavioural\", \"bass\" or \"peers\"; did you mean \"bass\"?"),
        (["validate", "--set", "horizon=-1"], "validate takes one scenario file"),
        (["resolve", "--set", "horizon=-1"], "--set horizon=-1: horizon: -1 is out of range"),
        (["help", "keys", "platform.comission"], "did you mean platform.commission?"),
        (["sweep"], "sweep needs a sweep file"),
        (["sweep", "none.json"], "none.json: no such file"),
        (["sweep", "a.json", "--every", "0"], "--every 0: expected a whole number of ticks from 1 to 6000"),
        (["compare", "a.json"], "compare needs a reference and at least one other scenario"),
        (["compare", "a.json", "b.json", "--every", "0"], "--every 0: expected a whole number of ticks from 1 to 6000"),
        (["compare", "a.json", "b.json"], "a.json: no such file"),
    ])
    func badCommandLines(arguments: [String], expected: String) throws {
        let folder = try scratchFolder()
        let result = try ToolProcess.run(arguments, in: folder)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(expected), "\(arguments): \(result.stderr)")
        #expect(contents(of: folder).isEmpty)
    }

    @Test func mutatedScenarioFilesNeverCrash() {
        // Random byte edits of a valid file: reading must end in a scenario
        // or in input errors, never in a trap (a trap would end this test
        // process and fail the suite).
        let original = Array(Scenario.default.json.formatted().utf8)
        let alphabet = Array("{}[],:\"-0123456789.eE truefalsenull\\u00".utf8)
        var generator = SplitMix64(seed: 2024)
        var valid = 0
        for _ in 0..<3_000 {
            var bytes = original
            for _ in 0..<(1 + generator.index(below: 4)) {
                let position = generator.index(below: bytes.count)
                switch generator.index(below: 3) {
                case 0: bytes[position] = alphabet[generator.index(below: alphabet.count)]
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet[generator.index(below: alphabet.count)], at: position)
                }
            }
            if let document = try? JSONParser.parse(bytes), (try? Scenario.decode(document)) != nil { valid += 1 }
        }
        #expect(valid > 0)
    }
}
