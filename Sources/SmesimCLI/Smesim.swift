import AgentEngine
import Foundation
import SMEModel

/// The `smesim` command line: parses the arguments, runs the command and
/// returns the exit code. Messages go to standard error, help and version to
/// standard output.
public enum Smesim {
    public static func main(_ arguments: [String]) -> Int32 {
        do {
            try dispatch(arguments)
            return 0
        } catch {
            printError("\(ToolInfo.name): error: \(error.message)")
            return error.exitCode
        }
    }

    static func dispatch(_ arguments: [String]) throws(CLIError) {
        guard let command = arguments.first else {
            print(Help.overview)
            return
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "--help", "-h":
            print(Help.overview)
        case "--version", "version":
            print("\(ToolInfo.name) \(ToolInfo.version)")
        case "help":
            switch rest.first {
            case nil: print(Help.overview)
            case "run": print(Help.run)
            case "validate": print(Help.validate)
            case "resolve": print(Help.resolve)
            case let other?: throw .usage("no help for '\(other)'; commands: run, validate, resolve")
            }
        case "run":
            if rest.contains("--help") || rest.contains("-h") { print(Help.run); return }
            try RunCommand(options: try RunOptions.parse(rest)).execute()
        case "validate":
            if rest.contains("--help") || rest.contains("-h") { print(Help.validate); return }
            try validate(rest)
        case "resolve":
            if rest.contains("--help") || rest.contains("-h") { print(Help.resolve); return }
            guard rest.count <= 1, !(rest.first ?? "").hasPrefix("-") else {
                throw .usage("resolve takes at most one scenario file: smesim resolve [SCENARIO.json]")
            }
            print(try ScenarioLoader.load(rest.first).scenario.json.formatted(), terminator: "")
        default:
            let hint = closestMatch(to: command, in: ["run", "validate", "resolve", "help"]).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("unknown command '\(command)'\(hint) (see 'smesim --help')")
        }
    }

    static func validate(_ arguments: [String]) throws(CLIError) {
        guard arguments.count == 1, let file = arguments.first, !file.hasPrefix("-") else {
            throw .usage("validate takes one scenario file: smesim validate SCENARIO.json")
        }
        let scenario = try ScenarioLoader.load(file).scenario
        print("\(file): valid scenario \"\(scenario.name)\": \(scenario.firms.count) firms, "
            + "\(scenario.horizon) ticks, \(scenario.replicates) replicates, adoption mode \(scenario.adoption.mode.rawValue)")
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
