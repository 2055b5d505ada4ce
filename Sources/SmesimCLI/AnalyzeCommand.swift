import AgentEngine
import Dispatch
import Foundation

/// `smesim analyze`: reads a finished sweep's folder, checks that its
/// design and runs can be analysed and where the table goes, all before
/// anything is written; then computes the indices, writes
/// `sensitivity.csv` under a temporary name renamed into place, and
/// prints the parameters ranked.
struct AnalyzeCommand {
    let options: AnalyzeOptions

    func execute() throws(CLIError) {
        let started = DispatchTime.now().uptimeNanoseconds
        let folder = options.folder ?? ""
        let sweep = try AnalyzedSweep.read(folder)
        try check(sweep)
        let path = options.out ?? (folder as NSString).appendingPathComponent(AnalyzeOptions.file)
        try Self.checkTarget(path)
        let analysis = SensitivityAnalysis(plan: sweep.plan, outcomes: sweep.outcomes, perReplicate: options.perReplicate,
                                           resamples: options.resamples)
        let rows = analysis.rows()
        try Self.write(rows, to: path)
        guard !options.quiet else { return }
        for note in SensitivitySummary.notes(sweep, analysis: analysis) { printError("note: \(note)") }
        printError(SensitivitySummary(analysis: analysis, rows: rows, resamples: options.resamples).text)
        printError("wrote \(path): \(rows.count) rows (\(analysis.method), \(sweep.outcomes.names.count) outcomes × \(sweep.plan.parameters.count) keys) "
            + "in \(String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)) s")
    }

    /// Refuses a design the analysis cannot use, and failed runs where the
    /// estimators need every block.
    private func check(_ sweep: AnalyzedSweep) throws(CLIError) {
        let design = sweep.plan.design
        switch design {
        case .points:
            throw .usage("\(sweep.folder): a sweep of listed points (design \"points\") has no design to compute sensitivity indices from; "
                + "analyze reads grid, latin_hypercube, sobol and morris sweeps (read a points sweep's runs.csv directly)")
        case .grid, .latinHypercube:
            if options.perReplicate {
                throw .usage("--per-replicate: applies to Sobol' and Morris designs; this sweep's design is \(design.name)")
            }
        case .sobol, .morris:
            guard let first = sweep.failed.first else { return }
            let shown = sweep.failed.prefix(3).map { "point \($0.point) replicate \($0.replicate)\($0.reason.isEmpty ? "" : " (\($0.reason))")" }
            throw .usage("\(sweep.folder): \(sweep.failed.count) run\(sweep.failed.count == 1 ? "" : "s") failed (\(shown.joined(separator: "; "))"
                + "\(sweep.failed.count > 3 ? "; …" : "")); \(design.name == "sobol" ? "Sobol' indices need every run of every base sample" : "Morris's effects need every run of every trajectory"). "
                + "Fix the sweep (point \(first.point)'s values in points.csv) and run it again with --retry-failed")
        }
    }

    /// The table may go to `path`: not a folder, in a folder that exists,
    /// and replacing only an earlier sensitivity table.
    static func checkTarget(_ path: String) throws(CLIError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard !isDirectory.boolValue else { throw .usage("--out \(path): is a folder; expected the path of a CSV file") }
            guard isSensitivityTable(path) else {
                throw .usage("--out \(path): exists and is not a sensitivity table (its first line is not \(header)); choose another path, or delete it")
            }
        }
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .usage("--out \(path): the folder \(folder) does not exist")
        }
        guard manager.isWritableFile(atPath: folder) else { throw .usage("--out \(path): the folder \(folder) is not writable") }
    }

    static var header: String { String(decoding: CSVRecord.header(SensitivityRow.columns.specs).bytes, as: UTF8.self) }

    private static func isSensitivityTable(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: header.utf8.count + 2)) ?? Data()
        return start == Data((header + "\r\n").utf8)
    }

    /// Writes the table whole or not at all (`OutputFile`).
    static func write(_ rows: [SensitivityRow], to path: String) throws(CLIError) {
        try OutputFile.replace(path, failure: "\(path) was not written") { try SensitivityRow.columns.write(rows, to: $0) }
    }
}
