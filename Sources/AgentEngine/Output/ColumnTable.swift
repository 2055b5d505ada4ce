/// The columns of an output table, each declared once with how its value
/// is read from a `Source` (a model's state, an event, a firm of a panel).
///
/// A row is written by walking the columns in order and reading each value
/// from the source, so the header, the manifest's column descriptions and
/// every row come from the same list and cannot disagree; nothing is
/// appended by position. Reading runs once per row (a tick, an event),
/// never inside a per-agent loop.
public struct ColumnTable<Source>: Sendable {
    /// The columns' descriptions, for the header and the manifest.
    public let specs: [ColumnSpec]
    /// How each column is read, kept apart from the descriptions so writing
    /// a row copies no strings.
    private let readers: [ColumnReader<Source>]

    public init(_ columns: [Column<Source>]) {
        var seen = Set<String>()
        for column in columns {
            precondition(seen.insert(column.spec.name).inserted, "column \(column.spec.name) is declared twice")
        }
        specs = columns.map(\.spec)
        readers = columns.map(\.reader)
    }

    /// The position of the column called `name`.
    public func index(of name: String) -> Int? { specs.firstIndex { $0.name == name } }

    /// Every column's value for `source`, in order.
    public func values(_ source: Source) -> [FieldValue] { readers.map { $0.value(source) } }

    /// Appends every column's value for `source` to `record`.
    public func append(_ source: Source, to record: inout CSVRecord) {
        for reader in readers { reader.write(source, to: &record) }
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
    let reader: ColumnReader<Source>

    public static func integer(_ name: String, unit: String = "", _ description: String, _ read: @escaping @Sendable (Source) -> Int) -> Column {
        Column(spec: ColumnSpec(name, .integer, unit: unit, description), reader: .integer(read))
    }

    /// A number; NaN is written as an empty field (a missing value).
    public static func number(_ name: String, unit: String = "", _ description: String, _ read: @escaping @Sendable (Source) -> Double) -> Column {
        Column(spec: ColumnSpec(name, .number, unit: unit, description), reader: .number(read))
    }

    public static func boolean(_ name: String, _ description: String, _ read: @escaping @Sendable (Source) -> Bool) -> Column {
        Column(spec: ColumnSpec(name, .boolean, description), reader: .boolean(read))
    }

    /// Text, escaped for CSV when the row is written.
    public static func text(_ name: String, _ description: String, _ read: @escaping @Sendable (Source) -> String) -> Column {
        Column(spec: ColumnSpec(name, .string, description), reader: .text(read))
    }

    /// Text already in CSV form (see `CSVRecord.escape`), e.g. a name
    /// escaped once for a column written on every event.
    public static func escapedText(_ name: String, _ description: String, _ read: @escaping @Sendable (Source) -> [UInt8]) -> Column {
        Column(spec: ColumnSpec(name, .string, description), reader: .escaped(read))
    }
}

/// How a column's value is read, by type: the reading closure is called
/// directly (a closure that captures nothing costs no reference counting),
/// and the value goes straight into a record or into a `FieldValue`.
enum ColumnReader<Source>: Sendable {
    case integer(@Sendable (Source) -> Int)
    case number(@Sendable (Source) -> Double)
    case boolean(@Sendable (Source) -> Bool)
    case text(@Sendable (Source) -> String)
    case escaped(@Sendable (Source) -> [UInt8])

    func write(_ source: Source, to record: inout CSVRecord) {
        switch self {
        case .integer(let read): record.append(read(source))
        case .number(let read): record.append(read(source))
        case .boolean(let read): record.append(read(source))
        case .text(let read): record.append(text: read(source))
        case .escaped(let read): record.append(escaped: read(source))
        }
    }

    func value(_ source: Source) -> FieldValue {
        switch self {
        case .integer(let read): return .integer(read(source))
        case .number(let read): return .number(read(source))
        case .boolean(let read): return .boolean(read(source))
        case .text(let read): return .text(read(source))
        case .escaped(let read): return .escaped(read(source))
        }
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

extension ColumnTable {
    /// Writes a table file: the header, then one row per source, in order.
    public func write(_ sources: some Sequence<Source>, to path: String) throws(OutputError) {
        let writer = try BufferedFileWriter(path: path)
        try writer.write(bytes: CSVRecord.header(specs).bytes)
        try writer.write(bytes: CSVRecord.lineEnd)
        for source in sources {
            try writer.write(bytes: record(source).bytes)
            try writer.write(bytes: CSVRecord.lineEnd)
        }
        try writer.close()
    }
}
