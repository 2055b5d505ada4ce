import Foundation

/// A problem reading a CSV file: the file, the line (1-based; 0 for the
/// file as a whole) and what is wrong.
public struct CSVFileProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let message: String

    public init(path: String, line: Int, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(path): line \(line): \(message)" : "\(path): \(message)" }
}

/// Reads a CSV file (RFC 4180, as `CSVReader`) one record at a time, a
/// block of bytes at a time: memory stays flat however long the table (the
/// tool's own tables, such as a run's `timeseries.csv`). A record ends at a
/// line end outside quotes; each is parsed by `CSVReader`, so both read the
/// same fields. Empty lines are skipped.
public enum CSVFileReader {
    /// Calls `body` with each record's fields and the line it starts on.
    public static func forEachRecord(
        atPath path: String, _ body: (_ fields: [String], _ line: Int) throws(CSVFileProblem) -> Void
    ) throws(CSVFileProblem) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVFileProblem(path: path, line: 0, message: "cannot be read (no such file, or permission denied)")
        }
        defer { try? handle.close() }
        var record: [UInt8] = []
        var quoted = false
        var line = 1, recordLine = 1
        func end() throws(CSVFileProblem) {
            let rows: [[String]]
            do { rows = try CSVReader.rows(String(decoding: record, as: UTF8.self)) } catch {
                throw CSVFileProblem(path: path, line: recordLine + error.line - 1, message: error.message)
            }
            record.removeAll(keepingCapacity: true)
            for fields in rows { try body(fields, recordLine) }
        }
        while true {
            let block: Data
            do { block = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw CSVFileProblem(path: path, line: line, message: "cannot be read (\(describe(error)))")
            }
            if block.isEmpty { break }
            for byte in block {
                record.append(byte)
                if byte == UInt8(ascii: "\"") { quoted.toggle() }
                guard byte == UInt8(ascii: "\n") else { continue }
                line += 1
                if !quoted {
                    try end()
                    recordLine = line
                }
            }
        }
        if !record.isEmpty { try end() }
    }
}
