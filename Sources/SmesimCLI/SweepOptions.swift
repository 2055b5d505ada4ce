import AgentEngine
import SMEModel

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
    public var allowBuildChange = false
    public var shard: ShardSpec?
    public var overrides: [ScenarioOverride] = []

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
            interrupted sweep (Ctrl-C, kill, a crash of the process) is resumed by running
            the same sweep again — the same plan and resolved base scenario, however they
            are spelled (the order of --set, 12 or 12.0, file names and descriptions do
            not matter) — by the same build of the tool (the same executable);
            finished runs are kept and not redone, and the CSV tables are byte-identical to
            an uninterrupted sweep's (runs.csv's wall_seconds aside; the manifest differs
            in its times, command, threads and, after --allow-build-change, builds). On a
            finished sweep nothing runs. A run that fails (e.g. swept values that break a
            rule between keys) is recorded with its reason and the sweep goes on; the exit
            code is then 1. Exit codes: 0 done, 1 some runs failed or the sweep stopped
            (I/O), 2 bad input or an output folder that cannot be used (nothing written),
            130 interrupted (run it again to resume).

            On a cluster, --shard I/N runs only shard I of N (the runs dealt by estimated
            cost, firms × ticks: costliest first, each onto the shard that costs least so
            far; equal costs round robin) into Results/<name>/shard-I-of-N, resumable
            like a whole sweep; 'smesim merge OUT SHARD_DIR...' joins the N folders into
            the folder the whole sweep writes (scripts/slurm/ holds job scripts).
            """,
        options: outputOptions(force: "replace the output folder when it holds another sweep's or\nrun's results of smesim, or this sweep run by another build\n(a folder of this same sweep is resumed); a folder smesim did\nnot write (no manifest.json or .sweep/sweep.json of smesim's)\nis never replaced") + [
            CommandOption(["--every"], value: "K", "keep time-series rows at ticks that are multiples of K (and\neach run's last tick); overrides the file's \"every\"; outcomes\nare computed from every tick") { options, value throws(CLIError) in
                options.every = try wholeNumber("--every", value, in: Scenario.tickStepLimit, of: "ticks")
            },
            CommandOption(["--retry-failed"], "run again the runs recorded as failed") { options, _ in options.retryFailed = true },
            CommandOption(["--allow-build-change"], "resume a sweep that another build of smesim (another\nexecutable) started: its runs and this build's are joined, and\nthe manifest lists every build") { options, _ in options.allowBuildChange = true },
            CommandOption(["--dry-run", "-n"], "check the sweep file and the output folder, and print the\ndesign, points and runs (with --shard, the shard's runs and\ncost); run and write nothing") { options, _ in options.dryRun = true },
            CommandOption(["--shard"], value: "I/N", "run only shard I of N (1 ≤ I ≤ N): a fixed slice of the runs,\nbalanced by cost (firms × ticks, costliest first onto the\nleast loaded shard; equal costs round robin), into its own\nfolder (default Results/<name>/shard-I-of-N), resumable;\njoin the N folders with 'smesim merge'") { options, value throws(CLIError) in
                guard let spec = ShardSpec(value) else { throw .usage("--shard \(value): expected \(ShardSpec.form)") }
                options.shard = spec
            },
        ] + scenarioOptions.filter { $0.names == ["--set"] }.map { option in
            CommandOption(option.names, value: option.value, "set a key of the base scenario, after the file's \"set\"\n(repeatable; later ones win), e.g. --set firms.count=2000;\n--set replicates=N and --set seed=S win over the file's own\n\"replicates\" and \"seed\"; a group given as an object is\nmerged into it, a map of named records or shares replaced", apply: option.apply)
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
