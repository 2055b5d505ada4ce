import AgentEngine
import Foundation
import Testing
@testable import SMEModel

@Suite struct ScenarioTests {
    func decode(_ text: String) throws -> Scenario {
        try Scenario.decode(try JSONParser.parse(text))
    }

    func problems(_ text: String) -> [String] {
        do {
            _ = try decode(text)
            return []
        } catch let error as InputErrors {
            return error.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func anEmptyObjectIsTheDefaultScenario() throws {
        #expect(try decode("{}") == Scenario.default)
    }

    @Test func theResolvedScenarioReadsBackEqual() throws {
        var scenario = Scenario.default
        scenario.adoption.mode = .peers
        scenario.adoption.peers.kind = .sectorLocality
        scenario.seed = UInt64.max
        #expect(try Scenario.decode(scenario.json) == scenario)
    }

    @Test func theShippedDefaultFileIsTheEmbeddedDefault() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Simulations/default.json"), encoding: .utf8)
        #expect(try decode(text) == Scenario.default)
        #expect(text == Scenario.default.json.formatted())
    }

    @Test(arguments: ["Simulations", "Simulations/policies"])
    func everyShippedScenarioIsValid(folder path: String) throws {
        let folder = repositoryRoot.appendingPathComponent(path)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(problems(text).isEmpty, "\(path)/\(file): \(problems(text))")
        }
    }

    @Test func valuesAreChecked() {
        let found = problems("""
            {"name": "bad name!", "horizon": -1, "replicates": 0, "seed": -5,
             "firms": {"count": 0, "sectors": {"a": 0.5, "b": 0.4}, "size": {"median_employees": 300}},
             "adoption": {"mode": "bas", "p": 0.8, "q": 0.5, "initial_members": 10,
                          "peers": {"network": "smallworld", "degree": 0, "rewire": 0.2}}}
            """)
        let expected = [
            "name:", "horizon: -1 is out of range", "replicates: 0 is out of range", "seed: expected an integer from 0",
            "firms.count: 0 is out of range", "firms.sectors: shares sum to 0.9", "firms.size.median_employees: 300 is out of range",
            "adoption.mode: \"bas\" is not allowed", "adoption.q: p + q = 1.3", "adoption.peers.network: \"smallworld\" is not allowed",
            "adoption.peers.degree: 0 is out of range", "adoption.peers.rewire: unknown key; did you mean \"rewiring\"?",
        ]
        for prefix in expected {
            #expect(found.contains { $0.hasPrefix(prefix) }, "missing \(prefix) in \(found)")
        }
        #expect(found.count == expected.count, "\(found)")
    }

    @Test func initialMembersCannotExceedFirms() {
        #expect(problems(#"{"firms": {"count": 10}, "adoption": {"initial_members": 11}}"#)
            == ["adoption.initial_members: 11 exceeds firms.count (10)"])
    }

    @Test func wrongTypesAreNamed() {
        #expect(problems(#"{"horizon": "120"}"#) == [#"horizon: expected an integer from 0 to 6000, found the string "120""#])
        #expect(problems(#"{"adoption": {"p": "NaN"}}"#) == [#"adoption.p: expected a number from 0 to 1, found the string "NaN""#])
        #expect(problems(#"{"firms": []}"#) == ["firms: expected an object ({ ... }), found an array"])
        #expect(problems(#"{"horizon": 1.5}"#) == ["horizon: expected an integer from 0 to 6000, found 1.5"])
    }
}
