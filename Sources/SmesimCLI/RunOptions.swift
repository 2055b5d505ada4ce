import AgentEngine
import Foundation
import SMEModel

/// The options of `smesim run`.
public struct RunOptions: Equatable {
    public var scenarioFile: String?
    public var out: String?
    public var threads: Int?
    public var panelEvery: Int?
    public var panelSample: Int?
    public var force = false
    public var quiet = false
    public var overrides: [ScenarioOverride] = []

    public static let threadLimit = 1...1_024
    public static let panelEveryLimit = 1...6_000
    public static let panelSampleLimit = 1...1_000_000
    public static let defaultPanelSample = 1_000

    /// Options taking a value: name, scenario path it overrides (if any).
    static let valueOptions: [(name: String, path: [String]?)] = [
        ("--out", nil), ("--threads", nil), ("--panel-every", nil), ("--panel-sample", nil),
        ("--replicates", ["replicates"]), ("--seed", ["seed"]),
        ("--ticks", ["horizon"]), ("--firms", ["firms", "count"]),
    ]
    static let flags = ["--force", "--quiet", "--help"]

    public static func parse(_ arguments: [String]) throws(CLIError) -> RunOptions {
        var options = RunOptions()
        var index = 0
        while index < arguments.count {
            var argument = arguments[index]
            index += 1
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                inlineValue = String(argument[argument.index(after: equals)...])
                argument = String(argument[..<equals])
            }
            if argument == "-q" { argument = "--quiet" }
            if argument == "-f" { argument = "--force" }
            if argument.hasPrefix("-") && argument != "-" {
                if let flag = flags.first(where: { $0 == argument }) {
                    if inlineValue != nil { throw .usage("\(flag) takes no value") }
                    switch flag {
                    case "--force": options.force = true
                    case "--quiet": options.quiet = true
                    default: break
                    }
                    continue
                }
                guard let option = valueOptions.first(where: { $0.name == argument }) else {
                    let known = valueOptions.map(\.name) + flags
                    let hint = closestMatch(to: argument, in: known).map { "; did you mean \($0)?" } ?? ""
                    throw .usage("unknown option \(argument)\(hint) (see 'smesim help run')")
                }
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else { throw .usage("\(argument) needs a value (see 'smesim help run')") }
                    value = arguments[index]
                    index += 1
                }
                try options.apply(option.name, value, path: option.path)
                continue
            }
            guard options.scenarioFile == nil else {
                throw .usage("more than one scenario file given (\(options.scenarioFile!), \(argument)); run them one at a time")
            }
            options.scenarioFile = argument
        }
        if options.panelSample != nil && options.panelEvery == nil {
            throw .usage("--panel-sample needs --panel-every K (the panel is written every K ticks)")
        }
        return options
    }

    /// The panel to write, if asked for.
    public var panel: PanelOptions? {
        panelEvery.map { PanelOptions(every: $0, sample: panelSample ?? Self.defaultPanelSample) }
    }

    private mutating func apply(_ option: String, _ value: String, path: [String]?) throws(CLIError) {
        switch option {
        case "--out":
            guard !value.isEmpty else { throw .usage("--out needs a folder path") }
            out = value
        case "--threads":
            guard let threads = Int(value), Self.threadLimit.contains(threads) else {
                throw .usage("--threads \(value): expected a whole number from \(Self.threadLimit.lowerBound) to \(Self.threadLimit.upperBound)")
            }
            self.threads = threads
        case "--panel-every":
            guard let every = Int(value), Self.panelEveryLimit.contains(every) else {
                throw .usage("--panel-every \(value): expected a whole number of ticks from \(Self.panelEveryLimit.lowerBound) to \(Self.panelEveryLimit.upperBound)")
            }
            panelEvery = every
        case "--panel-sample":
            guard let sample = Int(value), Self.panelSampleLimit.contains(sample) else {
                throw .usage("--panel-sample \(value): expected a whole number of firms from \(Self.panelSampleLimit.lowerBound) to \(Self.panelSampleLimit.upperBound)")
            }
            panelSample = sample
        default:
            guard let path else { return }
            let digits = value.allSatisfy(\.isASCII) && !value.isEmpty && value.allSatisfy(\.isNumber)
            guard digits, UInt64(value) != nil else {
                throw .usage("\(option) \(value): expected a whole number")
            }
            overrides.removeAll { $0.option == option }
            overrides.append(ScenarioOverride(option: option, text: value, path: path, value: .number(JSONNumber(text: value))))
        }
    }
}
