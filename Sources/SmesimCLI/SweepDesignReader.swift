import AgentEngine
import Foundation
import SMEModel

/// Reads a sweep file's `design`: `"grid"`, or an object with `type` and
/// the design's own keys; a `points` design reads its CSV file (relative
/// to the sweep file), whose header names the swept keys.
struct DesignReader {
    let root: ObjectReader
    /// The sweep file's folder.
    let folder: String

    static let types = ["grid", "latin_hypercube", "sobol", "morris", "points"]
    static let largestSobolSamples = 1 << 20

    /// The design, or nil when it has problems (reported). A points design
    /// fills `parameters` from its file's header.
    func read(_ value: JSONValue?, parameters: inout [SweepParameter], base: Scenario) -> SweepDesign? {
        let reader: ObjectReader
        var type: String
        switch value {
        case nil:
            reader = ObjectReader(JSONObject(), path: "design", diagnostics: root.diagnostics)
            type = "grid"
        case .string(let name)?:
            reader = ObjectReader(JSONObject(), path: "design", diagnostics: root.diagnostics)
            do {
                type = try ValueCheck.choice(.string(name), oneOf: Self.types)
            } catch {
                root.report("design", error.message)
                return nil
            }
        case let other?:
            reader = ObjectReader(document: other, diagnostics: root.diagnostics, path: "design")
            type = reader.choice("type", default: "", oneOf: Self.types)
            if !reader.contains("type") { reader.report("type", "missing; one of \(listing(Self.types))") }
        }
        defer { reader.finish() }
        let dimensions = parameters.count
        switch type {
        case "grid":
            var valid = true
            for parameter in parameters where parameter.gridValues == nil {
                root.report("parameters.\(parameter.path)", "a grid needs \"levels\" (how many values between min and max), or a list of \"values\"")
                valid = false
            }
            return valid ? .grid : nil
        case "latin_hypercube":
            guard let samples = required(reader, "samples", in: 1...SweepFile.maximumPoints) else { return nil }
            return .latinHypercube(samples: samples)
        case "sobol":
            guard let samples = required(reader, "samples", in: 1...Self.largestSobolSamples) else { return nil }
            guard samples.nonzeroBitCount == 1 else {
                reader.report("samples", "\(samples) is not a power of two; Saltelli's scheme needs N = 2^k (e.g. \(1 << (Int.bitWidth - samples.leadingZeroBitCount - 1)) or \(1 << (Int.bitWidth - samples.leadingZeroBitCount)))")
                return nil
            }
            let secondOrder = reader.bool("second_order", default: false)
            guard 2 * dimensions <= SobolSequence.maximumDimensions else {
                root.report("parameters", "a Sobol' design supports at most \(SobolSequence.maximumDimensions / 2) swept keys, found \(dimensions)")
                return nil
            }
            return .sobol(samples: samples, secondOrder: secondOrder)
        case "morris":
            guard let trajectories = required(reader, "trajectories", in: 1...100_000) else { return nil }
            let levels = reader.integer("levels", default: 4, in: 2...100)
            guard levels % 2 == 0 else {
                reader.report("levels", "\(levels) is odd; Morris designs need an even number of levels (4 is usual)")
                return nil
            }
            return .morris(trajectories: trajectories, levels: levels)
        case "points":
            return readPoints(reader, parameters: &parameters, base: base)
        default:
            return nil
        }
    }

