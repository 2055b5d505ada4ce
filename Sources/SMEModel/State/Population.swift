import AgentEngine

/// The SME population as a struct of arrays: one column per state variable,
/// indexed by firm id 0..<count. Money is in euros per month.
public final class Population: Sendable {
    public let count: Int
    /// Whether the economy's columns (dimensions, offering, finance,
    /// strategy) exist; they are empty when the scenario runs the adoption
    /// core alone.
    public let hasEconomy: Bool

    // Identity
    /// Index into `FirmParameters.sectors`.
    public let sector: AgentColumn<UInt8>
    /// Index into `FirmParameters.localities`.
    public let locality: AgentColumn<UInt8>
    /// Employees: drawn at entry (1...maxEmployees), then following the
    /// firm's capacity (capacity / revenue per employee, at least 1).
    public let employees: AgentColumn<UInt16>

    // Platform state
    /// 1 while the firm is a platform member, written during a tick.
    public let member: AgentColumn<UInt8>
    /// `member` at the end of the previous tick; what firms read about each
    /// other, so the update is synchronous.
    public let memberPrevious: AgentColumn<UInt8>
    /// Consecutive months of negative platform margin (members).
    public let churnMonths: AgentColumn<UInt8>
    /// 1 while a member lists its products on the online market (it does
    /// when it expects the online margin to cover the effort).
    public let listed: AgentColumn<UInt8>
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
    /// price^(−elasticity), the price term of attractiveness (constant per firm).
    let priceWeight: AgentColumn<Double>
    /// Marketing reach from customer-side innovation (≥ 1).
    public let brand: AgentColumn<Double>
    /// Log of the persistent idiosyncratic demand shock.
    public let shock: AgentColumn<Double>
    /// The shock's standard deviation for this firm (larger firms are steadier).
    let shockSigma: AgentColumn<Double>

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

    // Alliances
    /// Value-chain stage strengths (production, processing, distribution,
    /// marketing), 4 values per firm, used to match partners.
    public let profile: AgentColumn<Float>
    /// Alliances the firm is in.
    public let allianceCount: AgentColumn<UInt8>
    /// Reputation as a partner, in [0, 1]: raised by planned ends, lowered
    /// by failures.
    public let reputation: AgentColumn<Double>
    /// Partnering experience, in [0, 1]: builds while the firm is in an
    /// alliance and fades after.
    public let partnering: AgentColumn<Double>
    /// How readily the firm builds ties (mean 1), drawn once.
    public let networking: AgentColumn<Double>
    /// Firm-level reintegration of an ended alliance's learning: stage 1–4
    /// (identification, consolidation, creation, adaption; 0 when idle) and
    /// the amount each stage adds to relationship and technology.
    public let reintegrationStage: AgentColumn<UInt8>
    public let reintegrationStep: AgentColumn<Double>

    /// Reach: (capacity / mean capacity)^reach_elasticity, kept up to date
    /// whenever capacity changes.
    let reach: AgentColumn<Double>
    /// The firm's weight in demand (attractiveness × reach),
    /// computed in the first pass of a tick, read in the second.
    let demandWeight: AgentColumn<Double>

    /// `economy: false` leaves the economy's columns empty: the adoption
    /// core alone reads only identity, membership and life. Columns are
    /// filled in parallel on `executor` (see `AgentColumn`).
    init(count: Int, economy: Bool, executor: ChunkedExecutor) {
        self.count = count
        self.hasEconomy = economy
        let economyCount = economy ? count : 0
        func column<Element: Sendable>(_ count: Int, _ value: Element) -> AgentColumn<Element> {
            AgentColumn(count: count, repeating: value, executor: executor)
        }
        sector = column(count, 0)
        locality = column(count, 0)
        employees = column(count, 1)
        member = column(count, 0)
        memberPrevious = column(count, 0)
        churnMonths = column(count, 0)
        listed = column(count, 0)
        joinedTick = column(count, -1)
        bornTick = column(count, 0)
        alive = column(count, 1)
        distressMonths = column(economyCount, 0)
        relationship = column(economyCount, 0)
        technology = column(economyCount, 0)
        financial = column(economyCount, 0)
        sustainability = column(economyCount, 0)
        offering = column(economyCount * Attribute.allCases.count, 0)
        price = column(economyCount, 1)
        priceWeight = column(economyCount, 1)
        brand = column(economyCount, 1)
        shock = column(economyCount, 0)
        shockSigma = column(economyCount, 0)
        capacity = column(economyCount, 0)
        variableCost = column(economyCount, 0)
        cash = column(economyCount, 0)
        revenueLocal = column(economyCount, 0)
        revenueOnline = column(economyCount, 0)
        profit = column(economyCount, 0)
        marginTrend = column(economyCount, 0)
        growthTrend = column(economyCount, 0)
        circular = column(economyCount, 0)
        strategy = column(economyCount * BuildingBlock.allCases.count, 0)
        profile = column(economyCount * 4, 0)
        allianceCount = column(economyCount, 0)
        reputation = column(economyCount, 0.5)
        partnering = column(economyCount, 0)
        networking = column(economyCount, 1)
        reintegrationStage = column(economyCount, 0)
        reintegrationStep = column(economyCount, 0)
        demandWeight = column(economyCount, 0)
        reach = column(economyCount, 1)
    }

