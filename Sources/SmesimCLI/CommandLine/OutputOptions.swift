/// Options of every command that writes an output folder.
protocol OutputOptions: SendableMetatype {
    var out: String? { get set }
    var force: Bool { get set }
    var threads: Int? { get set }
    var quiet: Bool { get set }
}

/// Worker threads a user may ask for.
let threadLimit = 1...1_024

extension OutputOptions {
    /// `--out` (`defaultFolder` when not given), `--force` (whose meaning
    /// `force` says), `--threads`, `--quiet`.
    static func outputOptions(force: String, defaultFolder: String = "Results/<name>") -> [CommandOption<Self>] {
        [
            CommandOption(["--out"], value: "DIR", "output folder (default: \(defaultFolder))") { options, value throws(CLIError) in
                guard !value.isEmpty else { throw .usage("--out needs a folder path") }
                options.out = value
            },
            CommandOption(["--force", "-f"], force) { options, _ in options.force = true },
            CommandOption(["--threads"], value: "N", "worker threads, 1 to 1024 (default: all cores); the output\ndoes not depend on it") { options, value throws(CLIError) in
                options.threads = try wholeNumber("--threads", value, in: threadLimit)
            },
            CommandOption(["--quiet", "-q"], "no progress line and no summary") { options, _ in options.quiet = true },
        ]
    }
}
