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
        try checkPoints(try TableFile((folder as NSString).appendingPathComponent("points.csv")), plan: plan)
        let (outcomes, failed) = try readRuns(try TableFile((folder as NSString).appendingPathComponent("runs.csv")), plan: plan)
        return AnalyzedSweep(folder: folder, plan: plan, outcomes: outcomes, failed: failed)
    }

    /// The plan in the folder's manifest.
    private static func readPlan(_ folder: String) throws(CLIError) -> SweepPlan {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw .usage("\(folder): no such folder; analyze reads the output folder of 'smesim sweep'")
        }
        guard isDirectory.boolValue else { throw .usage("\(folder): is a file; analyze reads the output folder of 'smesim sweep'") }
        let manager = FileManager.default
        if !manager.fileExists(atPath: (folder as NSString).appendingPathComponent(RunManifest.file)) {
            if manager.fileExists(atPath: (folder as NSString).appendingPathComponent(SweepFolder.stateFile)) {
                throw .usage("\(folder): an unfinished sweep (no \(RunManifest.file) yet: it is running, or was interrupted); run the same 'smesim sweep' command again to finish it, then analyze it")
            }
            throw .usage("\(folder): not a sweep's folder (no \(RunManifest.file)); analyze reads the output folder of 'smesim sweep'")
        }
        let manifest = try ResultManifest.read(folder: folder)
        guard let sweep = manifest.document.value(at: ["sweep"]) else {
            throw .usage("\(manifest.path): not a sweep's manifest (no resolved \"sweep\": a run's or a comparison's folder?); analyze reads the output folder of 'smesim sweep'")
        }
        let plan: SweepPlan
        do {
            plan = try SweepPlan(json: sweep, maximumPoints: SweepFile.maximumPoints)
        } catch {
            throw .usage("\(manifest.path): \(error); expected the resolved sweep 'smesim sweep' records")
        }
        guard plan.points.count * plan.replicates <= SweepFile.maximumRuns else {
            throw .usage("\(manifest.path): sweep: \(plan.points.count) points × \(plan.replicates) replicates; a sweep has at most \(SweepFile.maximumRuns) runs")
        }
        return plan
    }

    /// points.csv must hold the plan's points: the analysis rebuilds the
    /// design from the manifest, so a folder edited by hand, or written by
    /// a build whose designs differ, is refused rather than misread.
    private static func checkPoints(_ table: TableFile, plan: SweepPlan) throws(CLIError) {
        let header = [IdentityColumns.point.name] + plan.parameters.map(\.path)
        guard table.header == header else {
            throw .usage("\(table.path): line 1: the header is not \(header.joined(separator: ",")), the keys the manifest's sweep varies")
        }
        var point = 0
        while try table.next() {
            guard point < plan.points.count else { throw .usage("\(table.path): line \(table.line): more points than the manifest's design has (\(plan.points.count))") }
            let expected = ["\(point)"] + plan.points[point].map(Self.written)
            if let k = expected.indices.first(where: { table.text($0) != expected[$0] }) {
                throw .usage("\(table.path): line \(table.line): \(header[k]) is \(table.text(k)), but the design in \(RunManifest.file) gives \(expected[k]) for point \(point): "
                    + "the folder was edited, or written by a build whose designs differ; run the sweep again")
            }
            point += 1
        }
        guard point == plan.points.count else {
            throw .usage("\(table.path): \(point) points; the design in \(RunManifest.file) has \(plan.points.count)")
        }
    }

    /// A value as points.csv holds it, read back (`TableFile.text`).
    static func written(_ value: JSONValue) -> String {
        switch SweepParameter.field(value) {
        case .integer(let integer): return String(integer)
        case .number(let number): return number.isFinite ? formatDouble(number) : ""
        case .boolean(let flag): return flag ? "1" : "0"
        case .text(let text): return text
        case .escaped(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Every run's outcomes and the failed runs, from runs.csv: one row per
    /// point and replicate of the plan, with a column per outcome.
    private static func readRuns(_ table: TableFile, plan: SweepPlan) throws(CLIError) -> (SweepOutcomes, [FailedRun]) {
        let names = plan.outcomes.map(\.name)
        let point = try table.require(IdentityColumns.point.name), replicate = try table.require(IdentityColumns.replicate.name)
        let status = try table.require("status"), reason = table.column("reason")
        var columns: [Int] = []
        for name in names { columns.append(try table.require(name)) }
        var outcomes = SweepOutcomes(names: names, points: plan.points.count, replicates: plan.replicates)
        var failed: [FailedRun] = []
        var seen = Set<Int>()
        while try table.next() {
            func problem(_ message: String) -> CLIError { .usage("\(table.path): line \(table.line): \(message)") }
            let p = try index(table.text(point), "point", below: plan.points.count, problem)
            let r = try index(table.text(replicate), "replicate", below: plan.replicates, problem)
            guard seen.insert(p * plan.replicates + r).inserted else { throw problem("a second row for point \(p), replicate \(r)") }
            guard table.text(status) == RunRecord.Status.ok.name else {
                failed.append(FailedRun(point: p, replicate: r, reason: reason.map { table.text($0) } ?? ""))
                continue
            }
            for (k, column) in columns.enumerated() {
                if let value = try table.number(column) { outcomes.set(value, point: p, replicate: r, outcome: k) }
            }
        }
        let expected = plan.points.count * plan.replicates
        guard seen.count == expected else {
            let missing = (0..<expected).first { !seen.contains($0) } ?? 0
            throw .usage("\(table.path): \(seen.count) runs; the sweep has \(plan.points.count) points × \(plan.replicates) replicates = \(expected) "
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
}
