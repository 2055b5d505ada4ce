import AgentEngine
import Foundation
import Testing
@testable import SMEModel

/// The scenario schema: every key declared once, read and written the same
/// way, naming the property it sets, and documented from the declaration.
@Suite struct ScenarioSchemaTests {
    let schema = Scenario.schema

    /// A value for every key, distinct from every other key's value of the
    /// same kind and within its domain; booleans are coded by `round` (key
    /// i is true in round r when bit r of i + 1 is set), so over a few rounds
    /// every boolean key has a pattern of its own.
    func distinctDocument(round: Int) -> JSONValue {
        var document = JSONValue.object(JSONObject())
        var integers = 0, booleans = 0
        for (k, parameter) in schema.parameters.enumerated() {
            let value: JSONValue
            switch parameter.domain {
            case .integer:
                value = .int(3 + 2 * integers)
                integers += 1
            case .number(let range):
                value = .double(range.lowerBound + (range.upperBound - range.lowerBound) * (0.01 + 0.001 * Double(k)))
            case .unsigned64: value = .int(1_000 + k)
            case .boolean:
                value = .bool((booleans + 1) >> round & 1 == 1)
                booleans += 1
            case .choice(let names):
                let current = schema.defaultText(parameter).replacingOccurrences(of: "`", with: "").replacingOccurrences(of: "\"", with: "")
                value = .string(names[((names.firstIndex(of: current) ?? 0) + 1) % names.count])
            case .text: value = .string("text-\(k)")
            case .shares: value = .object(["a\(k)": .double(0.25), "b\(k)": .double(0.75)])
            case .records:
                // Each field of each record at its own place in its range.
                var first: JSONObject = ["share": .double(0.25)], second: JSONObject = ["share": .double(0.75)]
                for (n, field) in Sector.fields.enumerated() {
                    let span = field.range.upperBound - field.range.lowerBound
                    first[field.name] = .double(field.range.lowerBound + span * (0.1 + 0.01 * Double(n)))
                    second[field.name] = .double(field.range.lowerBound + span * (0.2 + 0.01 * Double(n)))
                }
                value = .object(["a\(k)": .object(first), "b\(k)": .object(second)])
            }
            document = document.setting(parameter.keys, to: value)!
        }
        // The rules between keys, kept with values still distinct.
        func set(_ path: String, _ value: JSONValue) { document = document.setting(path.split(separator: ".").map(String.init), to: value)! }
        func number(_ path: String) -> Double {
            var value = document
            for key in path.split(separator: ".") {
                guard case .object(let object) = value, let next = object[String(key)] else { return .nan }
                value = next
            }
            guard case .number(let n) = value else { return .nan }
            return n.doubleValue ?? .nan
        }
        // Eligible sub-sectors: distinct lists of the document's own sub-sectors.
        guard case .object(let groups) = document, case .object(let firms)? = groups["firms"],
              case .object(let sectors)? = firms["sectors"] else { return document }
        let names = sectors.entries.map(\.key)
        let lists = [names[0], names[1], "\(names[0]),\(names[1])", "\(names[1]),\(names[0])", "\(names[0]), \(names[1])"]
        for (n, parameter) in schema.parameters.filter({ $0.path.hasSuffix(".eligible.sectors") }).enumerated() {
            set(parameter.path, .string(lists[n % lists.count]))
        }
        set("firms.size.max_employees", .int(200))
        set("adoption.initial_members", .int(1))
        set("economy", .bool(true))
        for (k, block) in BuildingBlock.allCases.enumerated() {
            set("firms.strategy.\(block.key)", .double([0.1, 0.11, 0.12, 0.13, 0.14, 0.19, 0.21][k]))
        }
        for (low, high) in [("platform.logistics.floor", "platform.logistics.start"),
                            ("market.online.initial_consumers_per_firm", "market.online.consumers_per_firm")] {
            let a = number(low), b = number(high)
            if a > b { set(low, .double(b)); set(high, .double(a)) }
        }
        return document
    }

