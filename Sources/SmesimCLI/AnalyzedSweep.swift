import AgentEngine
import Foundation

/// A finished sweep's folder as `smesim analyze` reads it: the plan
/// recorded in `manifest.json` (its points rebuilt, which must be
/// `points.csv`'s), and every run's status and outcomes from `runs.csv`.
///
/// Nothing else is read and nothing is written. Every problem — not a
/// sweep's folder, an unfinished sweep, a table without the columns or
/// rows the plan needs — is a usage error naming the file and what is
/// wrong.
struct AnalyzedSweep {
    let folder: String
    let plan: SweepPlan
    let outcomes: SweepOutcomes
    /// The runs whose status is not ok, in run order.
    let failed: [FailedRun]

    struct FailedRun {
        let point: Int
        let replicate: Int
        let reason: String
    }

    static func read(_ folder: String) throws(CLIError) -> AnalyzedSweep {
        let plan = try readPlan(folder)
        try checkPoints((folder as NSString).appendingPathComponent("points.csv"), plan: plan)
        let (outcomes, failed) = try readRuns((folder as NSString).appendingPathComponent("runs.csv"), plan: plan)
        return AnalyzedSweep(folder: folder, plan: plan, outcomes: outcomes, failed: failed)
    }

    /// The plan in the folder's manifest.
    private static func readPlan(_ folder: String) throws(CLIError) -> SweepPlan {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw .usage("\(folder): no such folder; analyze reads the output folder of 'smesim sweep'")
        }
        guard isDirectory.boolValue else { throw .usage("\(folder): is a file; analyze reads the output folder of 'smesim sweep'") }
        let manifestPath = (folder as NSString).appendingPathComponent(RunManifest.file)
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(SweepFolder.stateFile)) {
                throw .usage("\(folder): an unfinished sweep (no \(RunManifest.file) yet: it is running, or was interrupted); run the same 'smesim sweep' command again to finish it, then analyze it")
            }
            throw .usage("\(folder): not a sweep's folder (no \(RunManifest.file)); analyze reads the output folder of 'smesim sweep'")
        }
        let manifest = try ScenarioLoader.parse(try ScenarioLoader.read(manifestPath), label: manifestPath)
        guard manifest.value(at: RunManifest.toolKey) == .string(ToolInfo.name), let sweep = manifest.value(at: ["sweep"]) else {
            throw .usage("\(manifestPath): not a sweep's manifest (no resolved \"sweep\" written by \(ToolInfo.name): a run's or a comparison's folder?); analyze reads the output folder of 'smesim sweep'")
        }
        do {
            return try SweepPlan(json: sweep, maximumPoints: SweepFile.maximumPoints)
        } catch {
            throw .usage("\(manifestPath): \(error); expected the resolved sweep 'smesim sweep' records")
        }
    }

    /// points.csv must hold the plan's points: the analysis rebuilds the
    /// design from the manifest, so a folder edited by hand, or written by
    /// a build whose designs differ, is refused rather than misread.
    private static func checkPoints(_ path: String, plan: SweepPlan) throws(CLIError) {
        let header = [IdentityColumns.point.name] + plan.parameters.map(\.path)
        var line = 0
        try Self.records(path) { fields, at throws(CLIError) in
            defer { line += 1 }
            guard line > 0 else {
                guard fields == header else { throw .usage("\(path): line \(at): the header is not \(header.joined(separator: ",")), the keys the manifest's sweep varies") }
                return
            }
            let point = line - 1
            guard point < plan.points.count else { throw .usage("\(path): line \(at): more points than the manifest's design has (\(plan.points.count))") }
            let expected = ["\(point)"] + plan.points[point].map(Self.written)
            guard fields == expected else {
                let k = zip(fields, expected).enumerated().first { $1.0 != $1.1 }?.offset ?? Swift.min(fields.count, expected.count)
                let found = k < fields.count ? "\(fields[k])" : "nothing", wanted = k < expected.count ? expected[k] : "nothing"
                throw .usage("\(path): line \(at): \(header[Swift.min(k, header.count - 1)]) is \(found), but the design in \(RunManifest.file) gives \(wanted) for point \(point): "
                    + "the folder was edited, or written by a build whose designs differ; run the sweep again")
            }
        }
        guard line - 1 == plan.points.count else {
            throw .usage("\(path): \(Swift.max(line - 1, 0)) points; the design in \(RunManifest.file) has \(plan.points.count)")
        }
    }

    /// A value as points.csv holds it (after CSV unquoting).
    static func written(_ value: JSONValue) -> String {
        var record = CSVRecord()
        record.append(SweepParameter.field(value))
        let text = String(decoding: record.bytes, as: UTF8.self)
        guard text.hasPrefix("\"") else { return text }
        return (try? CSVReader.rows(text))?.first?.first ?? text
    }

    /// Every run's outcomes and the failed runs, from runs.csv: one row per
    /// point and replicate of the plan.
    private static func readRuns(_ path: String, plan: SweepPlan) throws(CLIError) -> (SweepOutcomes, [FailedRun]) {
        let names = plan.outcomes.map(\.name)
        var outcomes = SweepOutcomes(names: names, points: plan.points.count, replicates: plan.replicates)
        var failed: [FailedRun] = []
        var layout: RunsLayout?
        var seen = Set<Int>()
        try Self.records(path) { fields, line throws(CLIError) in
            func problem(_ message: String) -> CLIError { .usage("\(path): line \(line): \(message)") }
            guard let columns = layout else {
                layout = try RunsLayout(header: fields, outcomes: names) { problem($0) }
                return
            }
            guard fields.count == columns.width else { throw problem("\(fields.count) fields; the header has \(columns.width)") }
            let point = try Self.index(fields[columns.point], "point", below: plan.points.count, problem)
            let replicate = try Self.index(fields[columns.replicate], "replicate", below: plan.replicates, problem)
            guard seen.insert(point * plan.replicates + replicate).inserted else { throw problem("a second row for point \(point), replicate \(replicate)") }
            guard fields[columns.status] == RunRecord.Status.ok.name else {
                failed.append(FailedRun(point: point, replicate: replicate, reason: columns.reason.map { fields[$0] } ?? ""))
                return
            }
            for (k, position) in columns.outcomes.enumerated() where !fields[position].isEmpty {
                guard let value = Double(fields[position]), value.isFinite else {
                    throw problem("\(names[k]) \"\(fields[position].prefix(40))\": expected a number or an empty field")
                }
                outcomes.set(value, point: point, replicate: replicate, outcome: k)
            }
        }
        let expected = plan.points.count * plan.replicates
        guard seen.count == expected else {
            let missing = (0..<expected).first { !seen.contains($0) } ?? 0
            throw .usage("\(path): \(seen.count) runs; the sweep has \(plan.points.count) points × \(plan.replicates) replicates = \(expected) "
                + "(point \(missing / plan.replicates), replicate \(missing % plan.replicates) has no row)")
        }
        return (outcomes, failed.sorted { ($0.point, $0.replicate) < ($1.point, $1.replicate) })
    }

    private static func index(_ field: String, _ name: String, below count: Int, _ problem: (String) -> CLIError) throws(CLIError) -> Int {
        guard let value = Int(field), (0..<count).contains(value) else {
            throw problem("\(name) \"\(field.prefix(40))\": expected a whole number from 0 to \(count - 1)")
        }
        return value
    }

    /// Each record of the CSV file at `path`, its problems as usage errors.
    private static func records(_ path: String, _ body: ([String], Int) throws(CLIError) -> Void) throws(CLIError) {
        var thrown: CLIError?
        do {
            try CSVFileReader.forEachRecord(atPath: path) { fields, line throws(CSVFileProblem) in
                do throws(CLIError) { try body(fields, line) } catch {
                    thrown = error
                    throw CSVFileProblem(path: path, line: line, message: error.message)
                }
            }
        } catch {
            throw thrown ?? .usage("\(error)")
        }
    }

    /// Where runs.csv keeps the columns analyze reads.
    private struct RunsLayout {
        let width: Int
        let point: Int
        let replicate: Int
        let status: Int
        let reason: Int?
        let outcomes: [Int]

        init(header: [String], outcomes names: [String], problem: (String) -> CLIError) throws(CLIError) {
            var position: [String: Int] = [:]
            for (index, name) in header.enumerated() where position[name] == nil { position[name] = index }
            let required = [IdentityColumns.point.name, IdentityColumns.replicate.name, "status"] + names
            let missing = required.filter { position[$0] == nil }
            guard missing.isEmpty, let point = position[required[0]], let replicate = position[required[1]], let status = position[required[2]] else {
                throw problem("no column \(missing.joined(separator: ", ")); expected the runs.csv 'smesim sweep' writes: point, replicate, status and one column per outcome of the manifest's sweep (\(names.joined(separator: ", ")))")
            }
            width = header.count
            self.point = point
            self.replicate = replicate
            self.status = status
            reason = position["reason"]
            outcomes = names.compactMap { position[$0] }
        }
    }
}
