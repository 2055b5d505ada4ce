import Foundation

/// The values one input key allows, and the check of a JSON value against
/// them.
///
/// Every check either returns the typed value or throws a `ValueProblem`
/// whose message names the allowed values. Scenario files, `--set`, sweep
/// files and swept values are all checked here, so a user sees the same
/// message for the same mistake wherever it is made.
public enum ValueDomain: Sendable, Equatable {
    case integer(ClosedRange<Int>)
    case number(ClosedRange<Double>)
    /// 0 to 2^64 − 1, read from its digits (no precision lost above 2^53).
    case unsigned64
    case boolean
    case choice([String])
    /// Free text; the string says what is allowed (for the documentation).
    case text(String)
    /// `{"name": share, ...}`: a categorical distribution.
    case shares(entries: ClosedRange<Int>)
    /// `{"name": {"share": s, "field": x, ...}, ...}`: a categorical
    /// distribution whose categories carry numeric traits (`fields`); a bare
    /// number is the share alone.
    case records(entries: ClosedRange<Int>, fields: [String])

    /// What is allowed, as the documentation and `help keys` show it.
    public var allowed: String {
        switch self {
        case .integer(let range): return "\(documentNumber(Double(range.lowerBound)))–\(documentNumber(Double(range.upperBound)))"
        case .number(let range): return "\(documentNumber(range.lowerBound))–\(documentNumber(range.upperBound))"
        case .unsigned64: return "0–2^64−1"
        case .boolean: return "true, false"
        case .choice(let names): return names.map { "`\"\($0)\"`" }.joined(separator: ", ")
        case .text(let rule): return rule
        case .shares(let entries): return "\(entries.lowerBound)–\(entries.upperBound) names, shares 0–1 summing to 1 (±0.001)"
        case .records(let entries, let fields):
            return "\(entries.lowerBound)–\(entries.upperBound) names, each a share 0–1 (shares summing to 1 ±0.001) or {\"share\": s, "
                + fields.map { "\"\($0)\"" }.joined(separator: ", ") + "} (fields below)"
        }
    }

    /// Whether a sweep may give this key a `min`/`max` range.
    public var isNumeric: Bool {
        switch self {
        case .integer, .number: return true
        default: return false
        }
    }
}

/// Why a value is not allowed; the message names the allowed values.
public struct ValueProblem: Error, Sendable, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    /// The problems were reported one entry at a time (a map's entries);
    /// nothing more to say about the whole value.
    public static let reportedEntryByEntry = ValueProblem("")
}

/// The checks behind `ValueDomain` and `ObjectReader`.
public enum ValueCheck {
    public static func integer(_ value: JSONValue, in range: ClosedRange<Int>) throws(ValueProblem) -> Int {
        let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        guard case .number(let number) = value else {
            throw ValueProblem("expected \(expected), found \(value.kindDescription)")
        }
        guard let integer = number.intValue ?? wholeNumber(number) else {
            throw ValueProblem("expected \(expected), found \(number.text)")
        }
        guard range.contains(integer) else {
            throw ValueProblem("\(number.text) is out of range; allowed: \(range.lowerBound) to \(range.upperBound)")
        }
        return integer
    }

    /// Digits are read exactly up to 2^64 − 1; `1e3` or `1000.0` as other
    /// integer keys read them, when below 2^53 (where a double is exact).
    public static func unsigned64(_ value: JSONValue) throws(ValueProblem) -> UInt64 {
        guard case .number(let number) = value,
              let integer = number.uint64Value ?? wholeNumber(number).flatMap({ $0 >= 0 ? UInt64($0) : nil }) else {
            throw ValueProblem("expected an integer from 0 to \(UInt64.max), found \(value.kindDescription)")
        }
        return integer
    }

    public static func number(_ value: JSONValue, in range: ClosedRange<Double>) throws(ValueProblem) -> Double {
        let allowed = "\(messageNumber(range.lowerBound)) to \(messageNumber(range.upperBound))"
        guard case .number(let number) = value, let double = number.doubleValue, double.isFinite else {
            throw ValueProblem("expected a number from \(allowed), found \(value.kindDescription)")
        }
        guard range.contains(double) else {
            throw ValueProblem("\(number.text) is out of range; allowed: \(allowed)")
        }
        return double
    }

    public static func boolean(_ value: JSONValue) throws(ValueProblem) -> Bool {
        guard case .bool(let flag) = value else {
            throw ValueProblem("expected true or false, found \(value.kindDescription)")
        }
        return flag
    }

    public static func choice(_ value: JSONValue, oneOf allowed: [String]) throws(ValueProblem) -> String {
        guard case .string(let text) = value else {
            throw ValueProblem("expected one of \(listing(allowed)), found \(value.kindDescription)")
        }
        guard allowed.contains(text) else {
            let hint = closestMatch(to: text, in: allowed).map { "; did you mean \"\($0)\"?" } ?? ""
            throw ValueProblem("\"\(text)\" is not allowed; allowed: \(listing(allowed))\(hint)")
        }
        return text
    }

