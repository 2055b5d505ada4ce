#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

/// Reads a CSV file (RFC 4180, as `CSVReader`) one record at a time
/// through a fixed-size buffer, so memory stays flat however large the file
/// (a sweep's time series may hold millions of rows): for reading the
/// tool's own output tables back.
///
/// A record's fields are kept as bytes and turned into text or numbers
/// only when asked for (`next()`, then `text`, `number`), or all as text
/// (`forEachRecord`). Empty lines are skipped, a UTF-8 byte order mark at
/// the start is not part of the first field, and a problem (a stray quote,
/// a quoted field left open) is reported with its line.
public final class CSVFileReader {
    /// Calls `body` with each record's fields and the line it starts on.
    public static func forEachRecord(
        atPath path: String, _ body: (_ fields: [String], _ line: Int) throws(CSVFileProblem) -> Void
    ) throws(CSVFileProblem) {
        let reader = try CSVFileReader(path: path)
        while try reader.next() { try body(reader.fields, reader.line) }
    }

    public let path: String
    private var descriptor: Int32
    private var block: [UInt8]
    private var blockEnd = 0
    private var position = 0
    private var atStart = true
    /// The record being read: its bytes (unquoted), and where each field ends.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// The line the current record starts on, 1-based.
    public private(set) var line = 0
    private var nextLine = 1

    /// Opens the file at `path`.
    public init(path: String, blockSize: Int = 1 << 20) throws(CSVFileProblem) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 { throw CSVFileProblem(path: path, line: 0, message: "cannot be read (\(String(cString: strerror(errno))))") }
        block = [UInt8](repeating: 0, count: Swift.max(blockSize, 16))
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Reads the next record; false at the end of the file.
    public func next() throws(CSVFileProblem) -> Bool {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        var quoted = false, wasQuoted = false, quoteSeen = false, sawAny = false
        line = nextLine
        while let byte = try nextByte() {
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    quoted = false
                    quoteSeen = true
                } else {
                    if byte == UInt8(ascii: "\n") { nextLine += 1 }
                    bytes.append(byte)
                }
                continue
            }
            if quoteSeen {
                // A quote after a quoted stretch is an escaped quote.
                quoteSeen = false
                if byte == UInt8(ascii: "\"") {
                    bytes.append(byte)
                    quoted = true
                    continue
                }
            }
            switch byte {
            case UInt8(ascii: "\""):
                guard fieldIsEmpty, !wasQuoted else { throw problem("a quote inside an unquoted field") }
                quoted = true
                wasQuoted = true
                sawAny = true
            case UInt8(ascii: ","):
                ends.append(bytes.count)
                wasQuoted = false
                sawAny = true
            case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                if byte == UInt8(ascii: "\r"), try peekByte() == UInt8(ascii: "\n") { position += 1 }
                nextLine += 1
                if !sawAny && bytes.isEmpty && ends.isEmpty {
                    line = nextLine
                    continue
                }
                ends.append(bytes.count)
                return true
            default:
                guard !wasQuoted else { throw problem("text after a closing quote") }
                bytes.append(byte)
                sawAny = true
            }
        }
        if quoted { throw problem("a quoted field is not closed") }
        guard sawAny || !bytes.isEmpty || !ends.isEmpty else { return false }
        ends.append(bytes.count)
        return true
    }

    /// The number of fields of the current record.
    public var count: Int { ends.count }

    /// Field `index` of the current record as text ("" past the end).
    public func text(_ index: Int) -> String {
        guard index >= 0, index < ends.count else { return "" }
        return String(decoding: bytes[start(index)..<ends[index]], as: UTF8.self)
    }

    /// Whether field `index` is empty (a missing value) or past the end.
    public func isEmpty(_ index: Int) -> Bool {
        index < 0 || index >= ends.count || start(index) == ends[index]
    }

    /// Field `index` as a finite number; nil when it is empty, not a
    /// number in C-locale form, or not finite.
    public func number(_ index: Int) -> Double? {
        guard !isEmpty(index) else { return nil }
        let field = bytes[start(index)..<ends[index]]
        guard field.count <= 64, let first = field.first,
              first == UInt8(ascii: "-") || first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
              let value = Double(String(decoding: field, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }

    /// Every field of the current record as text.
    public var fields: [String] { (0..<ends.count).map(text) }

    private func start(_ index: Int) -> Int { index == 0 ? 0 : ends[index - 1] }

    private var fieldIsEmpty: Bool { bytes.count == (ends.last ?? 0) }

    private func problem(_ message: String) -> CSVFileProblem {
        CSVFileProblem(path: path, line: line, message: message)
    }

    private func nextByte() throws(CSVFileProblem) -> UInt8? {
        if position == blockEnd {
            guard try fill() else { return nil }
        }
        defer { position += 1 }
        return block[position]
    }

    private func peekByte() throws(CSVFileProblem) -> UInt8? {
        if position == blockEnd {
            guard try fill() else { return nil }
        }
        return block[position]
    }

    /// Reads the next block; false at the end of the file.
    private func fill() throws(CSVFileProblem) -> Bool {
        var count: Int
        repeat {
            count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        if count < 0 { throw problem("cannot be read (\(String(cString: strerror(errno))))") }
        position = 0
        blockEnd = count
        if atStart {
            atStart = false
            if count >= 3, block[0] == 0xEF, block[1] == 0xBB, block[2] == 0xBF { position = 3 }
        }
        return count > position
    }
}
