/// The values of chosen columns of an experiment's time series
/// (`timeseries.csv`: `replicate`, `seed`, `tick`, then the model's columns)
/// at chosen ticks, replicate by replicate: what a comparison of scenarios
/// reads from each scenario's run folder.
///
/// An empty field and a column the file lacks are missing values (NaN).
/// Rows at other ticks are skipped. A file whose rows do not fit (a
/// replicate outside 0..<replicates, a field that is not a number, a row
/// twice) is refused with its line, and one that lacks the row of a
/// (replicate, tick) asked for is refused naming it: a comparison is made on
/// every replicate or not at all.
public struct ReplicateSamples: Sendable {
    public let columns: [String]
    /// Whether the file has each column of `columns`.
    public private(set) var present: [Bool]
    public let ticks: [Int]
    public let replicates: Int
    /// [tick][replicate][column], flattened.
    private var values: [Double]

    /// The values of `column` at `ticks[tick]`, indexed by replicate.
    public func sample(column: Int, tick: Int) -> [Double] {
        let start = tick * replicates * columns.count + column
        return (0..<replicates).map { values[start + $0 * columns.count] }
    }

    /// Reads the table at `path`.
    public static func read(_ path: String, columns: [String], ticks: [Int], replicates: Int) throws(CSVFileProblem) -> ReplicateSamples {
        var samples = ReplicateSamples(columns: columns, present: [], ticks: ticks, replicates: replicates,
                                       values: Array(repeating: .nan, count: ticks.count * replicates * columns.count))
        let tickIndex = Dictionary(uniqueKeysWithValues: ticks.enumerated().map { ($1, $0) })
        var layout: Layout?
        var seen = Set<Int>()
        try CSVFileReader.forEachRecord(atPath: path) { fields, line throws(CSVFileProblem) in
            func problem(_ message: String) -> CSVFileProblem { CSVFileProblem(path: path, line: line, message: message) }
            guard let layout else {
                layout = try Layout(header: fields, columns: columns, problem: problem)
                return
            }
            guard fields.count == layout.width else { throw problem("\(fields.count) fields; the header has \(layout.width)") }
            guard let replicate = Int(fields[layout.replicate]), (0..<replicates).contains(replicate) else {
                throw problem("replicate \"\(fields[layout.replicate])\": expected a whole number from 0 to \(replicates - 1)")
            }
            guard let tick = Int(fields[layout.tick]), tick >= 0 else { throw problem("tick \"\(fields[layout.tick])\": expected a whole number") }
            guard let t = tickIndex[tick] else { return }
            guard seen.insert(t * replicates + replicate).inserted else { throw problem("a second row for replicate \(replicate), tick \(tick)") }
            let start = (t * replicates + replicate) * columns.count
            for (k, position) in layout.positions.enumerated() {
                guard let position, !fields[position].isEmpty else { continue }
                guard let value = Double(fields[position]), value.isFinite else {
                    throw problem("\(columns[k]) \"\(fields[position].prefix(40))\": expected a number or an empty field")
                }
                samples.values[start + k] = value
            }
        }
        guard let layout else { throw CSVFileProblem(path: path, line: 0, message: "is empty; expected a header row") }
        if seen.count < ticks.count * replicates {
            let missing = (0..<ticks.count * replicates).filter { !seen.contains($0) }
            let named = missing.prefix(5).map { "replicate \($0 % replicates) at tick \(ticks[$0 / replicates])" }.joined(separator: ", ")
            throw CSVFileProblem(path: path, line: 0, message: "has no row for \(named)\(missing.count > 5 ? " and \(missing.count - 5) more" : ""); "
                + "expected every replicate of the run (0 to \(replicates - 1)) at every tick compared")
        }
        samples.present = layout.positions.map { $0 != nil }
        return samples
    }

    private init(columns: [String], present: [Bool], ticks: [Int], replicates: Int, values: [Double]) {
        self.columns = columns
        self.present = present
        self.ticks = ticks
        self.replicates = replicates
        self.values = values
    }

    /// Where the identity columns and the chosen columns sit in a row.
    private struct Layout {
        let width: Int
        let replicate: Int
        let tick: Int
        let positions: [Int?]

        init(header: [String], columns: [String], problem: (String) -> CSVFileProblem) throws(CSVFileProblem) {
            var position: [String: Int] = [:]
            for (index, name) in header.enumerated() where position[name] == nil { position[name] = index }
            guard let replicate = position[IdentityColumns.replicate.name], let tick = position[IdentityColumns.tick.name] else {
                throw problem("the header has no replicate or no tick column; expected a time series written by a run")
            }
            width = header.count
            self.replicate = replicate
            self.tick = tick
            positions = columns.map { position[$0] }
        }
    }
}
