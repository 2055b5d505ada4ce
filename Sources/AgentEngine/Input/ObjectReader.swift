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

    /// A reader over a whole document, which must be an object.
    public convenience init(document: JSONValue, diagnostics: InputDiagnostics) {
        if case .object(let object) = document {
            self.init(object, diagnostics: diagnostics)
        } else {
            diagnostics.report("", "the document must be a JSON object ({ ... }), found \(document.kindDescription)")
            self.init(JSONObject(), diagnostics: diagnostics)
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

    // MARK: Scalars

    public func integer(_ key: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
        guard let found = value(key) else { return fallback }
        let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        guard case .number(let number) = found else {
            report(key, "expected \(expected), found \(found.kindDescription)")
            return fallback
        }
        guard let integer = number.intValue ?? wholeNumber(number) else {
            report(key, "expected \(expected), found \(number.text)")
            return fallback
        }
        guard range.contains(integer) else {
            report(key, "\(number.text) is out of range; allowed: \(range.lowerBound) to \(range.upperBound)")
            return fallback
        }
        return integer
    }

    /// A seed or other unsigned 64-bit integer, read from its digits (no
    /// precision lost above 2^53).
    public func unsigned64(_ key: String, default fallback: UInt64) -> UInt64 {
        guard let found = value(key) else { return fallback }
        let expected = "an integer from 0 to \(UInt64.max)"
        guard case .number(let number) = found, let integer = number.uint64Value else {
            report(key, "expected \(expected), found \(found.kindDescription)")
            return fallback
        }
        return integer
    }

    public func number(_ key: String, default fallback: Double, in range: ClosedRange<Double>) -> Double {
        guard let found = value(key) else { return fallback }
        let allowed = "\(formatDouble(range.lowerBound)) to \(formatDouble(range.upperBound))"
        guard case .number(let number) = found, let double = number.doubleValue, double.isFinite else {
            report(key, "expected a number from \(allowed), found \(found.kindDescription)")
            return fallback
        }
        guard range.contains(double) else {
            report(key, "\(number.text) is out of range; allowed: \(allowed)")
            return fallback
        }
        return double
    }

    public func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let found = value(key) else { return fallback }
        guard case .bool(let flag) = found else {
            report(key, "expected true or false, found \(found.kindDescription)")
            return fallback
        }
        return flag
    }

    /// A string that must be one of `allowed`.
    public func choice(_ key: String, default fallback: String, oneOf allowed: [String]) -> String {
        guard let found = value(key) else { return fallback }
        guard case .string(let text) = found else {
            report(key, "expected one of \(listing(allowed)), found \(found.kindDescription)")
            return fallback
        }
        guard allowed.contains(text) else {
            let hint = closestMatch(to: text, in: allowed).map { "; did you mean \"\($0)\"?" } ?? ""
            report(key, "\"\(text)\" is not allowed; allowed: \(listing(allowed))\(hint)")
            return fallback
        }
        return text
    }

    /// Free text; `validate` returns a message when the text is not acceptable.
    public func text(_ key: String, default fallback: String, validate: (String) -> String? = { _ in nil }) -> String {
        guard let found = value(key) else { return fallback }
        guard case .string(let text) = found else {
            report(key, "expected a string, found \(found.kindDescription)")
            return fallback
        }
        if let message = validate(text) {
            report(key, message)
            return fallback
        }
        return text
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

    /// A categorical distribution written as `{ "name": share, ... }`: names
    /// in file order, shares in [0, 1] summing to 1 within 0.001 (users of
    /// the shares divide by their sum).
    public func shares(_ key: String, default fallback: [(name: String, share: Double)]) -> [(name: String, share: Double)] {
        guard let found = value(key) else { return fallback }
        let at = keyPath(path, key)
        guard case .object(let table) = found, !table.entries.isEmpty else {
            report(key, "expected a non-empty object of name: share pairs, e.g. {\"a\": 0.6, \"b\": 0.4}, found \(found.kindDescription)")
            return fallback
        }
        var result: [(name: String, share: Double)] = []
        var valid = true
        for (name, entry) in table.entries {
            guard case .number(let number) = entry, let share = number.doubleValue, (0...1).contains(share) else {
                diagnostics.report(keyPath(at, name), "expected a share from 0 to 1, found \(entry.kindDescription)")
                valid = false
                continue
            }
            if name.isEmpty || name.count > 64 || name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                diagnostics.report(at, "names must have 1 to 64 characters and no control characters (line breaks, tabs)")
                valid = false
            }
            result.append((name, share))
        }
        guard valid else { return fallback }
        let total = result.reduce(0) { $0 + $1.share }
        guard abs(total - 1) <= 0.001 else {
            report(key, "shares sum to \(formatDouble(total)); they must sum to 1")
            return fallback
        }
        return result
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

    private func wholeNumber(_ number: JSONNumber) -> Int? {
        // Accept 1e3 or 100.0 as integers when exact.
        guard let double = number.doubleValue, double.rounded() == double, abs(double) < 9.0e15 else { return nil }
        return Int(double)
    }

    private func uniqueInOrder(_ keys: [String]) -> [String] {
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }
}
