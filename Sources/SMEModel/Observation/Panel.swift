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

    /// The columns of `firms.csv` (after the experiment's identity columns
    /// and the tick).
    public static var columns: [ColumnSpec] { table.specs }

    /// Each column with how it is read from a firm of a run.
    static let table = ColumnTable<PanelRow>([
        .integer("firm", "Firm id (a place in the population; an entrant takes the id of the firm it replaced).") { $0.firm },
        .text("sector", "Sub-sector.") { $0.scenario.firms.sectors[Int($0.population.sector[$0.firm])].name },
        .text("province", "Province (locality).") { $0.scenario.firms.localities[Int($0.population.locality[$0.firm])].name },
        .integer("employees", unit: "employees", "Size.") { Int($0.population.employees[$0.firm]) },
        .integer("born_tick", unit: "tick", "Tick the firm entered (0: the initial population).") { Int($0.population.bornTick[$0.firm]) },
        .boolean("alive", "1 while the firm trades.") { $0.population.alive[$0.firm] == 1 },
        .boolean("member", "1 while the firm is a platform member.") { $0.population.member[$0.firm] == 1 },
        .integer("joined_tick", unit: "tick", "Tick the firm last joined the platform; -1 never joined, -2 joined and left.") {
            Int($0.population.joinedTick[$0.firm])
        },
        // The adoption core alone has no dimensions and no accounts: missing.
        .number("relationship", unit: "index 0-1", "Relationship dimension.") { $0.economy { p, i in p.relationship[i] } },
        .number("technology", unit: "index 0-1", "Technology dimension.") { $0.economy { p, i in p.technology[i] } },
        .number("financial", unit: "index 0-1", "Financial dimension.") { $0.economy { p, i in p.financial[i] } },
        .number("sustainability", unit: "index 0-1", "Sustainability dimension.") { $0.economy { p, i in p.sustainability[i] } },
        .number("revenue_local", unit: "EUR/month", "Sales in the firm's own province this tick.") { $0.economy { p, i in p.revenueLocal[i] } },
        .number("revenue_online", unit: "EUR/month", "Sales through the platform this tick.") { $0.economy { p, i in p.revenueOnline[i] } },
        .number("profit", unit: "EUR/month", "Profit this tick.") { $0.economy { p, i in p.profit[i] } },
        .number("cash", unit: "EUR", "Cash at the end of the tick.") { $0.economy { p, i in p.cash[i] } },
    ])
}

/// One firm of a run, as a row of the panel.
struct PanelRow {
    let scenario: Scenario
    let population: Population
    let firm: Int

    /// A value of the economy's columns; missing without the economy.
    func economy(_ read: (Population, Int) -> Double) -> Double {
        population.hasEconomy ? read(population, firm) : .nan
    }
}

extension SMESimulation {
    /// Extra tables: 0 is `alliances.csv` (the tick's alliance events), 1
    /// the panel `firms.csv` when asked for.
    public func extraRows(table: Int, tick: Int) -> [CSVRecord] {
        if table == 0 { return allianceTally.events }
        guard table == 1, let panel, tick % panel.every == 0 else { return [] }
        return panelFirms.map { PanelOptions.table.record(PanelRow(scenario: scenario, population: population, firm: $0)) }
    }
}
