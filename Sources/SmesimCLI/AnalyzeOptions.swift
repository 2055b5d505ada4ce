import AgentEngine

/// The options of `smesim analyze`.
public struct AnalyzeOptions: Equatable {
    /// The sweep's output folder.
    public var folder: String?
    /// The table's path (default: sensitivity.csv in the folder).
    public var out: String?
    public var perReplicate = false
    public var resamples = 1_000
    public var quiet = false

    public static let resampleLimit = 0...100_000
    public static let file = "sensitivity.csv"

    static let syntax = CommandSyntax<AnalyzeOptions>(
        name: "analyze",
        usage: "smesim analyze SWEEP_DIR [options]",
        summary: """
            Sensitivity indices of every outcome of a finished sweep (the folder 'smesim
            sweep' wrote: manifest.json, points.csv, runs.csv), by its design:
              sobol    S1 (first order, Saltelli 2010), ST (total, Jansen) and, with
                       second_order, S2 of every pair, as SALib's sobol.analyze
              morris   mu, mu_star, sigma of the elementary effects, as SALib's
                       morris.analyze (in the outcome's unit per the key's whole range)
              grid     the outcome's mean at each value of each key (over the other
                       keys and the replicates), with its 95 % t interval
              latin_hypercube  Spearman's rank correlation of each key with the
                       outcome's mean over replicates, with a Fisher-z 95 % interval
            A sweep of listed points has no design to analyse and is refused.
            Sobol' and Morris indices are computed on the outcome's mean over replicates
            at each point (with --per-replicate: for each replicate, then averaged), with
            95 % bootstrap intervals over the design's blocks (base samples, trajectories):
            index ± 1.959964 × sd over the resamples (SALib's normal approximation), drawn
            from the sweep's seed, so the same folder gives the same bytes. They need every
            run: a sweep with failed runs is refused (naming them); an outcome missing in a
            run gets empty indices. Grid means and rank correlations leave failed runs out.
            Writes one tidy table, SWEEP_DIR/sensitivity.csv (or --out), header
              method,outcome,parameter,index,value,ci_low,ci_high
            under a temporary name renamed when complete (it replaces an earlier one), and
            prints the parameters ranked (by ST, mu_star, the spread of the grid means, or
            |spearman|) on stderr. Nothing is written when the folder cannot be analysed
            (exit code 2).
            """,
        options: [
            CommandOption(["--out"], value: "FILE", "write the table to FILE (default: SWEEP_DIR/sensitivity.csv); an\nexisting FILE is replaced only if it is a sensitivity table") { options, value throws(CLIError) in
                guard !value.isEmpty else { throw .usage("--out needs a file path") }
                options.out = value
            },
            CommandOption(["--per-replicate"], "Sobol' and Morris: indices for each replicate, then their mean\n(default: indices of the mean over replicates)") { options, _ in
                options.perReplicate = true
            },
            CommandOption(["--resamples"], value: "N", "bootstrap resamples for the intervals, 2 to 100000, or 0 for\nnone (default 1000)") { options, value throws(CLIError) in
                let count = try wholeNumber("--resamples", value, in: resampleLimit)
                guard count != 1 else { throw .usage("--resamples 1: an interval needs at least 2 resamples (or 0 for none)") }
                options.resamples = count
            },
            CommandOption(["--quiet", "-q"], "no ranked table on stderr") { options, _ in options.quiet = true },
        ],
        positional: { options, argument throws(CLIError) in
            guard options.folder == nil else { throw .usage("analyze takes one sweep folder; found \(options.folder ?? "") and \(argument)") }
            options.folder = argument
        })

    public static func parse(_ arguments: [String]) throws(CLIError) -> AnalyzeOptions {
        var options = AnalyzeOptions()
        try syntax.parse(arguments, into: &options)
        guard options.folder != nil else { throw .usage("analyze needs a sweep's folder: \(syntax.usage)") }
        return options
    }
}
