import AgentEngine
import Foundation
import SMEModel

/// The table `smesim compare` prints at the end: at the last tick, for
/// each scenario but the reference (one column each), the difference from
/// the reference with its paired 95 % interval, for the model's headline
/// outcomes and the euros of public spending per extra adopter.
struct CompareSummary {
    let comparison: Comparison

    init(_ comparison: Comparison) { self.comparison = comparison }

    var text: String {
        let names = comparison.names
        let t = comparison.lastTick
        let title = "difference from \(names[0]) at tick \(comparison.ticks[t]), mean over paired replicates [95 % interval]:"
        var lines = [["outcome"] + names.dropFirst()]
        for outcome in SMESimulation.headlineOutcomes {
            let rows = comparison.rows(outcome, tick: t)
            lines.append([outcome] + names.dropFirst().map { name in
                rows.first { $0.scenario == name }.map { Self.cell($0.difference, $0.paired) } ?? "-"
            })
        }
        let adopters = comparison.costRows.filter { $0.measure.name == "extra_adopters" }
        lines.append(["EUR per extra adopter"] + names.dropFirst().map { name in
            adopters.first { $0.scenario == name }.map { Self.cell($0.eurPerUnit, $0.eurPerUnitInterval) } ?? "-"
        })
        let widths = (0..<lines[0].count).map { column in lines.map { $0[column].count }.max() ?? 0 }
        return title + "\n" + lines.map { line in
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
        let number = { (x: Double) in String(format: abs(x) >= 1e4 ? "%.0f" : "%.4g", x) }
        return number(value) + (interval.map { " [\(number($0.low)), \(number($0.high))]" } ?? "")
    }
}
