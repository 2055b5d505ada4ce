import AgentEngine

/// The tables of a comparison folder, read whole (they are small):
/// `comparison.csv` (each outcome at each tick for each scenario: mean,
/// difference from the reference, paired and unpaired 95 % intervals) and
/// `cost_effectiveness.csv` (public spending, an effect and euros per unit
/// of effect, each with its interval). Columns are found by name; a
/// missing one is an error naming the file.
enum ComparisonTables {
    struct Outcome {
        let outcome: String
        let tick: Int
        let scenario: String
        let replicates: Double
        let mean: Double
        let difference: Double
        let paired: (Double, Double)
        let unpaired: (Double, Double)
    }

    struct Cost {
        let scenario: String
        let measure: String
        let unit: String
        let spending: (Double, Double, Double)
        let effect: (Double, Double, Double)
        let eurPerUnit: (Double, Double, Double)
    }

    /// The columns read, by name, from the tables' own declarations (in
    /// their declared order; the extra-spending columns are not shown).
    static let outcomeColumns = ComparisonRow.columns.specs.map(\.name)
    static let costColumns = CostEffectivenessRow.columns.specs.map(\.name).filter { !$0.hasPrefix("extra_public_spending") }

    static func outcomes(_ path: String) throws(CLIError) -> [Outcome] {
        let table = try TableFile(path)
        let c = try columns(outcomeColumns, of: table)
        var rows: [Outcome] = []
        while try table.next() {
            guard let tick = try table.number(c[1]), tick >= 0, tick <= Double(SeriesSummary.tickLimit), tick == tick.rounded() else {
                throw .usage("\(path): line \(table.line): tick \"\(table.text(c[1]))\" is not a whole number from 0 to \(SeriesSummary.tickLimit)")
            }
            rows.append(Outcome(outcome: table.text(c[0]), tick: Int(tick), scenario: table.text(c[2]), replicates: try table.value(c[3]),
                                mean: try table.value(c[4]), difference: try table.value(c[5]),
                                paired: (try table.value(c[6]), try table.value(c[7])), unpaired: (try table.value(c[8]), try table.value(c[9]))))
        }
        return rows
    }

    static func costs(_ path: String) throws(CLIError) -> [Cost] {
        let table = try TableFile(path)
        let c = try columns(costColumns, of: table)
        var rows: [Cost] = []
        while try table.next() {
            rows.append(Cost(scenario: table.text(c[0]), measure: table.text(c[4]), unit: table.text(c[5]),
                             spending: (try table.value(c[1]), try table.value(c[2]), try table.value(c[3])),
                             effect: (try table.value(c[6]), try table.value(c[7]), try table.value(c[8])),
                             eurPerUnit: (try table.value(c[9]), try table.value(c[10]), try table.value(c[11]))))
        }
        return rows
    }

    private static func columns(_ names: [String], of table: TableFile) throws(CLIError) -> [Int] {
        var indices: [Int] = []
        for name in names { indices.append(try table.require(name)) }
        return indices
    }
}
