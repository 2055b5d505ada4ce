import Testing
@testable import AgentEngine

@Suite struct JSONParserTests {
    @Test func parsesAllValueKinds() throws {
        let value = try JSONParser.parse(#"{"a": [1, -2.5e3, true, false, null], "b": {"c": "x\"y\\z\u00e9\ud83d\ude00"}}"#)
        guard case .object(let root) = value, case .array(let a)? = root["a"], case .object(let b)? = root["b"] else {
            Issue.record("wrong structure: \(value)")
            return
        }
        #expect(root.keys == ["a", "b"])
        #expect(a == [.number(JSONNumber(text: "1")), .number(JSONNumber(text: "-2.5e3")), .bool(true), .bool(false), .null])
        #expect(b["c"] == .string("x\"y\\zé😀"))
    }

    @Test(arguments: [
        ("", "empty"),
        ("   \n ", "empty"),
        ("{\"a\": 1,}", "trailing comma"),
        ("[1, 2,]", "trailing comma"),
        ("{\"a\": 1, \"a\": 2}", "duplicate key \"a\""),
        ("{\"p\": NaN}", "NaN"),
        ("{\"p\": 01}", "leading zeros"),
        ("{\"p\": \"abc}", "unterminated"),
        ("{\"p\": 1e999}", "too large"),
        ("{p: 1}", "key in double quotes"),
        ("{\"p\": 1} x", "after the end"),
        ("{\"p\": tru}", "expected a value"),
        ("{\"a\" 1}", "expected ':'"),
        ("[1 2]", "expected ',' or ']'"),
    ])
    func rejectsInvalidDocuments(text: String, expected: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.message.contains(expected), "\(error) should mention \(expected)")
        }
    }

    @Test func reportsLineAndColumn() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": 1,\n  \"b\": ?\n}")
            Issue.record("should have failed")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 8)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
    }

    @Test func formattedOutputReadsBackEqual() throws {
        let value: JSONValue = .object([
            "name": .string("tab\there \"quoted\" \u{01}"),
            "n": .double(0.1), "big": .int(UInt64.max), "list": .array([.int(1), .double(2.5)]),
            "nested": .object(["empty": .array([]), "obj": .object([:]), "null": .null]),
        ])
        let text = value.formatted()
        #expect(try JSONParser.parse(text) == value)
        #expect(value.formatted() == text)
    }

    @Test func settingAPathCreatesObjects() {
        let base: JSONValue = .object(["firms": .object(["count": .int(5)])])
        let updated = base.setting(["firms", "count"], to: .int(9))
        #expect(updated == .object(["firms": .object(["count": .int(9)])]))
        #expect(base.setting(["adoption", "p"], to: .int(1)) == .object(["firms": .object(["count": .int(5)]), "adoption": .object(["p": .int(1)])]))
        #expect(base.setting(["firms", "count", "x"], to: .int(1)) == nil)
    }
}

@Suite struct ObjectReaderTests {
    func reader(_ text: String) throws -> (ObjectReader, InputDiagnostics) {
        let diagnostics = InputDiagnostics()
        return (ObjectReader(document: try JSONParser.parse(text), diagnostics: diagnostics), diagnostics)
    }

    @Test func readsValuesAndDefaults() throws {
        let (r, d) = try reader(#"{"n": 5, "x": 0.5, "flag": true, "mode": "bass", "big": 1e3}"#)
        #expect(r.integer("n", default: 0, in: 0...10) == 5)
        #expect(r.integer("missing", default: 7, in: 0...10) == 7)
        #expect(r.number("x", default: 0, in: 0...1) == 0.5)
        #expect(r.bool("flag", default: false))
        #expect(r.choice("mode", default: "peers", oneOf: ["bass", "peers"]) == "bass")
        #expect(r.integer("big", default: 0, in: 0...10_000) == 1_000)
        r.finish()
        #expect(d.problems.isEmpty)
    }

    @Test func unknownKeysGetASuggestion() throws {
        let (r, d) = try reader(#"{"replicats": 3}"#)
        _ = r.integer("replicates", default: 1, in: 1...10)
        r.finish()
        #expect(d.problems.count == 1)
        #expect(d.problems.first?.path == "replicats")
        #expect(d.problems.first?.message.contains("did you mean \"replicates\"") == true)
    }

    @Test func everyProblemIsCollected() throws {
        let (r, d) = try reader(#"{"n": -1, "x": "NaN", "mode": "bas", "flag": 1, "nested": {"k": 2, "zz": 1}}"#)
        _ = r.integer("n", default: 0, in: 0...10)
        _ = r.number("x", default: 0, in: 0...1)
        _ = r.choice("mode", default: "peers", oneOf: ["bass", "peers"])
        _ = r.bool("flag", default: false)
        let nested = r.object("nested")
        _ = nested.integer("k", default: 0, in: 0...1)
        nested.finish()
        r.finish()
        let messages = d.problems.map(\.description)
        #expect(messages.count == 6)
        #expect(messages.contains { $0.hasPrefix("n: -1 is out of range; allowed: 0 to 10") })
        #expect(messages.contains { $0.hasPrefix("x: expected a number from 0 to 1, found the string \"NaN\"") })
        #expect(messages.contains { $0.contains("mode: \"bas\" is not allowed") && $0.contains("did you mean \"bass\"") })
        #expect(messages.contains { $0.hasPrefix("flag: expected true or false") })
        #expect(messages.contains { $0.hasPrefix("nested.k: 2 is out of range") })
        #expect(messages.contains { $0.hasPrefix("nested.zz: unknown key") })
        #expect(throws: InputErrors.self) { try d.check() }
    }

    @Test func sharesMustSumToOne() throws {
        var problems: [String] = []
        func shares(_ text: String) -> [NamedShare]? {
            guard let value = try? JSONParser.parse(text) else { return nil }
            do {
                return try ValueCheck.shares(value, entries: 1...3, at: "s") { path, _ in problems.append(path) }
            } catch {
                if error != .reportedEntryByEntry { problems.append("s: \(error.message)") }
                return nil
            }
        }
        #expect(shares(#"{"a": 0.25, "b": 0.75}"#)?.map(\.share) == [0.25, 0.75])
        #expect(shares(#"{"a": 0.5, "b": 0.2}"#) == nil)
        #expect(shares(#"{"a": -0.1, "b": 1.1}"#) == nil)
        #expect(shares(#"{"a": 0.25, "b": 0.25, "c": 0.25, "d": 0.25}"#) == nil)
        #expect(problems == ["s: shares sum to 0.7; they must sum to 1", "s.a", "s.b", "s: has 4 entries; allowed: 1 to 3"])
    }

    @Test func aDocumentThatIsNotAnObjectIsReported() throws {
        let (_, d) = try reader("[1, 2]")
        #expect(d.problems.first?.message.contains("must be a JSON object") == true)
    }

    @Test func editDistanceAndSuggestions() {
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(closestMatch(to: "horizn", in: ["horizon", "seed"]) == "horizon")
        #expect(closestMatch(to: "completely_different", in: ["seed"]) == nil)
    }
}
