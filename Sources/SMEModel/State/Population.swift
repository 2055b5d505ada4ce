import AgentEngine

/// The SME population as a struct of arrays: one column per state variable,
/// indexed by firm id 0..<count. Money is in euros per month.
public final class Population: Sendable {
    public let count: Int

    // Identity
    /// Index into `FirmParameters.sectors`.
    public let sector: AgentColumn<UInt8>
    /// Index into `FirmParameters.localities`.
    public let locality: AgentColumn<UInt8>
    /// Employees, 1...maxEmployees.
    public let employees: AgentColumn<UInt16>

    // Platform state
    /// 1 while the firm is a platform member, written during a tick.
    public let member: AgentColumn<UInt8>
    /// `member` at the end of the previous tick; what firms read about each
    /// other, so the update is synchronous.
    public let memberPrevious: AgentColumn<UInt8>
    /// Consecutive months of negative platform margin (members).
    public let churnMonths: AgentColumn<UInt8>
    /// Tick the firm last joined the platform; -1 if it never joined, -2
    /// once it has left.
    public let joinedTick: AgentColumn<Int32>
    /// Tick the firm entered (0 for the initial population).
    public let bornTick: AgentColumn<Int32>

    // Life
    /// 1 while the firm trades; 0 once it has exited.
    public let alive: AgentColumn<UInt8>
    /// Consecutive months with negative cash.
    public let distressMonths: AgentColumn<UInt8>

    // The four business-model dimensions, each in [0, 1].
    public let relationship: AgentColumn<Double>
    public let technology: AgentColumn<Double>
    public let financial: AgentColumn<Double>
    public let sustainability: AgentColumn<Double>

    // Offering: position in attribute space, 4 values per firm.
    public let offering: AgentColumn<Double>
    /// Relative price (1 = regional average).
    public let price: AgentColumn<Double>
    /// Marketing reach from customer-side innovation (≥ 1).
    public let brand: AgentColumn<Double>
    /// Log of the persistent idiosyncratic demand shock.
    public let shock: AgentColumn<Double>

    // Finance
    /// Output the firm can sell per month at its price.
    public let capacity: AgentColumn<Double>
    /// Variable production cost as a share of revenue.
    public let variableCost: AgentColumn<Double>
    public let cash: AgentColumn<Double>
    public let revenueLocal: AgentColumn<Double>
    public let revenueOnline: AgentColumn<Double>
    public let profit: AgentColumn<Double>
    /// Smoothed margin and revenue growth, inputs of the financial index.
    public let marginTrend: AgentColumn<Double>
    public let growthTrend: AgentColumn<Double>
    /// Share of waste avoided by circular practices.
    public let circular: AgentColumn<Double>

    // Strategy: weights over the seven building blocks, 7 values per firm.
    public let strategy: AgentColumn<Float>

    /// Attractiveness computed in the first pass of a tick, read in the second.
    let attractiveness: AgentColumn<Double>

    init(count: Int) {
        self.count = count
        sector = AgentColumn(count: count, repeating: 0)
        locality = AgentColumn(count: count, repeating: 0)
        employees = AgentColumn(count: count, repeating: 1)
        member = AgentColumn(count: count, repeating: 0)
        memberPrevious = AgentColumn(count: count, repeating: 0)
        churnMonths = AgentColumn(count: count, repeating: 0)
        joinedTick = AgentColumn(count: count, repeating: -1)
        bornTick = AgentColumn(count: count, repeating: 0)
        alive = AgentColumn(count: count, repeating: 1)
        distressMonths = AgentColumn(count: count, repeating: 0)
        relationship = AgentColumn(count: count, repeating: 0)
        technology = AgentColumn(count: count, repeating: 0)
        financial = AgentColumn(count: count, repeating: 0)
        sustainability = AgentColumn(count: count, repeating: 0)
        offering = AgentColumn(count: count * Attribute.allCases.count, repeating: 0)
        price = AgentColumn(count: count, repeating: 1)
        brand = AgentColumn(count: count, repeating: 1)
        shock = AgentColumn(count: count, repeating: 0)
        capacity = AgentColumn(count: count, repeating: 0)
        variableCost = AgentColumn(count: count, repeating: 0)
        cash = AgentColumn(count: count, repeating: 0)
        revenueLocal = AgentColumn(count: count, repeating: 0)
        revenueOnline = AgentColumn(count: count, repeating: 0)
        profit = AgentColumn(count: count, repeating: 0)
        marginTrend = AgentColumn(count: count, repeating: 0)
        growthTrend = AgentColumn(count: count, repeating: 0)
        circular = AgentColumn(count: count, repeating: 0)
        strategy = AgentColumn(count: count * BuildingBlock.allCases.count, repeating: 0)
        attractiveness = AgentColumn(count: count, repeating: 0)
    }

    /// The value of dimension `d` of firm `i`.
    public func dimension(_ d: Dimension, _ i: Int) -> Double {
        switch d {
        case .relationship: return relationship[i]
        case .technology: return technology[i]
        case .financial: return financial[i]
        case .sustainability: return sustainability[i]
        }
    }

    /// Firms whose `member` flag is set.
    public func memberCount(executor: ChunkedExecutor) -> Int {
        let member = self.member
        return executor.reduce(count: count, 0, { range in
            var total = 0
            for i in range { total &+= Int(member.base[i]) }
            return total
        }, +)
    }
}
