import AgentEngine
import SMEModel

/// The text of `smesim --help` and `smesim help …`; each command's own help
/// is generated from its declared options (`CommandSyntax.help`).
enum Help {
    static let overview = """
        \(ToolInfo.name) \(ToolInfo.version): agent-based simulation of small food & beverage firms
        adopting a regional digital platform (ITsGOOD, Piedmont). Writes CSV time series.

        USAGE
          smesim run [SCENARIO.json] [options]   run a scenario (the embedded default if no file)
          smesim sweep SWEEP.json [options]      run a parameter sweep (grid, Latin hypercube,
                                                 Sobol', Morris or listed points); resumable;
                                                 --shard I/N runs one slice (for a cluster)
          smesim merge OUT SHARD_DIR ...         join a sweep's shard folders into OUT, the
                                                 folder the whole sweep would have written
          smesim analyze SWEEP_DIR [options]     sensitivity indices of a finished sweep: Sobol'
                                                 S1/ST/S2, Morris mu/mu_star/sigma, grid means
                                                 by level, Latin hypercube rank correlations
          smesim compare REF.json OTHER.json ... [options]
                                                 compare scenarios (files or run folders) with
                                                 the first, replicate by replicate (common
                                                 random numbers): differences with paired 95 %
                                                 intervals, public spending per unit of effect
          smesim report DIR [--out FILE]         one self-contained HTML page (charts, no script)
                                                 about a run, sweep or comparison folder
          smesim validate SCENARIO.json          check a scenario file without running it
          smesim resolve [SCENARIO.json]         print the scenario with every default filled in
          smesim help keys [PREFIX]              every scenario key: default, allowed values,
                                                 unit, meaning, evidence
          smesim help [run | sweep | merge | analyze | compare | report | validate | resolve]
                                                 the options of a command
          smesim --version                       print the version

        Scenario and sweep files are JSON; see Simulations/README.md. Any scenario key can
        be set on the command line: --set KEY=VALUE.

        EXIT CODES
          0    success
          1    a failure while running: an I/O error (disk full, a file that cannot be
               written), or, in a sweep, some runs failed (kept as failed)
          2    found before anything runs, nothing written: a bad command line, bad input,
               or an output folder that cannot be used (another tool's folder, a sweep
               started by another build, a folder that cannot be created or locked)
          130  interrupted (Ctrl-C, SIGTERM, SIGHUP): a run writes nothing; a sweep keeps its
               finished runs (run it again to resume)
        """

    /// `smesim help keys [PREFIX] [--markdown]`.
    static func keys(_ arguments: [String]) throws(CLIError) -> String {
        var markdown = false
        var prefix: String?
        for argument in arguments {
            if argument == "--markdown" { markdown = true; continue }
            guard prefix == nil, !argument.hasPrefix("-") else {
                throw .usage("help keys takes an optional key prefix and --markdown: smesim help keys [PREFIX] [--markdown]")
            }
            prefix = argument
        }
        let schema = Scenario.schema
        if markdown {
            guard prefix == nil else { throw .usage("help keys --markdown prints the whole table; leave out the prefix") }
            return schema.markdownTable()
        }
        if let prefix, schema.parameter(prefix) == nil, !schema.isGroup(prefix) {
            // A path cut short ("plat") is offered the groups and keys it starts.
            let started = schema.allPaths.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains(".") }
            if !started.isEmpty && started.count <= 12 {
                throw .usage("help keys \(prefix): unknown key \(prefix); did you mean \(started.joined(separator: ", "))?")
            }
            throw .usage("help keys \(prefix): \(schema.unknownPathMessage(prefix))")
        }
        return schema.listing(under: prefix)
    }
}