    @Test(arguments: 0..<4)
    func everyKeyRoundTripsWithDistinctValues(round: Int) throws {
        let document = distinctDocument(round: round)
        let scenario = try Scenario.decode(document)
        // Every key reads back as written: nothing lost, nothing moved.
        #expect(scenario.json == document)
        #expect(try Scenario.decode(scenario.json) == scenario)
        #expect(scenario != Scenario.default)
    }

    /// Changing one key changes that key alone: no two keys share a
    /// property (a key that wrote another key's property would show its
    /// value under both).
    @Test func eachKeySetsOnlyItsOwnProperty() throws {
        var base = Scenario.default
        base.adoption.mode = .bass  // so economy may be switched off
        let baseDocument = base.json
        for parameter in schema.parameters {
            let current = parameter.encode(base)
            let changed: JSONValue
            switch (parameter.domain, current) {
            case (.integer(let range), .number(let n)):
                let v = Int(n.text)!
                changed = .int(v < range.upperBound ? v + 1 : v - 1)
            case (.number(let range), .number(let n)):
                let v = n.doubleValue!
                var nudged = v == 0 ? range.lowerBound + (range.upperBound - range.lowerBound) * 0.0005 : v * 1.001
                if nudged > range.upperBound { nudged = v * 0.999 }
                changed = .double(nudged)
            case (.unsigned64, _): changed = .int(base.seed + 1)
            case (.boolean, .bool(let b)): changed = .bool(!b)
            case (.choice(let names), .string(let name)): changed = .string(names[(names.firstIndex(of: name)! + 1) % names.count])
            case (.text, _): changed = .string(parameter.path.hasSuffix(".eligible.sectors") ? "dairy" : "other")
            case (.shares, _): changed = .object(["one": .double(1)])
            case (.records, _):
                var record = Sector(name: "one", share: 1)
                record.online = 2
                changed = Key.records("x", \.firms.sectors, entries: 1...64, fields: Sector.fields, "", .setting()).encode(
                    { var s = Scenario(); s.firms.sectors = [record]; return s }())
            default:
                Issue.record("\(parameter.path): unexpected \(current)")
                continue
            }
            let document = baseDocument.setting(parameter.keys, to: changed)!
            let decoded = try Scenario.decode(document)
            #expect(decoded.json == document, "\(parameter.path)")
            #expect(decoded != base, "\(parameter.path) changed nothing")
        }
    }