    private func required(_ reader: ObjectReader, _ key: String, in range: ClosedRange<Int>) -> Int? {
        guard reader.contains(key) else {
            reader.report(key, "missing; an integer from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        let count = reader.integer(key, default: -1, in: range)
        return count < 0 ? nil : count
    }

    /// `{"type": "points", "file": "points.csv"}`: one column per swept key
    /// (the header names the key paths), one row per point. The sweep's own
    /// points.csv reads back: its `point` column is ignored (points are
    /// numbered by row), and a boolean key takes 1 and 0 as true and false.
    private func readPoints(_ reader: ObjectReader, parameters: inout [SweepParameter], base: Scenario) -> SweepDesign? {
        let hasFile = reader.contains("file")
        if !parameters.isEmpty || root.raw("parameters") != nil {
            root.report("parameters", "not used with a points design: the header of the points file names the swept keys")
            return nil
        }
        guard hasFile else {
            reader.report("file", "missing; the CSV file of points (header: key paths; one row per point)")
            return nil
        }
        let file = reader.text("file", default: "")
        guard !file.isEmpty else {
            if case .string? = reader.raw("file") {
                reader.report("file", "is empty; name the CSV file of points (header: key paths; one row per point)")
            }
            return nil
        }
        let path = ScenarioLoader.resolve(file, relativeTo: folder)
        let at = "design.file (\(path))"
        let text: String
        do {
            let bytes = try ScenarioLoader.read(path)
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                root.diagnostics.report(at, "is not UTF-8 text")
                return nil
            }
            text = decoded
        } catch {
            root.diagnostics.report(at, error.message.hasPrefix(path + ": ") ? String(error.message.dropFirst(path.count + 2)) : error.message)
            return nil
        }
        let rows: [[String]]
        do { rows = try CSVReader.rows(text) } catch {
            root.diagnostics.report(at, "\(error)")
            return nil
        }
        guard let header = rows.first, rows.count >= 2 else {
            root.diagnostics.report(at, "needs a header (the swept key paths) and at least one row of values")
            return nil
        }
        // Columns read, with their keys; `point` is skipped.
        var columns: [(index: Int, key: Parameter<Scenario>)] = []
        var valid = true
        var seen = Set<String>()
        for (column, name) in header.enumerated() where name != IdentityColumns.point.name {
            switch SweepFile.sweepableKey(name) {
            case .success(let key) where seen.insert(name).inserted:
                columns.append((column, key))
            case .success:
                root.diagnostics.report(at, "column \(column + 1) \"\(name)\": appears twice")
                valid = false
            case .failure(let problem):
                root.diagnostics.report(at, "column \(column + 1) \"\(name)\": \(problem.message)")
                valid = false
            }
        }
        if valid && columns.isEmpty {
            root.diagnostics.report(at, "names no swept key in its header")
            valid = false
        }
        guard valid else { return nil }
        guard rows.count - 1 <= SweepFile.maximumPoints else {
            root.diagnostics.report(at, "has \(rows.count - 1) points; at most \(SweepFile.maximumPoints)")
            return nil
        }
        var points: [[JSONValue]] = []
        points.reserveCapacity(rows.count - 1)
        var problems = 0
        for (number, row) in rows.dropFirst().enumerated() {
            guard row.count == header.count else {
                root.diagnostics.report(at, "row \(number + 1) has \(row.count) fields; the header has \(header.count)")
                valid = false
                continue
            }
            var point: [JSONValue] = []
            point.reserveCapacity(columns.count)
            for (column, key) in columns {
                let result: Result<JSONValue, ValueProblem>
                do {
                    result = key.canonical(try ScenarioOverride.value(of: row[column], for: key.path, digitsAreBooleans: true), in: base)
                } catch {
                    result = .failure(error)
                }
                switch result {
                case .success(let value): point.append(value)
                case .failure(let problem):
                    // Every bad field is counted; the first few are told.
                    if problems < ScenarioLoader.maximumProblemsShown {
                        root.diagnostics.report(at, "row \(number + 1), \(key.path): \(problem.message)")
                    }
                    problems += 1
                    valid = false
                }
            }
            points.append(point)
        }
        if problems > ScenarioLoader.maximumProblemsShown {
            root.diagnostics.report(at, "\(problems - ScenarioLoader.maximumProblemsShown) more fields are not valid")
        }
        guard valid else { return nil }
        parameters = columns.enumerated().map { position, column in
            var distinct: [JSONValue] = []
            var seen = Set<String>()
            for point in points where seen.insert(point[position].compact()).inserted { distinct.append(point[position]) }
            return SweepParameter(path: column.key.path, range: .values(distinct))
        }
        return .points(file: file, rows: points)
    }
}
