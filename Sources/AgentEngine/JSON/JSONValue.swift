/// A JSON document as read from a file or built for output.
///
/// Objects keep their keys in document order, numbers keep their source
/// text: input can be checked strictly (duplicate keys, integers too large
/// for a `Double`) and output is written in a stable order.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public static func int<I: BinaryInteger>(_ value: I) -> JSONValue {
        .number(JSONNumber(text: String(value)))
    }

    /// A finite double; non-finite values become `null` (JSON has no NaN).
    public static func double(_ value: Double) -> JSONValue {
        value.isFinite ? .number(JSONNumber(text: formatDouble(value))) : .null
    }

    /// How this value is named in error messages ("a string", "an object").
    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return "the number \(n.text)"
        case .string(let s): return "the string \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A JSON number with its source text.
public struct JSONNumber: Sendable, Equatable {
    public let text: String

    public init(text: String) { self.text = text }

    public var doubleValue: Double? { Double(text) }

    /// The value as an integer when the text is one (no fraction, no
    /// exponent) and fits.
    public var intValue: Int? { Int(text) }

    public var uint64Value: UInt64? { UInt64(text) }
}

/// A JSON object with keys in document order.
public struct JSONObject: Sendable, Equatable {
    public private(set) var entries: [(key: String, value: JSONValue)]

    public init(_ entries: [(key: String, value: JSONValue)] = []) {
        self.entries = entries
    }

    public var keys: [String] { entries.map(\.key) }

    public subscript(key: String) -> JSONValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }
}

/// Shortest text that reads back as the same `Double`, in the C locale
/// ("0.1", "120.0", "1e-05").
public func formatDouble(_ value: Double) -> String {
    value.description
}

extension JSONValue {
    /// The value at `path` (object keys), if there is one.
    public func value(at path: [String]) -> JSONValue? {
        var current = self
        for key in path {
            guard case .object(let object) = current, let next = object[key] else { return nil }
            current = next
        }
        return current
    }

    /// A copy with the value at `path` (object keys) replaced or added,
    /// creating intermediate objects. Used to apply command-line overrides
    /// and parameter points before a document is read, so they are checked
    /// exactly like the file. Returns nil when `path` runs through a value
    /// that is not an object.
    public func setting(_ path: [String], to newValue: JSONValue) -> JSONValue? {
        guard let head = path.first else { return newValue }
        var object: JSONObject
        switch self {
        case .object(let existing): object = existing
        case .null: object = JSONObject()
        default: return nil
        }
        let child = object[head] ?? .null
        guard let updated = child.setting(Array(path.dropFirst()), to: newValue) else { return nil }
        object[head] = updated
        return .object(object)
    }
}
