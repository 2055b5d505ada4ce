import AgentEngine
import SMEModel

/// The options of `smesim validate` and `smesim resolve`: a scenario file
/// and overrides.
struct ScenarioCommandOptions: ScenarioOptions {
    var file: String?
    var overrides: [ScenarioOverride] = []

    static func syntax(_ name: String, usage: String, summary: String) -> CommandSyntax<ScenarioCommandOptions> {
        CommandSyntax(name: name, usage: usage, summary: summary, options: scenarioOptions) { options, file throws(CLIError) in
            guard options.file == nil else { throw .usage("\(name) takes one scenario file: \(usage)") }
            options.file = file
        }
    }
}

/// `smesim validate` and `smesim resolve`.
enum ScenarioCommands {
    static let validate = ScenarioCommandOptions.syntax(
        "validate", usage: "smesim validate SCENARIO.json [--set KEY=VALUE ...]",
        summary: """
            Reads the scenario file as 'run' would, with the same overrides, and reports
            every problem (unknown keys, wrong types, values out of range, broken rules
            between keys) with the key path and the allowed values, without running
            anything. Exit code 0 when the scenario is valid, 2 otherwise.
            """)

    static let resolve = ScenarioCommandOptions.syntax(
        "resolve", usage: "smesim resolve [SCENARIO.json] [--set KEY=VALUE ...]",
        summary: """
            Prints the scenario as JSON with every value it leaves out filled in from the
            defaults (the embedded default scenario when no file is given) and the
            overrides applied: a complete template to copy and edit, and exactly what
            'run' records in manifest.json.
            """)

    static func runValidate(_ arguments: [String]) throws(CLIError) {
        var options = ScenarioCommandOptions()
        try validate.parse(arguments, into: &options)
        guard let file = options.file else { throw .usage("validate takes one scenario file: \(validate.usage)") }
        let scenario = try ScenarioLoader.load(file, overrides: options.overrides).scenario
        print("\(file): valid scenario \"\(scenario.name)\": \(scenario.firms.count) firms, "
            + "\(scenario.horizon) ticks, \(scenario.replicates) replicates, adoption mode \(scenario.adoption.mode.rawValue)")
    }

    static func runResolve(_ arguments: [String]) throws(CLIError) {
        var options = ScenarioCommandOptions()
        try resolve.parse(arguments, into: &options)
        print(try ScenarioLoader.load(options.file, overrides: options.overrides).scenario.json.formatted(), terminator: "")
    }
}
