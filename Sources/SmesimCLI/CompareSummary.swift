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
                rows.first { $0.scenario == name }.map { TextTable.cell($0.difference, $0.paired) } ?? "-"
            })
        }
        let adopters = comparison.costRows.filter { $0.measure.name == "extra_adopters" }
        lines.append(["EUR per extra adopter"] + names.dropFirst().map { name in
            adopters.first { $0.scenario == name }.map { TextTable.cell($0.eurPerUnit, $0.eurPerUnitInterval) } ?? "-"
        })
        return title + "\n" + TextTable.render(lines)
    }
}
