import AgentEngine

/// The options of `smesim merge`.
public struct MergeOptions: Equatable {
    /// The merged sweep's folder.
    public var out: String?
    /// The shards' folders.
    public var shards: [String] = []
    public var force = false
    public var quiet = false
    public var allowBuildChange = false

    static let syntax = CommandSyntax<MergeOptions>(
        name: "merge",
        usage: "smesim merge OUT SHARD_DIR [SHARD_DIR ...] [options]",
        summary: """
            Joins the folders of a sweep's shards ('smesim sweep SWEEP.json --shard I/N',
            one per shard) into OUT, the folder the whole sweep would have written:
            points.csv, runs.csv and timeseries.csv byte-identical to an unsharded
            sweep's (runs.csv's wall_seconds aside), its manifest.json (which also lists
            the shards merged) and its state, so 'smesim sweep SWEEP.json --out OUT' then
            finds it complete. The runs' rows are appended from the shards' parts in run
            order (the shards are read, not changed; OUT needs the space of its tables).

            Checked before anything is written (exit code 2, naming what is wrong): every
            folder is a shard of the same sweep (the same plan and resolved base scenario),
            run by the same build (the same executable; --allow-build-change joins shards
            of several builds); each shard is complete; the shards hold every run of the
            sweep once (a missing or doubled shard names its runs). OUT must not exist, or
            be empty, or (with --force) hold earlier results of smesim; it is filled under
            a temporary name and renamed when complete, so a failed or interrupted merge
            writes nothing. Exit codes: 0 merged, 1 merged but some runs had failed (as the
            sweep would), or an I/O error (nothing written), 2 as above, 130 interrupted.
            """,
        options: [
            CommandOption(["--force", "-f"], "replace OUT when it holds earlier results of smesim (a run's\nor a sweep's); a folder smesim did not write is never replaced") { options, _ in options.force = true },
            CommandOption(["--allow-build-change"], "merge shards run by different builds of smesim (other\nexecutables); the manifest lists every build") { options, _ in options.allowBuildChange = true },
            CommandOption(["--quiet", "-q"], "no summary") { options, _ in options.quiet = true },
        ],
        positional: { options, argument throws(CLIError) in
            if options.out == nil { options.out = argument } else { options.shards.append(argument) }
        })

    public static func parse(_ arguments: [String]) throws(CLIError) -> MergeOptions {
        var options = MergeOptions()
        try syntax.parse(arguments, into: &options)
        guard let out = options.out, !options.shards.isEmpty else {
            throw .usage("merge needs the output folder and the shards' folders: \(syntax.usage)")
        }
        if out.isEmpty || options.shards.contains(where: \.isEmpty) {
            throw .usage("merge: an empty folder path was given: \(syntax.usage)")
        }
        return options
    }
}
