import AgentEngine

/// A panel of individual firms written to `firms.csv`: every `every` ticks
/// (tick 0 included), the state of the same `sample` firms, chosen
/// uniformly at random from the master seed alone, so every replicate
/// follows the same firm ids.
public struct PanelOptions: Sendable, Equatable {
    public var every: Int
    public var sample: Int

    public init(every: Int, sample: Int) {
        self.every = every
        self.sample = sample
    }

    /// The firm ids followed (sorted).
    public func firms(_ scenario: Scenario) -> [Int] {
        var generator = RandomStreams(seed: scenario.seed, replicate: 0).generator(RandomPurpose("panel.sample"))
        return SMEModel.sample(Swift.min(self.sample, scenario.firms.count), from: scenario.firms.count, using: &generator)
    }

    public static let columns: [ColumnSpec] = [
        ColumnSpec("firm", .integer, "Firm id (a place in the population; an entrant takes the id of the firm it replaced)."),
        ColumnSpec("sector", .string, "Sub-sector."),
        ColumnSpec("province", .string, "Province (locality)."),
        ColumnSpec("employees", .integer, unit: "employees", "Size."),
        ColumnSpec("born_tick", .integer, unit: "tick", "Tick the firm entered (0: the initial population)."),
        ColumnSpec("alive", .boolean, "1 while the firm trades."),
        ColumnSpec("member", .boolean, "1 while the firm is a platform member."),
        ColumnSpec("joined_tick", .integer, unit: "tick", "Tick the firm last joined the platform; -1 never joined, -2 joined and left."),
        ColumnSpec("relationship", .number, unit: "index 0-1", "Relationship dimension."),
        ColumnSpec("technology", .number, unit: "index 0-1", "Technology dimension."),
        ColumnSpec("financial", .number, unit: "index 0-1", "Financial dimension."),
        ColumnSpec("sustainability", .number, unit: "index 0-1", "Sustainability dimension."),
        ColumnSpec("revenue_local", .number, unit: "EUR/month", "Sales in the firm's own province this tick."),
        ColumnSpec("revenue_online", .number, unit: "EUR/month", "Sales through the platform this tick."),
        ColumnSpec("profit", .number, unit: "EUR/month", "Profit this tick."),
        ColumnSpec("cash", .number, unit: "EUR", "Cash at the end of the tick."),
    ]
}

extension SMESimulation {
    /// Extra tables: 0 is `alliances.csv` (the tick's alliance events), 1
    /// the panel `firms.csv` when asked for.
    public func extraRows(table: Int, tick: Int) -> [CSVRecord] {
        if table == 0 { return allianceTally.events }
        guard table == 1, let panel, tick % panel.every == 0 else { return [] }
        return panelFirms.map { i in
            var row = CSVRecord()
            row.append(i)
            row.append(text: scenario.firms.sectors[Int(population.sector[i])].name)
            row.append(text: scenario.firms.localities[Int(population.locality[i])].name)
            row.append(Int(population.employees[i]))
            row.append(Int(population.bornTick[i]))
            row.append(population.alive[i] == 1)
            row.append(population.member[i] == 1)
            row.append(Int(population.joinedTick[i]))
            guard population.hasEconomy else {
                // The adoption core alone: no dimensions, no accounts.
                for _ in 0..<8 { row.append(Double.nan) }
                return row
            }
            row.append(population.relationship[i])
            row.append(population.technology[i])
            row.append(population.financial[i])
            row.append(population.sustainability[i])
            row.append(population.revenueLocal[i])
            row.append(population.revenueOnline[i])
            row.append(population.profit[i])
            row.append(population.cash[i])
            return row
        }
    }
}