    public static func text(_ value: JSONValue) throws(ValueProblem) -> String {
        guard case .string(let text) = value else {
            throw ValueProblem("expected a string, found \(value.kindDescription)")
        }
        return text
    }

    /// Names in document order with their shares, each in [0, 1], summing
    /// to 1 within 0.001 (users of the shares divide by their sum). Problems
    /// with single entries are reported at `path.name` through `report`.
    public static func shares(
        _ value: JSONValue, entries: ClosedRange<Int>, at path: String, report: (String, String) -> Void
    ) throws(ValueProblem) -> [NamedShare] {
        guard case .object(let table) = value, !table.entries.isEmpty else {
            throw ValueProblem("expected a non-empty object of name: share pairs, e.g. {\"a\": 0.6, \"b\": 0.4}, found \(value.kindDescription)")
        }
        var result: [NamedShare] = []
        var valid = true
        for (name, entry) in table.entries {
            guard case .number(let number) = entry, let share = number.doubleValue, (0...1).contains(share) else {
                report(keyPath(path, name), "expected a share from 0 to 1, found \(entry.kindDescription)")
                valid = false
                continue
            }
            result.append(NamedShare(name, share))
        }
        valid = checkNames(result.map(\.name), at: path, report: report) && valid
        guard valid else { throw ValueProblem.reportedEntryByEntry }
        try checkDistribution(result.map(\.share), entries: entries)
        return result
    }

    /// Checks the names of a distribution's categories, which are written
    /// into CSV files: 1 to 64 characters; no control characters (C0, DEL,
    /// C1), line or paragraph separators (U+2028, U+2029) or bidirectional
    /// overrides and isolates (U+202A–202E, U+2066–2069), which would break
    /// or disguise a row; and no two names written alike once a leading
    /// `= + - @` is neutralised (`=X` is written `'=X`). Reports each
    /// problem at `path` and returns whether every name passed.
    static func checkNames(_ names: [String], at path: String, report: (String, String) -> Void) -> Bool {
        var valid = true
        for name in names where name.isEmpty || name.count > 64 || name.unicodeScalars.contains(where: isForbiddenInName) {
            report(path, "\"\(name.unicodeScalars.map { isForbiddenInName($0) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined())\": "
                + "names must have 1 to 64 characters and no control characters (line breaks, tabs), line separators or bidirectional overrides")
            valid = false
        }
        var written: [String: String] = [:]
        for name in names {
            let field = CSVRecord.escape(name)
            if let other = written[field] {
                report(path, "\"\(other)\" and \"\(name)\" would be written alike in CSV (\(field)); rename one")
                valid = false
            }
            written[field] = name
        }
        return valid
    }

    private static func isForbiddenInName(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// The checks every categorical distribution passes once its entries
    /// are read: its number of entries, and shares summing to 1 within 0.001.
    static func checkDistribution(_ shares: [Double], entries: ClosedRange<Int>) throws(ValueProblem) {
        guard entries.contains(shares.count) else {
            throw ValueProblem("has \(shares.count) entries; allowed: \(entries.lowerBound) to \(entries.upperBound)")
        }
        let total = shares.reduce(0, +)
        guard abs(total - 1) <= 0.001 else {
            throw ValueProblem("shares sum to \(messageNumber(total)); they must sum to 1")
        }
    }

    /// 1e3 or 100.0 read as integers when exact.
    private static func wholeNumber(_ number: JSONNumber) -> Int? {
        guard let double = number.doubleValue, double.rounded() == double, abs(double) < 9.0e15 else { return nil }
        return Int(double)
    }
}

/// A named category and its share of a population (`{"dairy": 0.1}`).
public struct NamedShare: Sendable, Equatable {
    public var name: String
    public var share: Double

    public init(_ name: String, _ share: Double) {
        self.name = name
        self.share = share
    }
}

/// A number in a message: 12 significant digits, so a sum of shares reads
/// 1.72, not 1.7200000000000002.
/// Whole numbers are written without a fraction (50, not 50.0).
public func messageNumber(_ value: Double) -> String {
    let rounded = significantDigits(value, 12)
    if rounded.isFinite && rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int64(rounded)) }
    return formatDouble(rounded)
}

/// `x` rounded to `digits` significant digits.
public func significantDigits(_ x: Double, _ digits: Int) -> Double {
    guard x != 0, x.isFinite else { return x }
    let scale = pow(10, Double(digits - 1) - floor(log10(abs(x))))
    let rounded = (x * scale).rounded() / scale
    return rounded.isFinite ? rounded : x
}

/// A number as the documentation shows it: whole numbers below a million
/// without a fraction, powers of ten beyond as `10^k`.
public func documentNumber(_ value: Double) -> String {
    if value.rounded() == value && abs(value) < 1e6 { return String(Int(value)) }
    let exponent = log10(abs(value)).rounded()
    if abs(value) == pow(10, exponent) { return (value < 0 ? "−" : "") + "10^\(Int(exponent))" }
    return formatDouble(value)
}
