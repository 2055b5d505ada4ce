/// Reads a small CSV document (RFC 4180: fields separated by commas,
/// quoted with double quotes when they hold a comma, a quote or a line
/// break, quotes doubled inside; CRLF or LF line ends) into rows of fields.
///
/// For input files a user writes (a sweep's list of points), not for the
/// tool's own large outputs. A final line end is optional; empty lines are
/// skipped; a UTF-8 byte order mark at the start (as spreadsheet programs
/// write) is not part of the first field.
public enum CSVReader {
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static func rows(_ text: String) throws(Problem) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var line = 1
        var scalars = Array(text.unicodeScalars)[...]
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        func endField() {
            row.append(field)
            field = ""
            wasQuoted = false
        }
        func endRow() {
            endField()
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
            row = []
        }
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !wasQuoted else { throw Problem(line: line, message: "a quote inside an unquoted field") }
                quoted = true
                wasQuoted = true
            case ",":
                endField()
            case "\r":
                if scalars.first == "\n" { continue }
                endRow()
                line += 1
            case "\n":
                endRow()
                line += 1
            default:
                guard !wasQuoted else { throw Problem(line: line, message: "text after a closing quote") }
                field.unicodeScalars.append(c)
            }
        }
        if quoted { throw Problem(line: line, message: "a quoted field is not closed") }
        if !field.isEmpty || !row.isEmpty || wasQuoted { endRow() }
        return rows
    }
}