    /// The value of dimension `d` of firm `i` (NaN without the economy).
    public func dimension(_ d: Dimension, _ i: Int) -> Double {
        guard hasEconomy else { return .nan }
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

/// The base pointers of every column of a population, taken once before a
/// parallel pass: the per-firm loop then reads and writes through plain
/// pointers held in locals, which the optimiser need not reload after every
/// store (it cannot prove a store into one column leaves another column
/// object untouched). Valid while the population lives; the same
/// disjoint-index rule as `AgentColumn` applies.
struct PopulationPointers: @unchecked Sendable {
    let sector: UnsafeMutablePointer<UInt8>
    let locality: UnsafeMutablePointer<UInt8>
    let employees: UnsafeMutablePointer<UInt16>
    let member: UnsafeMutablePointer<UInt8>
    let memberPrevious: UnsafeMutablePointer<UInt8>
    let churnMonths: UnsafeMutablePointer<UInt8>
    let listed: UnsafeMutablePointer<UInt8>
    let joinedTick: UnsafeMutablePointer<Int32>
    let bornTick: UnsafeMutablePointer<Int32>
    let alive: UnsafeMutablePointer<UInt8>
    let distressMonths: UnsafeMutablePointer<UInt8>
    let relationship: UnsafeMutablePointer<Double>
    let technology: UnsafeMutablePointer<Double>
    let financial: UnsafeMutablePointer<Double>
    let sustainability: UnsafeMutablePointer<Double>
    let offering: UnsafeMutablePointer<Double>
    let price: UnsafeMutablePointer<Double>
    let brand: UnsafeMutablePointer<Double>
    let shock: UnsafeMutablePointer<Double>
    let shockSigma: UnsafeMutablePointer<Double>
    let capacity: UnsafeMutablePointer<Double>
    let variableCost: UnsafeMutablePointer<Double>
    let cash: UnsafeMutablePointer<Double>
    let revenueLocal: UnsafeMutablePointer<Double>
    let revenueOnline: UnsafeMutablePointer<Double>
    let profit: UnsafeMutablePointer<Double>
    let marginTrend: UnsafeMutablePointer<Double>
    let growthTrend: UnsafeMutablePointer<Double>
    let circular: UnsafeMutablePointer<Double>
    let strategy: UnsafeMutablePointer<Float>
    let priceWeight: UnsafeMutablePointer<Double>
    let demandWeight: UnsafeMutablePointer<Double>
    let reach: UnsafeMutablePointer<Double>
    let profile: UnsafeMutablePointer<Float>
    let allianceCount: UnsafeMutablePointer<UInt8>
    let reputation: UnsafeMutablePointer<Double>
    let partnering: UnsafeMutablePointer<Double>
    let networking: UnsafeMutablePointer<Double>
    let reintegrationStage: UnsafeMutablePointer<UInt8>
    let reintegrationStep: UnsafeMutablePointer<Double>

    init(_ population: Population) {
        profile = population.profile.base
        allianceCount = population.allianceCount.base
        reputation = population.reputation.base
        partnering = population.partnering.base
        networking = population.networking.base
        reintegrationStage = population.reintegrationStage.base
        reintegrationStep = population.reintegrationStep.base
        sector = population.sector.base
        locality = population.locality.base
        employees = population.employees.base
        member = population.member.base
        memberPrevious = population.memberPrevious.base
        churnMonths = population.churnMonths.base
        listed = population.listed.base
        joinedTick = population.joinedTick.base
        bornTick = population.bornTick.base
        alive = population.alive.base
        distressMonths = population.distressMonths.base
        relationship = population.relationship.base
        technology = population.technology.base
        financial = population.financial.base
        sustainability = population.sustainability.base
        offering = population.offering.base
        price = population.price.base
        brand = population.brand.base
        shock = population.shock.base
        shockSigma = population.shockSigma.base
        capacity = population.capacity.base
        variableCost = population.variableCost.base
        cash = population.cash.base
        revenueLocal = population.revenueLocal.base
        revenueOnline = population.revenueOnline.base
        profit = population.profit.base
        marginTrend = population.marginTrend.base
        growthTrend = population.growthTrend.base
        circular = population.circular.base
        strategy = population.strategy.base
        priceWeight = population.priceWeight.base
        demandWeight = population.demandWeight.base
        reach = population.reach.base
    }
}
