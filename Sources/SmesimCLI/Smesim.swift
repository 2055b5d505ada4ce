import AgentEngine
import Foundation
import SMEModel

/// The `smesim` command line: parses the arguments, runs the command and
/// returns the exit code. Messages go to standard error, help and version to
/// standard output.
public enum Smesim {
    public static func main(_ arguments: [String]) -> Int32 {
        // Past a file-size limit (`ulimit -f`) a write fails with EFBIG and is
        // reported like any write error, instead of the signal killing the
        // process silently.
        signal(SIGXFSZ, SIG_IGN)
        do {
            try dispatch(arguments)
            return 0
        } catch {
            printError("\(ToolInfo.name): error: \(error.message)")
            return error.exitCode
        }
    }

    /// A command: its name, its help, and what runs it on the arguments
    /// after its name.
    struct Command: Sendable {
        let name: String
        let help: @Sendable () -> String
        let run: @Sendable ([String]) throws(CLIError) -> Void
    }

    /// Every command but `help`, in the order help lists them: dispatch,
    /// `--help`, `smesim help COMMAND` and the suggestions all read it.
    static let table: [Command] = [
        Command(name: "run", help: { RunOptions.syntax.help }) { arguments throws(CLIError) in try RunCommand(options: try RunOptions.parse(arguments)).execute() },
        Command(name: "sweep", help: { SweepOptions.syntax.help }) { arguments throws(CLIError) in try SweepCommand(options: try SweepOptions.parse(arguments)).execute() },
        Command(name: "merge", help: { MergeOptions.syntax.help }) { arguments throws(CLIError) in try MergeCommand(options: try MergeOptions.parse(arguments)).execute() },
        Command(name: "analyze", help: { AnalyzeOptions.syntax.help }) { arguments throws(CLIError) in try AnalyzeCommand(options: try AnalyzeOptions.parse(arguments)).execute() },
        Command(name: "compare", help: { CompareOptions.syntax.help }) { arguments throws(CLIError) in try CompareCommand(options: try CompareOptions.parse(arguments)).execute() },
        Command(name: "report", help: { ReportOptions.syntax.help }) { arguments throws(CLIError) in try ReportCommand(options: try ReportOptions.parse(arguments)).execute() },
        Command(name: "validate", help: { ScenarioCommands.validate.help }) { arguments throws(CLIError) in try ScenarioCommands.runValidate(arguments) },
        Command(name: "resolve", help: { ScenarioCommands.resolve.help }) { arguments throws(CLIError) in try ScenarioCommands.runResolve(arguments) },
    ]

    static let commands = table.map(\.name) + ["help"]

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
            try help(rest)
        default:
            guard let entry = table.first(where: { $0.name == command }) else {
                let hint = closestMatch(to: command, in: commands).map { "; did you mean '\($0)'?" } ?? ""
                throw .usage("unknown command '\(command)'\(hint) (see 'smesim --help')")
            }
            if rest.contains("--help") || rest.contains("-h") { print(entry.help()); return }
            try entry.run(rest)
        }
    }

    static func help(_ arguments: [String]) throws(CLIError) {
        guard let topic = arguments.first else { print(Help.overview); return }
        if topic == "keys" { print(try Help.keys(Array(arguments.dropFirst())), terminator: ""); return }
        guard let entry = table.first(where: { $0.name == topic }) else {
            throw .usage("no help for '\(topic)'; topics: \((table.map(\.name) + ["keys"]).joined(separator: ", "))")
        }
        print(entry.help())
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
