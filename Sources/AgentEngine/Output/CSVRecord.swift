/// One CSV record (RFC 4180) being built field by field.
///
/// Numbers are written in the C locale with the shortest text that reads
/// back as the same value; text fields are quoted when they hold a comma,
/// a quote or a line break, and a leading `= + - @` is neutralised with an
/// apostrophe so spreadsheets do not run the field as a formula.
public struct CSVRecord: Sendable {
    public private(set) var bytes: [UInt8] = []
    public private(set) var fieldCount = 0

    public init() { bytes.reserveCapacity(256) }

    private mutating func separate() {
        if fieldCount > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldCount += 1
    }

    public mutating func append(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func append(_ value: UInt64) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A finite double in shortest round-trip form; NaN and infinities are
    /// written as empty fields (missing), never as text a reader would choke on.
    public mutating func append(_ value: Double) {
        separate()
        if value.isFinite { bytes.append(contentsOf: formatDouble(value).utf8) }
    }

    public mutating func append(_ value: Bool) {
        separate()
        bytes.append(value ? UInt8(ascii: "1") : UInt8(ascii: "0"))
    }

    public mutating func append(text: String) {
        separate()
        bytes.append(contentsOf: CSVRecord.escape(text).utf8)
    }

    /// Appends a field already in CSV form (see `escape`), e.g. a constant
    /// name escaped once, without looking at it again.
    public mutating func append(escaped bytes: [UInt8]) {
        separate()
        self.bytes.append(contentsOf: bytes)
    }

    /// Appends the fields of `other` after this record's.
    public mutating func append(contentsOf other: CSVRecord) {
        guard other.fieldCount > 0 else { return }
        if fieldCount > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: other.bytes)
        fieldCount += other.fieldCount
    }

    /// The field as it must appear in a CSV file.
    public static func escape(_ text: String) -> String {
        var field = text
        if let first = field.first, "=+-@".contains(first) { field = "'" + field }
        if field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            field = "\"" + field.replacingAll("\"", with: "\"\"") + "\""
        }
        return field
    }

    /// The header record of `columns`.
    public static func header(_ columns: [ColumnSpec]) -> CSVRecord {
        var record = CSVRecord()
        for column in columns { record.append(text: column.name) }
        return record
    }

    /// Line terminator of RFC 4180.
    public static let lineEnd: [UInt8] = [0x0D, 0x0A]
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
