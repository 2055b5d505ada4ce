import AgentEngine

/// The options of `smesim sweep`.
public struct SweepOptions: Equatable, ScenarioOptions, OutputOptions {
    public var sweepFile: String?
    public var out: String?
    public var threads: Int?
    public var every: Int?
    public var force = false
    public var quiet = false
    public var retryFailed = false
    public var dryRun = false
    public var overrides: [ScenarioOverride] = []

    public static let everyLimit = 1...6_000

    static let syntax = CommandSyntax<SweepOptions>(
        name: "sweep",
        usage: "smesim sweep SWEEP.json [options]",
        summary: """
            Runs every point of a parameter sweep (grid, Latin hypercube, Sobol' with
            Saltelli's scheme, Morris, or points listed in a CSV file) times its
            replicates, in parallel, and writes into one folder (default Results/<name>):
              points.csv       one row per point: the value of every swept key
              runs.csv         one row per run: point, replicate, seed, run id, status
                               (ok / failed and why), wall time, outcomes
              timeseries.csv   one row per run and tick, the swept keys as columns
              manifest.json    the resolved sweep and base scenario, the tool version,
                               and every column described
            The sweep file format is in Simulations/README.md; examples are in
            Simulations/sweeps/.

            Nothing lost, nothing redone: each finished run is recorded as it ends, so an
            interrupted sweep (Ctrl-C, kill, a crash) is resumed by running the same
            command again; finished runs are kept and not redone, and the final files
            are byte-identical to an uninterrupted sweep's (runs.csv's wall_seconds and
            the manifest's times aside). On a finished sweep nothing runs. A run that
            fails (e.g. swept values that break a rule between keys) is recorded with its
            reason and the sweep goes on; the exit code is then 1.
            """,
        options: outputOptions(force: "replace the output folder when it holds another sweep's or\nrun's results (a folder of this same sweep is resumed)") + [
            CommandOption(["--every"], value: "K", "keep time-series rows at ticks that are multiples of K (and\neach run's last tick); overrides the file's \"every\"; outcomes\nare computed from every tick") { options, value throws(CLIError) in
                options.every = try wholeNumber("--every", value, in: everyLimit, of: "ticks")
            },
            CommandOption(["--retry-failed"], "run again the runs recorded as failed") { options, _ in options.retryFailed = true },
            CommandOption(["--dry-run", "-n"], "check the sweep file and print its design, points and runs;\nrun and write nothing") { options, _ in options.dryRun = true },
        ] + scenarioOptions.filter { $0.names == ["--set"] }.map { option in
            CommandOption(option.names, value: option.value, "set a key of the base scenario, after the file's \"set\"\n(repeatable), e.g. --set firms.count=2000", apply: option.apply)
        },
        positional: { options, file throws(CLIError) in
            if let first = options.sweepFile {
                throw .usage("more than one sweep file given (\(first), \(file)); run them one at a time")
            }
            options.sweepFile = file
        })

    public static func parse(_ arguments: [String]) throws(CLIError) -> SweepOptions {
        var options = SweepOptions()
        try syntax.parse(arguments, into: &options)
        guard options.sweepFile != nil else { throw .usage("sweep needs a sweep file: \(syntax.usage) (see Simulations/sweeps/)") }
        return options
    }
}
