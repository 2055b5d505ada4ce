/// The options of `smesim report`.
struct ReportOptions: Equatable {
    var folder: String?
    var out: String?

    static let syntax = CommandSyntax<ReportOptions>(
        name: "report",
        usage: "smesim report DIR [--out FILE]",
        summary: """
            Writes one self-contained HTML page about a result folder: that of a run, a
            sweep or a comparison (told from its manifest.json). For policy analysts: the
            adoption curve with a band over the replicates, the four dimensions of members
            and non-members, exits and survival, the alliance mix, public spending by
            policy lever, a sweep's outcomes against each swept key, a comparison's
            differences with their 95 % intervals and its cost-effectiveness; the scenario
            and the build it came from. Charts are inline SVG: no script, nothing fetched
            (no font, image, stylesheet or link outside the page), readable offline and
            printable. The same folder gives the same bytes (dates come from the
            manifest). Nothing in DIR is changed but the page, written under a temporary
            name and renamed into place. Exit code 2, nothing written, when DIR is not a
            result folder or one of its files cannot be read.
            """,
        options: [
            CommandOption(["--out"], value: "FILE", "where to write the page (default: DIR/report.html); its folder\nmust exist") { options, value throws(CLIError) in
                guard !value.isEmpty else { throw .usage("--out needs a file path") }
                options.out = value
            },
        ],
        positional: { options, folder throws(CLIError) in
            guard !folder.isEmpty else { throw .usage("report needs a result folder, not an empty path: smesim report DIR [--out FILE]") }
            if let first = options.folder {
                throw .usage("more than one folder given (\(first), \(folder)); report one folder at a time")
            }
            options.folder = folder
        })

    static func parse(_ arguments: [String]) throws(CLIError) -> ReportOptions {
        var options = ReportOptions()
        try syntax.parse(arguments, into: &options)
        guard options.folder != nil else { throw .usage("report needs a result folder: \(syntax.usage)") }
        return options
    }
}
