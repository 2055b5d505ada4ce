import AgentEngine
import SMEModel

/// A value given on the command line for a scenario key: `--set KEY=VALUE`,
/// or one of the shorthands (`--firms N` is `--set firms.count=N`).
public struct ScenarioOverride: Equatable, Sendable {
    /// As the user wrote it, for messages ("--set platform.commission=2").
    public let given: String
    public let path: String
    public let value: JSONValue

    /// Reads `KEY=VALUE` (the text of a `--set`): the key must be a key or
    /// a group of keys of the schema, the value is JSON (`0.1`, `false`,
    /// `{"wine": 1}`), or else taken as a string (`--set adoption.mode=bass`).
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
        return ScenarioOverride(given: given, path: path, value: jsonOrText(text))
    }

    /// The text as JSON when it is JSON, else as a string.
    static func jsonOrText(_ text: String) -> JSONValue {
        (try? JSONParser.parse(Array(text.utf8))) ?? .string(text)
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
                          "set any scenario key (repeatable; later ones win), e.g.\n--set platform.commission=0.1 --set platform.services.analytics=false\n--set 'firms.sectors={\"wine\": 1}'; checked like the file\n('smesim help keys' lists every key)") { options, text throws(CLIError) in
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
