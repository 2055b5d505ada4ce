import AgentEngine
import Foundation

/// A CSV table of a result folder, read a row at a time (`CSVFileReader`):
/// its header, its rows checked against it, and its fields as text or
/// numbers. Every problem — a missing or empty file, a malformed row, a
/// missing column, a field that should be a number — is a usage error that
/// names the file (and the line and column), so a bad folder never crashes
/// the tool.
final class TableFile {
    let path: String
    let header: [String]
    private let reader: CSVFileReader

    /// Opens `path` and reads its header.
    init(_ path: String) throws(CLIError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .usage("\(path): no such file") }
        guard !isDirectory.boolValue else { throw .usage("\(path): is a folder, not a table") }
        self.path = path
        let hasHeader: Bool
        do {
            reader = try CSVFileReader(path: path)
            hasHeader = try reader.next()
        } catch {
            throw .usage("\(error)")
        }
        guard hasHeader else { throw .usage("\(path): is empty (expected a header line)") }
        header = reader.fields
        guard !header.isEmpty, header.allSatisfy({ !$0.isEmpty }) else {
            throw .usage("\(path): line 1: the header has an empty column name")
        }
    }

    /// The position of column `name`, if the table has it.
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The position of column `name`, which the table must have.
    func require(_ name: String) throws(CLIError) -> Int {
        guard let index = column(name) else { throw .usage("\(path): no column \(name) (its header: \(abbreviatedHeader))") }
        return index
    }

    private var abbreviatedHeader: String {
        header.count <= 8 ? header.joined(separator: ",") : header.prefix(8).joined(separator: ",") + ",… (\(header.count) columns)"
    }

    /// Reads the next row; false at the end. A row must have as many
    /// fields as the header.
    func next() throws(CLIError) -> Bool {
        do {
            guard try reader.next() else { return false }
        } catch {
            throw .usage("\(error)")
        }
        guard reader.count == header.count else {
            throw .usage("\(path): line \(reader.line): \(reader.count) fields, but the header has \(header.count)")
        }
        return true
    }

    /// Field `index` of the current row as text, with the apostrophe CSV
    /// output puts before a leading `= + - @` taken off.
    func text(_ index: Int) -> String {
        let field = reader.text(index)
        if field.hasPrefix("'"), let second = field.dropFirst().first, "=+-@".contains(second) { return String(field.dropFirst()) }
        return field
    }

    /// Field `index` of the current row as a number: nil when empty (a
    /// missing value), an error when it is not a finite number.
    func number(_ index: Int) throws(CLIError) -> Double? {
        if reader.isEmpty(index) { return nil }
        guard let value = reader.number(index) else {
            throw .usage("\(path): line \(reader.line), column \(header[index]): \"\(String(reader.text(index).prefix(40)))\" is not a number")
        }
        return value
    }

    /// Field `index` as a number; NaN when empty.
    func value(_ index: Int) throws(CLIError) -> Double { try number(index) ?? .nan }

    /// The line the current row starts on.
    var line: Int { reader.line }
}
