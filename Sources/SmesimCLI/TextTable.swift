import AgentEngine
import Foundation

/// A table printed on stderr: the first column left-aligned, the others
/// right-aligned, each line indented by two spaces, columns three apart.
enum TextTable {
    static func render(_ lines: [[String]]) -> String {
        let widths = (0..<(lines.first?.count ?? 0)).map { column in lines.map { $0[column].count }.max() ?? 0 }
        return lines.map { line in
            "  " + zip(line, widths).enumerated().map { column, cell in
                column == 0 ? cell.0.padding(toLength: cell.1, withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: cell.1 - cell.0.count) + cell.0
            }.joined(separator: "   ")
        }.joined(separator: "\n")
    }

    /// "-0.0123 [-0.0151, -0.00952]", "199933 [105576, 1881620]"; "-"
    /// for a missing value.
    static func cell(_ value: Double, _ interval: ConfidenceInterval?) -> String {
        guard value.isFinite else { return "-" }
        return number(value) + (interval.map { " [\(number($0.low)), \(number($0.high))]" } ?? "")
    }

    /// Four significant digits, or a whole number from 10,000 on.
    static func number(_ x: Double) -> String {
        String(format: abs(x) >= 1e4 ? "%.0f" : "%.4g", x)
    }
}
