import AgentEngine
import SMEModel

/// A value given on the command line for a scenario key: `--set KEY=VALUE`,
/// or one of the shorthands (`--firms N` is `--set firms.count=N`).
public struct ScenarioOverride: Equatable, Sendable {
    /// As the user wrote it, for messages ("--set platform.commission=2").
    public let given: String
    public let path: String
    public let value: JSONValue

    /// Problems with the key it sets are told against it.
    var source: ScenarioLoader.Source {
        let given = given
        return ScenarioLoader.Source(path: path) { "\(given): \($0)" }
    }

    /// Reads `KEY=VALUE` (the text of a `--set`): the key must be a key or
    /// a group of keys of the schema, the value is read by `value(of:for:)`.
    /// The value itself is checked with the whole scenario.
    static func parse(assignment text: String, option: String = "--set") throws(CLIError) -> ScenarioOverride {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw .usage("\(option) \(text): expected KEY=VALUE, e.g. --set platform.commission=0.1 (see 'smesim help keys')")
        }
        let path = String(text[..<equals])
        return try make("\(option) \(text)", path: path, text: String(text[text.index(after: equals)...]))
    }

    static func make(_ given: String, path: String, text: String) throws(CLIError) -> ScenarioOverride {
        let schema = Scenario.schema
        guard schema.parameter(path) != nil || schema.isGroup(path) else {
            throw .usage("\(given): \(schema.unknownPathMessage(path)) (see 'smesim help keys')")
        }
        do {
            return ScenarioOverride(given: given, path: path, value: try value(of: text, for: path))
        } catch {
            throw .usage("\(given): \(path): \(error.message)")
        }
    }

    /// The value `text` gives the key or group at `path`: JSON (`0.1`,
    /// `false`, `{"wine": 1}`); for a key that takes free text or a choice,
    /// the text itself unless it is quoted (`name=2024`, `adoption.mode=bass`);
    /// for other keys, text that is not JSON is a string (reported as such
    /// when the scenario is checked). Text that starts like a JSON object,
    /// array or string must be valid JSON: its syntax error is reported, not
    /// hidden behind "found the string". With `digitsAreBooleans` (a CSV
    /// table's fields), 1 and 0 are true and false for a boolean key.
    static func value(of text: String, for path: String, digitsAreBooleans: Bool = false) throws(ValueProblem) -> JSONValue {
        if let first = text.first, "{[\"".contains(first) {
            do { return try JSONParser.parse(text) } catch { throw ValueProblem("invalid JSON (\(error))") }
        }
        switch Scenario.schema.parameter(path)?.domain {
        case .text?, .choice?:
            return .string(text)
        case .boolean? where digitsAreBooleans && (text == "0" || text == "1"):
            return .bool(text == "1")
        default:
            return (try? JSONParser.parse(text)) ?? .string(text)
        }
    }
}

/// Options of every command that reads a scenario.
protocol ScenarioOptions: SendableMetatype {
    var overrides: [ScenarioOverride] { get set }
}

extension ScenarioOptions {
    /// `--set` and the shorthands for the keys users change most.
    static var scenarioOptions: [CommandOption<Self>] {
        let shorthands: [(option: String, value: String, path: String, help: String)] = [
            ("--replicates", "N", "replicates", "replicates"),
            ("--seed", "S", "seed", "master seed"),
            ("--ticks", "N", "horizon", "months to simulate"),
            ("--firms", "N", "firms.count", "firms"),
        ]
        return [
            CommandOption(["--set"], value: "KEY=VALUE",
                          "set any scenario key (repeatable; later ones win), e.g.\n--set platform.commission=0.1 --set platform.services.analytics=false;\na group given as an object is merged into it (keys left out\nkeep their values): --set 'platform.services={\"training\": false}';\na map of named records or shares is replaced as a whole:\n--set 'firms.sectors={\"wine\": 1}'. Checked like the file\n('smesim help keys' lists every key)") { options, text throws(CLIError) in
                options.overrides.append(try ScenarioOverride.parse(assignment: text))
            },
        ] + shorthands.map { shorthand in
            let allowed = Scenario.schema.parameter(shorthand.path).map { " \($0.domain.allowed)" } ?? ""
            return CommandOption([shorthand.option], value: shorthand.value,
                                 "\(shorthand.help),\(allowed) (sets \"\(shorthand.path)\")") { options, text throws(CLIError) in
                options.overrides.append(try ScenarioOverride.make("\(shorthand.option) \(text)", path: shorthand.path, text: text))
            }
        }
    }
}
