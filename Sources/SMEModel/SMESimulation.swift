import AgentEngine
import Foundation

/// One run of the SME–platform model: the population, its peer network,
/// the market and the platform, advanced one synchronous tick at a time in
/// the order of ODD §3.
public struct SMESimulation: SteppedModel {
    public let scenario: Scenario
    public let population: Population
    public let network: PeerNetwork?
    private let streams: RandomStreams
    private let executor: ChunkedExecutor
    private var market: MarketState
    private var platform: PlatformState
    /// Metrics of the last tick (tick 0: a census of the initial state).
    private(set) var metrics: TickMetrics
    public private(set) var joins = 0
    public private(set) var leaves = 0
    public private(set) var entries = 0
    /// Cash brought by entrants, and cash of exited firms whose place they took.
    private(set) var entryCapital = 0.0
    private(set) var writtenOff = 0.0
    private(set) var onboardingPaid = 0.0
    private(set) var switchingPaid = 0.0
    /// Exits and entries since tick 0.
    private(set) var exitsTotal = 0
    private(set) var entriesTotal = 0
    /// The public programmes' budgets and grants, and their per-firm state
    /// (only while an instrument granted to firms has a budget).
    private(set) var policy: PolicyState
    private let policyColumns: PolicyColumns?
    private var season: Double
    /// The panel written to the extra table, if any, and the firms it follows.
    let panel: PanelOptions?
    let panelFirms: [Int]

    /// Builds the initial state (tick 0) of `run`.
    public init(scenario: Scenario, run: RunSpec, executor: ChunkedExecutor, panel: PanelOptions? = nil) {
        self.scenario = scenario
        self.executor = executor
        self.panel = panel
        panelFirms = panel?.firms(scenario) ?? []
        streams = run.streams
        population = Population.initial(scenario, streams: streams, executor: executor)
        network = scenario.adoption.mode == .peers
            ? PeerNetwork.build(scenario.adoption.peers, population: population, streams: streams, executor: executor)
            : nil
        market = MarketState(scenario, population: population)
        season = MarketState.season(scenario.market, tick: 0)
        if scenario.economy {
            let reach = population.reach, capacity = population.capacity
            let mean = market.meanCapacity, elasticity = scenario.market.reachElasticity
            executor.forEach(count: population.count) { range in
                for i in range { reach[i] = Trade.reach(capacity: capacity[i], meanCapacity: mean, elasticity: elasticity) }
            }
        }
        platform = PlatformState(scenario, firms: population.count)
        policy = PolicyState(scenario.policy)
        policyColumns = scenario.economy && scenario.policy.anyFirmLeverOn
            ? PolicyColumns(count: population.count, executor: executor) : nil
        metrics = scenario.economy ? Self.census(population, executor: executor) : Self.count(population, executor: executor)
    }

    /// The bytes the tables of `runs` runs of `scenario` take, roughly
    /// and on the high side: a time-series row (about 1,200 bytes measured)
    /// a tick kept (every `every` ticks and the last), alliance events
    /// (about 0.6 bytes a firm and month at the defaults), `panelRows` rows
    /// of the panel (about 150 bytes each), and a manifest.
    public static func estimatedOutputBytes(_ scenario: Scenario, runs: Int, every: Int = 1, panelRows: Int = 0) -> Double {
        let rows = Double(scenario.horizon / Swift.max(1, every) + 2) * Double(runs)
        let alliances = scenario.economy && scenario.alliances.enabled
            ? 1.5 * Double(scenario.firms.count) * Double(scenario.horizon) * Double(runs) : 0
        return rows * timeseriesRowBytes + alliances + Double(panelRows) * 200 + 1_048_576
    }

    /// A row of `timeseries.csv`, on the high side (about 1,200 bytes measured).
    public static let timeseriesRowBytes = 1_500.0

    public var agentCount: Int { population.count }
    public var members: Int { metrics.members }
    var platformState: PlatformState { platform }
    var marketState: MarketState { market }