    /// Each key's last words name the property it sets (two keys whose
    /// properties were swapped would fail here, though they would read back
    /// as written). Keys whose property is named otherwise are listed.
    @Test func everyKeyNamesThePropertyItSets() {
        let renamed: [String: String] = [
            "adoption.peers.network": "\\Scenario.adoption.peers.kind",
            "alliances.trust.initial": "\\Scenario.alliances.initialTrust",
            "alliances.trust.gain": "\\Scenario.alliances.trustGain",
            "market.online.consumers_per_firm": "\\Scenario.market.consumersPerFirm",
            "market.online.spend_per_consumer": "\\Scenario.market.spendPerConsumer",
            "market.online.initial_consumers_per_firm": "\\Scenario.market.initialConsumersPerFirm",
            "market.online.consumer_growth": "\\Scenario.market.consumerGrowth",
            "market.online.catalogue_half_share": "\\Scenario.market.catalogueHalfShare",
            "market.online.order_value": "\\Scenario.market.orderValue",
            "policy.group_voucher.cap_per_alliance": "capPerFirm",
        ]
        func normal(_ text: String) -> String { text.lowercased().filter { $0.isLetter } }
        let lastWords = Dictionary(grouping: schema.parameters, by: { $0.keys.last! })
        for parameter in schema.parameters {
            if let expected = renamed[parameter.path] {
                #expect(parameter.field.hasSuffix(expected), "\(parameter.path) sets \(parameter.field)")
                continue
            }
            let keys = parameter.keys
            if parameter.field.hasPrefix("\\Scenario.policy.<computed") {
                // An instrument's field, through the subscript by type (which
                // instrument each key reaches is checked by the round trips).
                #expect(normal(parameter.field).hasSuffix(normal(keys.last!)), "\(parameter.path) sets \(parameter.field)")
                continue
            }
            if parameter.field.contains("<computed") {
                // A vector's element: the vector is named by the key's group,
                // the element by its position in the key's enumeration.
                let group = keys.dropLast().last!
                let names = group == "strategy" ? BuildingBlock.allCases.map(\.key) : Attribute.allCases.map(\.key)
                let property = group == "strategy" ? "strategy" : "trend" + group.prefix(1).uppercased() + group.dropFirst()
                #expect(parameter.field.contains(".\(property).<computed"), "\(parameter.path) sets \(parameter.field)")
                let decoded = try? Scenario.decode(Scenario.default.json.setting(keys, to: .double(0.123))!)
                let vector = group == "strategy" ? decoded?.firms.economy.strategy
                    : group == "initial" ? decoded?.market.trendInitial : decoded?.market.trendTarget
                if group != "strategy" { #expect(vector?[names.firstIndex(of: keys.last!)!] == 0.123, "\(parameter.path)") }
                continue
            }
            let field = normal(parameter.field)
            #expect(field.hasSuffix(normal(keys.last!)), "\(parameter.path) sets \(parameter.field)")
            if lastWords[keys.last!]!.count > 1 && keys.count > 1 {
                #expect(field.contains(normal(keys[keys.count - 2])), "\(parameter.path) sets \(parameter.field)")
            }
        }
    }

    /// The key tables of Simulations/README.md and of the model
    /// documentation are generated from the schema (`smesim help keys
    /// --markdown`; scripts/update-docs.sh writes them).
    @Test(arguments: ["Simulations/README.md", "Sources/SMEModel/SMEModel.docc/SMEModel.md"])
    func theCommittedKeyTablesAreTheGeneratedOnes(file: String) throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(file), encoding: .utf8)
        let begin = "<!-- generated: smesim help keys --markdown -->\n", end = "<!-- end of generated table -->"
        let start = try #require(text.range(of: begin), "\(file) has no generated key table")
        let stop = try #require(text.range(of: end, range: start.upperBound..<text.endIndex))
        let committed = String(text[start.upperBound..<stop.lowerBound])
        #expect(committed == schema.markdownTable(), "\(file): run scripts/update-docs.sh")
    }

    @Test func rulesReportOnceAtTheirFirstKey() throws {
        func problems(_ text: String) -> [String] {
            do { _ = try Scenario.decode(try JSONParser.parse(text)); return [] } catch let error as InputErrors {
                return error.problems.map(\.description)
            } catch { return ["\(error)"] }
        }
        #expect(problems(#"{"platform": {"logistics": {"floor": 10}}}"#)
            == ["platform.logistics.floor: 10 exceeds start (9); costs fall with volume"])
        // A key that is itself wrong is reported once, not again by its rule.
        #expect(problems(#"{"platform": {"logistics": {"floor": "x"}}}"#).count == 1)
        #expect(problems(#"{"economy": false}"#).first?.hasPrefix("economy: behavioural adoption needs the economy") == true)
        let strategy = problems(#"{"firms": {"strategy": {"customers": 0.5}}}"#)
        #expect(strategy.count == 1 && strategy[0].hasPrefix("firms.strategy: strategy weights sum to 1.27"), "\(strategy)")
    }

    @Test func initialMembersDefaultToAtMostTheFirms() throws {
        #expect(try Scenario.decode(try JSONParser.parse(#"{"firms": {"count": 5}}"#)).adoption.initialMembers == 5)
        #expect(try Scenario.decode(try JSONParser.parse(#"{"firms": {"count": 50}}"#)).adoption.initialMembers == 12)
    }

    @Test func settingAKeyOrAGroupAndRefusingUnknownPaths() throws {
        let document = try schema.setting("platform.services", to: try JSONParser.parse(#"{"training": false}"#), in: .object(JSONObject()))
        let scenario = try Scenario.decode(document)
        #expect(!scenario.platform.services.training && scenario.platform.services.analytics)
        #expect(throws: ValueProblem.self) { try schema.setting("platform.comission", to: .int(1), in: .object(JSONObject())) }
        #expect(schema.unknownPathMessage("platform.comission").contains("did you mean platform.commission?"))
    }
}
