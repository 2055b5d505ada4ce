/// The columns of an output table, each declared once with how its value
/// is read from a `Source` (a model's state, an event, a firm of a panel).
///
/// A row is written by walking the columns in order and reading each value
/// from the source, so the header, the manifest's column descriptions and
/// every row come from the same list and cannot disagree; nothing is
/// appended by position. Reading runs once per row (a tick, an event),
/// never inside a per-agent loop.
public struct ColumnTable<Source>: Sendable {
    public let columns: [Column<Source>]

    public init(_ columns: [Column<Source>]) {
        var seen = Set<String>()
        for column in columns {
            precondition(seen.insert(column.spec.name).inserted, "column \(column.spec.name) is declared twice")
        }
        self.columns = columns
    }

    /// The columns' descriptions, for the header and the manifest.
    public var specs: [ColumnSpec] { columns.map(\.spec) }

    /// The position of the column called `name`.
    public func index(of name: String) -> Int? { columns.firstIndex { $0.spec.name == name } }

    /// Every column's value for `source`, in order.
    public func values(_ source: Source) -> [FieldValue] { columns.map { $0.value(source) } }

    /// Appends every column's value for `source` to `record`.
    public func append(_ source: Source, to record: inout CSVRecord) {
        for column in columns { record.append(column.value(source)) }
    }

    /// A record of every column's value for `source`.
    public func record(_ source: Source) -> CSVRecord {
        var record = CSVRecord()
        append(source, to: &record)
        return record
    }
}

/// One column: its description and how its value is read.
public struct Column<Source>: Sendable {
    public let spec: ColumnSpec
    public let value: @Sendable (Source) -> FieldValue

    public init(_ spec: ColumnSpec, _ value: @escaping @Sendable (Source) -> FieldValue) {
        self.spec = spec
        self.value = value
    }

    public static func integer(_ name: String, unit: String = "", _ description: String, _ read: @escaping @Sendable (Source) -> Int) -> Column {
        Column(ColumnSpec(name, .integer, unit: unit, description)) { .integer(read($0)) }
    }

    /// A number; NaN is written as an empty field (a missing value).
    public static func number(_ name: String, unit: String = "", _ description: String, _ read: @escaping @Sendable (Source) -> Double) -> Column {
        Column(ColumnSpec(name, .number, unit: unit, description)) { .number(read($0)) }
    }

    public static func boolean(_ name: String, _ description: String, _ read: @escaping @Sendable (Source) -> Bool) -> Column {
        Column(ColumnSpec(name, .boolean, description)) { .boolean(read($0)) }
    }

    /// Text, escaped for CSV when the row is written.
    public static func text(_ name: String, _ description: String, _ read: @escaping @Sendable (Source) -> String) -> Column {
        Column(ColumnSpec(name, .string, description)) { .text(read($0)) }
    }

    /// Text already in CSV form (see `CSVRecord.escape`), e.g. a name
    /// escaped once for a column written on every event.
    public static func escapedText(_ name: String, _ description: String, _ read: @escaping @Sendable (Source) -> [UInt8]) -> Column {
        Column(ColumnSpec(name, .string, description)) { .escaped(read($0)) }
    }
}

/// A value of one field of a row.
public enum FieldValue: Sendable, Equatable {
    case integer(Int)
    /// NaN or an infinity is a missing value.
    case number(Double)
    case boolean(Bool)
    case text(String)
    /// Bytes already in CSV form; empty is a missing value.
    case escaped([UInt8])

    /// The value as a number (booleans as 0 and 1); NaN for text and for
    /// missing values.
    public var number: Double {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        case .boolean(let value): return value ? 1 : 0
        case .text, .escaped: return .nan
        }
    }
}

extension CSVRecord {
    public mutating func append(_ value: FieldValue) {
        switch value {
        case .integer(let integer): append(integer)
        case .number(let number): append(number)
        case .boolean(let flag): append(flag)
        case .text(let text): append(text: text)
        case .escaped(let bytes): append(escaped: bytes)
        }
    }
}
