/// Reads one JSON object strictly: every key must be read by the caller or
/// it is reported as unknown (with a "did you mean" hint), every value is
/// type- and range-checked, and problems are collected, not thrown one by
/// one, so the user sees all of them.
///
/// Missing keys take the default the caller gives, so a scenario file needs
/// only what differs from the defaults.
public final class ObjectReader {
    public let path: String
    public let diagnostics: InputDiagnostics
    private let object: JSONObject
    private var known: [String] = []

    public init(_ object: JSONObject, path: String = "", diagnostics: InputDiagnostics) {
        self.object = object
        self.path = path
        self.diagnostics = diagnostics
    }

    /// A reader over a document (or the value at `path` of one), which
    /// must be an object.
    public convenience init(document: JSONValue, diagnostics: InputDiagnostics, path: String = "") {
        if case .object(let object) = document {
            self.init(object, path: path, diagnostics: diagnostics)
        } else {
            diagnostics.report(path, path.isEmpty
                ? "the document must be a JSON object ({ ... }), found \(document.kindDescription)"
                : "expected an object ({ ... }), found \(document.kindDescription)")
            self.init(JSONObject(), path: path, diagnostics: diagnostics)
        }
    }

    /// Whether the object has `key` (and marks it as known).
    public func contains(_ key: String) -> Bool {
        known.append(key)
        return object[key] != nil
    }

    /// Reports a problem at `key` (or at this object when `key` is nil).
    public func report(_ key: String?, _ message: String) {
        diagnostics.report(key.map { keyPath(path, $0) } ?? path, message)
    }

    private func value(_ key: String) -> JSONValue? {
        known.append(key)
        return object[key]
    }

    // MARK: Scalars (checked by `ValueCheck`, as every input key is)

    public func integer(_ key: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
        read(key, fallback) { value throws(ValueProblem) in try ValueCheck.integer(value, in: range) }
    }

    /// A seed or other unsigned 64-bit integer, read from its digits (no
    /// precision lost above 2^53).
    public func unsigned64(_ key: String, default fallback: UInt64) -> UInt64 {
        read(key, fallback) { value throws(ValueProblem) in try ValueCheck.unsigned64(value) }
    }

    public func number(_ key: String, default fallback: Double, in range: ClosedRange<Double>) -> Double {
        read(key, fallback) { value throws(ValueProblem) in try ValueCheck.number(value, in: range) }
    }

    public func bool(_ key: String, default fallback: Bool) -> Bool {
        read(key, fallback) { value throws(ValueProblem) in try ValueCheck.boolean(value) }
    }

    /// A string that must be one of `allowed`.
    public func choice(_ key: String, default fallback: String, oneOf allowed: [String]) -> String {
        read(key, fallback) { value throws(ValueProblem) in try ValueCheck.choice(value, oneOf: allowed) }
    }

    /// Free text; `validate` returns a message when the text is not acceptable.
    public func text(_ key: String, default fallback: String, validate: (String) -> String? = { _ in nil }) -> String {
        read(key, fallback) { value throws(ValueProblem) in
            let text = try ValueCheck.text(value)
            if let message = validate(text) { throw ValueProblem(message) }
            return text
        }
    }

    /// The raw value at `key`, if any (marks it as known).
    public func raw(_ key: String) -> JSONValue? { value(key) }

    private func read<Value>(_ key: String, _ fallback: Value, _ check: (JSONValue) throws(ValueProblem) -> Value) -> Value {
        guard let found = value(key) else { return fallback }
        do {
            return try check(found)
        } catch {
            if error != .reportedEntryByEntry { report(key, error.message) }
            return fallback
        }
    }

    // MARK: Structure

    /// The nested object at `key`, or an empty one when it is missing (so
    /// every nested default applies).
    public func object(_ key: String) -> ObjectReader {
        let nestedPath = keyPath(path, key)
        guard let found = value(key) else {
            return ObjectReader(JSONObject(), path: nestedPath, diagnostics: diagnostics)
        }
        guard case .object(let nested) = found else {
            report(key, "expected an object ({ ... }), found \(found.kindDescription)")
            return ObjectReader(JSONObject(), path: nestedPath, diagnostics: diagnostics)
        }
        return ObjectReader(nested, path: nestedPath, diagnostics: diagnostics)
    }

    /// Reports every key of this object that no reader method asked for.
    public func finish() {
        let allowed = uniqueInOrder(known)
        for key in object.keys where !allowed.contains(key) {
            var message = "unknown key"
            if let suggestion = closestMatch(to: key, in: allowed) { message += "; did you mean \"\(suggestion)\"?" }
            message += "; allowed here: \(allowed.joined(separator: ", "))"
            report(key, message)
        }
    }

    private func uniqueInOrder(_ keys: [String]) -> [String] {
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }
}
