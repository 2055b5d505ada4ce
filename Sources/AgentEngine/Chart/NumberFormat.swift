import Foundation

/// Numbers as a reader of a report sees them: thousands grouped with
/// commas, a fixed number of decimals or significant digits, a true minus
/// sign; the same text on every machine (no locale, no clock).
public enum NumberFormat {
    /// `value` with `decimals` decimals (0 to 12), thousands grouped:
    /// 1234567.891 → "1,234,567.89" with 2; NaN and infinities → "–".
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        let decimals = Swift.min(Swift.max(decimals, 0), 12)
        let scale = powerOfTen(decimals)
        let scaled = (Swift.abs(value) * Double(scale)).rounded()
        guard scaled < 9e15 else { return scientific(value, digits: 3) }
        let units = UInt64(scaled)
        var text = grouped(units / scale)
        if decimals > 0 {
            let fraction = String(units % scale)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return (value < 0 && units != 0 ? "\u{2212}" : "") + text
    }

    /// `value` with `digits` significant digits (at least 1), but never
    /// fewer than its whole part, and no trailing zeros after the point:
    /// 0.035908 → "0.0359", 173687.5 → "173,688", 12.345 → "12.3", 0.05 →
    /// "0.05" with 3; very small values in scientific form ("1.2e−7").
    public static func significant(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return "–" }
        guard value != 0 else { return "0" }
        let magnitude = Int((Swift.abs(value)).log10Floor)
        if magnitude < -6 { return scientific(value, digits: digits) }
        return trimmed(fixed(value, decimals: Swift.max(0, Swift.max(digits, 1) - 1 - magnitude)))
    }

    /// "0.0500" → "0.05", "2.0" → "2".
    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        return String(text.reversed().drop { $0 == "0" }.drop { $0 == "." }.reversed())
    }

    /// The decimals a step of an axis needs (0.05 → 2, 20 → 0), so every
    /// tick label of the axis has the same form.
    public static func decimals(forStep step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        for decimals in 0...12 {
            let scaled = step * Double(powerOfTen(decimals))
            if Swift.abs(scaled - scaled.rounded()) <= 1e-9 * Swift.max(1, scaled) { return decimals }
        }
        return 12
    }

    /// "1.23e-7" (mantissa with `digits` significant digits).
    static func scientific(_ value: Double, digits: Int) -> String {
        let magnitude = Int((Swift.abs(value)).log10Floor)
        var mantissa = value / pow10(magnitude)
        var exponent = magnitude
        if Swift.abs(mantissa) >= 9.9999999 { mantissa /= 10; exponent += 1 }
        return trimmed(fixed(mantissa, decimals: Swift.max(digits, 1) - 1)) + "e" + (exponent < 0 ? "\u{2212}" : "") + String(Swift.abs(exponent))
    }

    /// "1,234,567".
    static func grouped(_ whole: UInt64) -> String {
        let digits = Array(String(whole))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }

    static func powerOfTen(_ exponent: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }

    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<Swift.abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}

extension Double {
    /// ⌊log10(self)⌋ of a positive finite value, exact at powers of ten
    /// (where `log10` may land just below the integer).
    var log10Floor: Double {
        var magnitude = log10(self).rounded(.down)
        if NumberFormat.pow10(Int(magnitude) + 1) <= self { magnitude += 1 }
        if NumberFormat.pow10(Int(magnitude)) > self { magnitude -= 1 }
        return magnitude
    }
}
