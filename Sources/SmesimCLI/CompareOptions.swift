import AgentEngine
import SMEModel

/// The options of `smesim compare`.
public struct CompareOptions: Equatable, ScenarioOptions, OutputOptions {
    /// Scenario files or run folders, the reference first.
    public var scenarios: [String] = []
    public var out: String?
    public var threads: Int?
    public var every = 12
    public var force = false
    public var quiet = false
    public var overrides: [ScenarioOverride] = []

    static let syntax = CommandSyntax<CompareOptions>(
        name: "compare",
        usage: "smesim compare REFERENCE OTHER [OTHER ...] [options]",
        summary: """
            Compares scenarios with a reference, replicate by replicate. Each of REFERENCE
            and OTHER is a scenario file (run here) or the folder of an earlier 'smesim
            run' (its manifest.json and timeseries.csv are read); the first is the
            reference. Writes into one folder (default Results/compare-<names>):
              scenarios/<name>/  each scenario file's run folder, as 'smesim run' writes
              comparison.csv     for every outcome (numeric column of timeseries.csv),
                                 tick (multiples of --every, and the last) and scenario:
                                 replicates, mean, difference from the reference, its
                                 paired 95 % interval and, beside it, Welch's unpaired one
              cost_effectiveness.csv  per scenario and effect (extra adopters, surviving
                                 firms, cohort survival points, points of each dimension)
                                 at the last tick: public spending, effect, EUR per unit
              manifest.json      the resolved scenarios, the reference, replicates, seed,
                                 and every column described
            A short table of the differences at the last tick goes to stderr (none with
            --quiet).

            Common random numbers: every scenario runs with the reference's replicates and
            master seed (or --replicates / --seed), and --set applies to every scenario
            file. The model's random streams are keyed by (master seed, replicate,
            purpose, tick, firm), so firm i of replicate r draws the same numbers in every
            scenario for every mechanism the scenarios share (an alliance's own draws are
            keyed by its number in order of formation): differences come from the
            scenarios, not from noise, and the paired interval is narrower than the
            unpaired one whenever the scenarios' outcomes move together across
            replicates (the usual case). Scenarios must have distinct names and the same firms.count; a
            run folder must have the reference's seed, replicates and firms.count and
            match every --set (exit code 2 otherwise, nothing written). Scenarios with
            different horizons are compared on the ticks they share (up to the shortest).
            The folder is filled under a temporary name and renamed when complete (an
            interrupted comparison writes nothing); the tables are byte-identical for any
            --threads.
            """,
        options: scenarioOptions.map { option in
            guard option.names == ["--set"] else { return option }
            return CommandOption(option.names, value: option.value, "set a key of every scenario file (repeatable; later ones win),\ne.g. --set firms.count=2000; a run folder given must already\nhave that value. Checked like the file ('smesim help keys')", apply: option.apply)
        } + outputOptions(force: "replace the output folder if it holds earlier results of\nsmesim (a manifest.json smesim wrote, or a sweep's state) or\nis empty; a folder smesim did not write is never replaced",
                                 defaultFolder: "Results/compare-<names>") + [
            CommandOption(["--every"], value: "K", "compare at ticks that are multiples of K, 1 to \(Scenario.tickStepLimit.upperBound) (default\n12), and at the last tick") { options, value throws(CLIError) in
                options.every = try wholeNumber("--every", value, in: Scenario.tickStepLimit, of: "ticks")
            },
        ],
        positional: { options, argument throws(CLIError) in
            options.scenarios.append(argument)
        })

    public static func parse(_ arguments: [String]) throws(CLIError) -> CompareOptions {
        var options = CompareOptions()
        try syntax.parse(arguments, into: &options)
        guard options.scenarios.count >= 2 else {
            throw .usage("compare needs a reference and at least one other scenario (files or run folders): \(syntax.usage)")
        }
        return options
    }
}
