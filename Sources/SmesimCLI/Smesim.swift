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

    static let commands = ["run", "sweep", "merge", "analyze", "compare", "report", "validate", "resolve", "help"]

    static func dispatch(_ arguments: [String]) throws(CLIError) {
        guard let command = arguments.first else {
            print(Help.overview)
            return
        }
        let rest = Array(arguments.dropFirst())
        let wantsHelp = rest.contains("--help") || rest.contains("-h")
        switch command {
        case "--help", "-h":
            print(Help.overview)
        case "--version", "version":
            print("\(ToolInfo.name) \(ToolInfo.version)")
        case "help":
            try help(rest)
        case "run":
            if wantsHelp { print(RunOptions.syntax.help); return }
            try RunCommand(options: try RunOptions.parse(rest)).execute()
        case "sweep":
            if wantsHelp { print(SweepOptions.syntax.help); return }
            try SweepCommand(options: try SweepOptions.parse(rest)).execute()
        case "merge":
            if wantsHelp { print(MergeOptions.syntax.help); return }
            try MergeCommand(options: try MergeOptions.parse(rest)).execute()
        case "analyze":
            if wantsHelp { print(AnalyzeOptions.syntax.help); return }
            try AnalyzeCommand(options: try AnalyzeOptions.parse(rest)).execute()
        case "compare":
            if wantsHelp { print(CompareOptions.syntax.help); return }
            try CompareCommand(options: try CompareOptions.parse(rest)).execute()
        case "report":
            if wantsHelp { print(ReportOptions.syntax.help); return }
            try ReportCommand(options: try ReportOptions.parse(rest)).execute()
        case "validate":
            if wantsHelp { print(ScenarioCommands.validate.help); return }
            try ScenarioCommands.runValidate(rest)
        case "resolve":
            if wantsHelp { print(ScenarioCommands.resolve.help); return }
            try ScenarioCommands.runResolve(rest)
        default:
            let hint = closestMatch(to: command, in: commands).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("unknown command '\(command)'\(hint) (see 'smesim --help')")
        }
    }

    static func help(_ arguments: [String]) throws(CLIError) {
        switch arguments.first {
        case nil: print(Help.overview)
        case "run": print(RunOptions.syntax.help)
        case "sweep": print(SweepOptions.syntax.help)
        case "merge": print(MergeOptions.syntax.help)
        case "analyze": print(AnalyzeOptions.syntax.help)
        case "compare": print(CompareOptions.syntax.help)
        case "report": print(ReportOptions.syntax.help)
        case "validate": print(ScenarioCommands.validate.help)
        case "resolve": print(ScenarioCommands.resolve.help)
        case "keys": print(try Help.keys(Array(arguments.dropFirst())), terminator: "")
        case let other?: throw .usage("no help for '\(other)'; topics: run, sweep, merge, analyze, compare, report, validate, resolve, keys")
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
