import AgentEngine
import Foundation

/// A command's options, each declared once with its names, its value, its
/// help and its effect: the parser and the OPTIONS section of the help
/// are both derived from the declarations, so they cannot disagree.
struct CommandOption<Options>: Sendable {
    /// "--out", then short forms ("-f").
    let names: [String]
    /// The value's name in the help ("DIR"); nil for a flag.
    let value: String?
    let help: String
    let apply: @Sendable (inout Options, String) throws(CLIError) -> Void

    init(_ names: [String], value: String? = nil, _ help: String, apply: @escaping @Sendable (inout Options, String) throws(CLIError) -> Void) {
        self.names = names
        self.value = value
        self.help = help
        self.apply = apply
    }
}

/// A command: its usage line, what it does, its options and what its
/// positional arguments mean.
struct CommandSyntax<Options>: Sendable {
    let name: String
    let usage: String
    let summary: String
    let options: [CommandOption<Options>]
    /// Takes one positional argument (a file), or throws when there is no
    /// room for it.
    let positional: @Sendable (inout Options, String) throws(CLIError) -> Void

    func parse(_ arguments: [String], into options: inout Options) throws(CLIError) {
        var index = 0
        while index < arguments.count {
            var argument = arguments[index]
            index += 1
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                inlineValue = String(argument[argument.index(after: equals)...])
                argument = String(argument[..<equals])
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                try positional(&options, argument)
                continue
            }
            guard let option = self.options.first(where: { $0.names.contains(argument) }) else {
                let known = self.options.flatMap(\.names).filter { $0.hasPrefix("--") } + ["--help"]
                let hint = closestMatch(to: argument, in: known).map { "; did you mean \($0)?" } ?? ""
                throw .usage("unknown option \(argument)\(hint) (see 'smesim help \(name)')")
            }
            guard option.value != nil else {
                if inlineValue != nil { throw .usage("\(option.names[0]) takes no value") }
                try option.apply(&options, "")
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else { throw .usage("\(option.names[0]) needs a value (see 'smesim help \(name)')") }
                value = arguments[index]
                index += 1
            }
            try option.apply(&options, value)
        }
    }

    /// USAGE, what the command does, and every option.
    var help: String {
        var lines = ["USAGE", "  \(usage)", ""]
        lines += summary.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines += ["", "OPTIONS"]
        let all = options.map { ($0.names.joined(separator: ", ") + ($0.value.map { " \($0)" } ?? ""), $0.help) }
            + [("--help", "show this help")]
        let width = all.map(\.0.count).max() ?? 0
        for (left, help) in all {
            let helpLines = help.split(separator: "\n").map(String.init)
            lines.append("  " + left.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + (helpLines.first ?? ""))
            for more in helpLines.dropFirst() {
                lines.append("  " + String(repeating: " ", count: width) + "  " + more)
            }
        }
        return lines.joined(separator: "\n")
    }
}

// MARK: - Values of options

/// A whole number in `range`, or a usage error naming the option.
func wholeNumber(_ option: String, _ value: String, in range: ClosedRange<Int>, of what: String = "") throws(CLIError) -> Int {
    guard let number = Int(value), range.contains(number) else {
        throw .usage("\(option) \(value): expected a whole number\(what.isEmpty ? "" : " of \(what)") from \(range.lowerBound) to \(range.upperBound)")
    }
    return number
}
