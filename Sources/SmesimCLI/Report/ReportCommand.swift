import AgentEngine
import Foundation

/// `smesim report DIR`: reads the result folder — checking every file it
/// needs before writing anything — builds the page and writes it under a
/// temporary name in the target's folder, renamed into place when
/// complete.
struct ReportCommand {
    let options: ReportOptions

    func execute() throws(CLIError) {
        let path = options.folder ?? "."
        let folder = try ResultFolder.open(path)
        let target = options.out ?? folder.file("report.html")
        try checkTarget(target)
        let html = try Self.page(folder).html
        try write(html, to: target)
    }

    /// The report of `folder`.
    static func page(_ folder: ResultFolder) throws(CLIError) -> ReportPage {
        let data = try ReportData.read(folder)
        var sections = [HeaderSection.scenario(data)]
        switch folder.kind {
        case .run:
            sections += [AdoptionSection.make(data), DimensionSection.make(data), SurvivalSection.make(data),
                         AllianceSection.make(data), PolicySection.make(data, costs: nil)]
        case .sweep:
            sections += [AdoptionSection.make(data), SweepSection.make(try SweepRuns.read(folder), data)]
        case .comparison:
            let costs = folder.has("cost_effectiveness.csv") ? try ComparisonTables.costs(folder.file("cost_effectiveness.csv")) : nil
            sections += [ComparisonSection.make(try ComparisonTables.outcomes(folder.file("comparison.csv")), data),
                         AdoptionSection.make(data), DimensionSection.make(data), SurvivalSection.make(data),
                         AllianceSection.make(data), PolicySection.make(data, costs: costs)]
        }
        let manifest = folder.manifest
        return ReportPage(
            title: "\(manifest.name): \(folder.kind.title) — smesim report", header: HeaderSection.header(data), sections: sections,
            footer: HTML.escape("Written by \(ToolInfo.name) \(ToolInfo.version) ('smesim report') from the folder's manifest.json and tables; the results come from \(manifest.build). Self-contained: no script, nothing fetched."))
    }

    /// The page's folder must exist and the page must not be a folder.
    private func checkTarget(_ target: String) throws(CLIError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .usage("--out \(target): is a folder; give the path of the HTML file to write")
        }
        let parent = (target as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .usage("\(options.out == nil ? "" : "--out ")\(target): the folder \(folder) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw .usage("\(options.out == nil ? "" : "--out ")\(target): the folder \(folder) cannot be written (permission denied)")
        }
    }

    /// Writes the page whole or not at all (`OutputFile`).
    private func write(_ html: String, to target: String) throws(CLIError) {
        try OutputFile.replace(target, failure: "the report was not written") { temporary in
            let writer = try BufferedFileWriter(path: temporary)
            try writer.write(html)
            try writer.close()
        }
    }
}

extension ReportData {
    /// Reads the time series of `folder` (each scenario's, in a comparison)
    /// and its columns' descriptions.
    static func read(_ folder: ResultFolder) throws(CLIError) -> ReportData {
        switch folder.kind {
        case .run, .sweep:
            let summary = try SeriesSummary.read(folder.file("timeseries.csv"), wanted: wanted)
            let name = folder.kind == .sweep ? "all runs" : folder.manifest.string(["scenario", "name"]) ?? folder.manifest.name
            return ReportData(folder: folder, groups: [Group(name: name, summary: summary)],
                              columns: folder.manifest.columns(of: "timeseries.csv"), member: folder.kind == .sweep ? "run" : "replicate")
        case .comparison:
            var groups: [Group] = []
            for scenario in folder.scenarios {
                groups.append(Group(name: scenario.name, summary: try SeriesSummary.read(scenario.folder.file("timeseries.csv"), wanted: wanted)))
            }
            return ReportData(folder: folder, groups: groups,
                              columns: folder.scenarios.first?.folder.manifest.columns(of: "timeseries.csv") ?? ColumnInfo(), member: "replicate")
        }
    }
}