    public mutating func step(tick: Int) {
        snapshot()
        policy.beginTick()
        let p = marketingCofunding(tick: tick)
        guard scenario.economy else {
            guard scenario.platform.enabled else { return }
            var adoption = scenario.adoption
            adoption.p = p
            joins = Adoption.step(
                tick: tick, parameters: adoption, population: population,
                network: network, membersAtStart: metrics.members, streams: streams, executor: executor)
            metrics.members += joins
            return
        }
        let previous = Economy.Previous(
            alive: metrics.alive, members: metrics.members,
            onlineDemand: market.onlineDemand, listedWeight: memberWeight)
        // 1. Market.
        let previousSeason = season
        market.advance(to: tick, scenario: scenario, firms: population.count,
                       members: metrics.members, platformOpen: platform.open)
        season = MarketState.season(scenario.market, tick: tick)
        // 2. Adoption, and each firm's weight in demand.
        // The month's offers of the instruments granted to firms, and its
        // training places, before any firm decides.
        let policyMonth = policyColumns.map { PolicyMonth(tick: tick, state: policy, scenario: scenario, columns: $0, count: population.count) }
        if let policyMonth {
            policy.trainingCursor = policyMonth.assignTrainingPlaces(
                scenario.policy[.trainingProgramme].places, from: policy.trainingCursor, PopulationPointers(population))
        }
        let weights = Economy.passA(
            tick: tick, scenario: scenario, population: population, network: network,
            previous: previous, platform: platform, market: market, p: p, policy: policyMonth,
            streams: streams, executor: executor)
        joins = weights.joins
        leaves = weights.leaves
        onboardingPaid = weights.onboarding
        switchingPaid = weights.switching
        entries = weights.entries
        entriesTotal += entries
        entryCapital = weights.entryCapital
        writtenOff = weights.writtenOff
        memberWeight = weights.online
        // 3–6. Service use, trade, costs and cash, learning, innovation.
        let month = Economy.Month(
            tick: tick, localDemand: market.localDemand, localWeight: weights.local,
            onlineDemand: market.onlineDemand, onlineWeight: weights.online,
            onlineOpen: platform.open && scenario.platform.enabled,
            networkPrice: platform.memberNetworkPrice(scenario),
            analyticsQuality: platform.analyticsQuality, season: season, previousSeason: previousSeason,
            trend: market.trend, sectorSeason: market.sectorSeason, meanCapacity: market.meanCapacity)
        metrics = Economy.passB(month, scenario: scenario, population: population, policy: policyMonth,
                                streams: streams, executor: executor)
        exitsTotal += metrics.exits
        if let policyMonth, policyMonth.anyOpen {
            policy.settleFirmClaims(policyMonth, claims: metrics.claims, claimants: metrics.claimants,
                                    population: population, policy: scenario.policy)
        }
        // 5. Alliances (their money goes straight to the partners' cash).
        if scenario.alliances.enabled {
            allianceTally = alliances.step(
                tick: tick, scenario: scenario, population: population, searchers: metrics.searchers,
                reintegrations: metrics.reintegrations, policy: &policy, streams: streams, executor: executor)
        }
        // 7. Platform, with any public co-funding of its network.
        let flows = metrics.flows
        var funding = 0.0, funded = 0.0
        let cofunding = scenario.policy[.logisticsInvestment]
        if platform.memberNetworkPrice(scenario) != nil {
            let payment = cofunding.share * PlatformState.networkFixedCost(scenario.platform, firms: population.count)
            if policy.isOpen(.logisticsInvestment, tick: tick, scenario.policy) {
                funding = policy.pay(.logisticsInvestment, payment)
            }
            // Next month's price counts on co-funding only if it can be paid.
            funded = policy.canPay(.logisticsInvestment, payment, tick: tick + 1, scenario.policy) ? cofunding.share : 0
        }
        platform.settle(
            charges: flows.commissions + flows.fees + weights.onboarding + flows.logisticsCharges, onlineSales: flows.revenueOnline, onlineOrders: flows.onlineOrders,
            units: flows.networkUnits, members: metrics.members, funding: funding, funded: funded, scenario: scenario, firms: population.count)
    }

    /// Adoption's external influence this tick: p, raised by public
    /// co-funding of the platform's marketing while it runs (paid a month at
    /// a time, in full or not at all).
    private mutating func marketingCofunding(tick: Int) -> Double {
        let lever = scenario.policy[.marketingCofunding]
        guard scenario.platform.enabled, platform.open, policy.isOpen(.marketingCofunding, tick: tick, scenario.policy) else {
            return scenario.adoption.p
        }
        let firms = Double(population.count)
        let paid = policy.pay(.marketingCofunding, lever.amountPerFirm * firms)
        return scenario.adoption.p + lever.influencePerEuro * paid / firms
    }

    private var memberWeight = 0.0
    /// Alliances and what they did in the last tick.
    private(set) var alliances = AllianceSystem()
    private(set) var allianceTally = AllianceSystem.Tally()

    private func snapshot() {
        guard network != nil else { return }
        let current = population.member, previous = population.memberPrevious
        executor.forEach(count: population.count) { range in
            (previous.base + range.lowerBound).update(from: current.base + range.lowerBound, count: range.count)
        }
    }

    /// Living firms and members, for the adoption core alone.
    static func count(_ population: Population, executor: ChunkedExecutor) -> TickMetrics {
        var metrics = TickMetrics()
        metrics.alive = population.count
        metrics.cohortAlive = population.count
        metrics.members = population.memberCount(executor: executor)
        return metrics
    }

    /// Counts and dimension distributions of the living firms, without trade.
    static func census(_ population: Population, executor: ChunkedExecutor) -> TickMetrics {
        executor.reduce(count: population.count, into: TickMetrics(), { range in
            var m = TickMetrics()
            let histogram = DimensionHistogram()
            var alive = SizeCounts()
            for i in range where population.alive[i] == 1 {
                let isMember = population.member[i] == 1
                m.alive += 1
                m.cohortAlive += 1
                m.cash += population.cash[i]
                alive.add(Int(population.employees[i]))
                m.employees += Int(population.employees[i])
                if isMember {
                    m.members += 1
                    m.addOnlineRevenue(population.revenueOnline[i])
                }
                m.addDimensions(
                    SIMD4(population.relationship[i], population.technology[i], population.financial[i], population.sustainability[i]),
                    member: isMember, histogram: histogram.counts)
            }
            m.aliveBySize = alive.vector
            m.dimensionHistogram = histogram.array
            return m
        }, TickMetrics.absorb)
    }
}
