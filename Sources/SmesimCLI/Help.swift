import SMEModel

/// The text of `smesim --help` and `smesim help COMMAND`.
enum Help {
    static let overview = """
        \(ToolInfo.name) \(ToolInfo.version): agent-based simulation of small food & beverage firms
        adopting a regional digital platform (ITsGOOD, Piedmont). Writes CSV time series.

        USAGE
          smesim run [SCENARIO.json] [options]   run a scenario (the embedded default if no file)
          smesim validate SCENARIO.json          check a scenario file without running it
          smesim resolve [SCENARIO.json]         print the scenario with every default filled in
          smesim help [run | validate | resolve] show help for a command
          smesim --version                       print the version

        Scenario files are JSON; see Simulations/README.md. Exit codes: 0 success,
        1 the run failed, 2 bad command line or bad input (nothing is written).
        Run 'smesim help run' for the options of run.
        """

    static var run: String {
        let limits = ScenarioLimits.self
        return """
            USAGE
              smesim run [SCENARIO.json] [options]

            Runs every replicate of the scenario (the embedded default scenario when no
            file is given) and writes, into one folder:
              timeseries.csv   one row per (replicate, tick); tick 0 is the initial state
              alliances.csv    one row per alliance event (formed, phase change, fall-back,
                               failure, planned end) and per finished reintegration
              firms.csv        with --panel-every: a panel of individual firms
              manifest.json    the resolved scenario, seed, tool version, git revision,
                               threads, start and end time, and every column described
            The folder is filled under a temporary name and renamed when complete.

            OPTIONS
              --out DIR         output folder (default: Results/<scenario name>)
              --force, -f       replace the output folder if it holds earlier results
                                (a manifest.json) or is empty; never another folder
              --replicates N    replicates, \(limits.replicates.lowerBound) to \(limits.replicates.upperBound) (overrides "replicates")
              --seed S          master seed, 0 to 2^64-1 (overrides "seed")
              --ticks N         months to simulate, \(limits.horizon.lowerBound) to \(limits.horizon.upperBound) (overrides "horizon")
              --firms N         firms, \(limits.firms.lowerBound) to \(limits.firms.upperBound) (overrides "firms.count")
              --threads N       worker threads, 1 to 1024 (default: all cores); the output
                                does not depend on it
              --panel-every K   also write firms.csv: every K ticks (1 to 6000), the state of
                                a sample of firms (id, member, the four dimensions, revenue
                                by channel, profit, cash, alive)
              --panel-sample N  firms in the panel, 1 to 1000000 (default 1000); the same
                                firm ids, drawn from the master seed, in every replicate
              --quiet, -q       no progress line and no summary
              --help            show this help

            The same scenario and seed give byte-identical timeseries.csv for any
            --threads. Replicates run in parallel; a single run is parallel inside each tick.
            """
    }

    static let validate = """
        USAGE
          smesim validate SCENARIO.json

        Reads the scenario file as 'run' would and reports every problem (unknown keys,
        wrong types, values out of range) with the key path and the allowed values,
        without running anything. Exit code 0 when the file is valid, 2 otherwise.
        """

    static let resolve = """
        USAGE
          smesim resolve [SCENARIO.json]

        Prints the scenario as JSON with every value it leaves out filled in from the
        defaults (the embedded default scenario when no file is given): a complete
        template to copy and edit, and exactly what 'run' records in manifest.json.
        """
}
