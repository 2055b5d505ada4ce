import AgentEngine
import Foundation
import SMEModel

/// The options of `smesim run`.
public struct RunOptions: Equatable, ScenarioOptions, OutputOptions {
    public var scenarioFile: String?
    public var out: String?
    public var threads: Int?
    public var panelEvery: Int?
    public var panelSample: Int?
    public var force = false
    public var quiet = false
    public var overrides: [ScenarioOverride] = []

    public static let panelSampleLimit = 1...1_000_000
    public static let defaultPanelSample = 1_000

    static let syntax = CommandSyntax<RunOptions>(
        name: "run",
        usage: "smesim run [SCENARIO.json] [options]",
        summary: """
            Runs every replicate of the scenario (the embedded default scenario when no
            file is given) and writes, into one folder:
              timeseries.csv   one row per (replicate, tick); tick 0 is the initial state
              runs.csv         one row per replicate: run id, status, wall time, outcomes
              alliances.csv    one row per alliance event (formed, phase change, fall-back,
                               failure, planned end) and per finished reintegration
              firms.csv        with --panel-every: a panel of individual firms
              manifest.json    the resolved scenario, seed, tool version, git revision,
                               threads, start and end time, and every column described
            The folder is filled under a temporary name and renamed when complete (an
            interrupted run writes nothing; what it left beside is deleted next time). The
            same scenario and seed give byte-identical CSV tables for any --threads
            (runs.csv's wall_seconds aside). Replicates run in parallel; a single run is
            parallel inside each tick.
            """,
        options: scenarioOptions + outputOptions(force: "replace the output folder if it holds earlier results of\nsmesim (a manifest.json smesim wrote, or a sweep's state) or\nis empty; a folder smesim did not write is never replaced") + [
            CommandOption(["--panel-every"], value: "K",
                          "also write firms.csv: every K ticks (1 to \(Scenario.tickStepLimit.upperBound)), the state of\na sample of firms (id, member, the four dimensions, revenue\nby channel, profit, cash, alive)") { options, value throws(CLIError) in
                options.panelEvery = try wholeNumber("--panel-every", value, in: Scenario.tickStepLimit, of: "ticks")
            },
            CommandOption(["--panel-sample"], value: "N",
                          "firms in the panel, 1 to 1000000 (default 1000); the same\nfirm ids, drawn from the master seed, in every replicate") { options, value throws(CLIError) in
                options.panelSample = try wholeNumber("--panel-sample", value, in: panelSampleLimit, of: "firms")
            },
        ],
        positional: { options, file throws(CLIError) in
            if let first = options.scenarioFile {
                throw .usage("more than one scenario file given (\(first), \(file)); run them one at a time, or sweep them with 'smesim sweep'")
            }
            options.scenarioFile = file
        })

    public static func parse(_ arguments: [String]) throws(CLIError) -> RunOptions {
        var options = RunOptions()
        try syntax.parse(arguments, into: &options)
        if options.panelSample != nil && options.panelEvery == nil {
            throw .usage("--panel-sample needs --panel-every K (the panel is written every K ticks)")
        }
        return options
    }

    /// The panel to write, if asked for.
    public var panel: PanelOptions? {
        panelEvery.map { PanelOptions(every: $0, sample: panelSample ?? Self.defaultPanelSample) }
    }
}
