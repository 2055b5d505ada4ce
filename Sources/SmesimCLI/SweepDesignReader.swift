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
    /// (the header names the key paths), one row per point.
    private func readPoints(_ reader: ObjectReader, parameters: inout [SweepParameter], base: Scenario) -> SweepDesign? {
        if !parameters.isEmpty || root.raw("parameters") != nil {
            root.report("parameters", "not used with a points design: the header of the points file names the swept keys")
            return nil
        }
        guard reader.contains("file") else {
            reader.report("file", "missing; the CSV file of points (header: key paths; one row per point)")
            return nil
        }
        let file = reader.text("file", default: "")
        guard !file.isEmpty else { return nil }
        let path = file.hasPrefix("/") || folder.isEmpty ? file : folder + "/" + file
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
            root.diagnostics.report(at, error.message)
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
        let keys = header.map { Scenario.schema.parameter($0) }
        var valid = true
        for (column, name) in header.enumerated() where keys[column] == nil || SweepFile.unsweepable[name] != nil || header.firstIndex(of: name) != column {
            let why = keys[column] == nil ? Scenario.schema.unknownPathMessage(name)
                : SweepFile.unsweepable[name].map { "cannot be swept (\($0))" } ?? "appears twice"
            root.diagnostics.report(at, "column \(column + 1) \"\(name)\": \(why)")
            valid = false
        }
        guard valid else { return nil }
        var points: [[JSONValue]] = []
        for (number, row) in rows.dropFirst().enumerated() {
            guard row.count == header.count else {
                root.diagnostics.report(at, "row \(number + 1) has \(row.count) fields; the header has \(header.count)")
                valid = false
                continue
            }
            var point: [JSONValue] = []
            for (column, field) in row.enumerated() {
                let value = ScenarioOverride.jsonOrText(field)
                if let key = keys[column], let problem = key.problem(with: value, in: base) {
                    root.diagnostics.report(at, "row \(number + 1), \(header[column]): \(problem)")
                    valid = false
                }
                point.append(value)
            }
            points.append(point)
        }
        guard valid else { return nil }
        guard points.count <= SweepFile.maximumPoints else {
            root.diagnostics.report(at, "has \(points.count) points; at most \(SweepFile.maximumPoints)")
            return nil
        }
        parameters = header.enumerated().map { column, name in
            var distinct: [JSONValue] = []
            for point in points where !distinct.contains(point[column]) { distinct.append(point[column]) }
            return SweepParameter(path: name, range: .values(distinct))
        }
        return .points(file: file, rows: points)
    }
}
