import AgentEngine
import Foundation

/// Random purposes of the initial state; each has its own streams.
extension RandomPurpose {
    static let initSector = RandomPurpose("init.sector")
    static let initLocality = RandomPurpose("init.locality")
    static let initSize = RandomPurpose("init.size")
    static let initMembers = RandomPurpose("init.members")
    static let initEconomy = RandomPurpose("init.economy")
}

extension Population {
    /// Draws every firm's sector, province and size independently from the
    /// scenario's distributions, then its economy, then picks
    /// `initialMembers` firms uniformly at random as the platform's first
    /// members (none when there is no platform).
    static func initial(_ scenario: Scenario, streams: RandomStreams, executor: ChunkedExecutor) -> Population {
        let firms = scenario.firms
        let population = Population(count: firms.count, economy: scenario.economy, executor: executor)
        let sectorTable = CategoricalTable(firms.sectors.map(\.share))
        let localityTable = CategoricalTable(firms.localities.map(\.share))
        let sectorStream = streams.stream(.initSector, tick: 0)
        let localityStream = streams.stream(.initLocality, tick: 0)
        let sizeStream = streams.stream(.initSize, tick: 0)
        let sizeTable = CategoricalTable(employeeProbabilities(firms.size))
        executor.forEach(count: firms.count) { range in
            for i in range {
                population.sector[i] = UInt8(sectorTable.index(for: sectorStream.uniform(i)))
                population.locality[i] = UInt8(localityTable.index(for: localityStream.uniform(i)))
                population.employees[i] = UInt16(1 + sizeTable.index(for: sizeStream.uniform(i)))
            }
        }
        if scenario.economy {
            initializeEconomy(population, scenario: scenario, streams: streams, executor: executor)
        }
        var generator = streams.generator(.initMembers)
        let founders = scenario.platform.enabled ? scenario.adoption.initialMembers : 0
        for i in sample(founders, from: firms.count, using: &generator) {
            population.member[i] = 1
            population.joinedTick[i] = 0
        }
        population.memberPrevious.assign(from: population.member)
        return population
    }
}

/// Costs, cash, dimensions, offering, price and strategy of every firm
/// (ODD §5), each drawn from the firm's own stream.
private func initializeEconomy(_ population: Population, scenario: Scenario, streams: RandomStreams, executor: ChunkedExecutor) {
    let stream = streams.stream(.initEconomy, tick: 0)
    executor.forEach(count: population.count) { range in
        for i in range {
            var generator = stream.generator(for: i)
            population.startEconomy(i, scenario: scenario, trend: scenario.market.trendInitial, generator: &generator)
        }
    }
}

extension Population {
    /// Draws firm `i`'s costs, dimensions, offering (around `trend`), price,
    /// shock, strategy and starting cash; clears its accounts.
    func startEconomy(_ i: Int, scenario: Scenario, trend: [Double], generator: inout SplitMix64) {
        let economy = scenario.firms.economy
        let market = scenario.market
        func draw(_ spread: Spread) -> Double {
            clamp01(spread.mean + spread.spread * (2 * generator.uniform() - 1))
        }
        let sector = scenario.firms.sectors[Int(self.sector[i])]
        let capacity = Double(employees[i]) * economy.revenuePerEmployee
        self.capacity[i] = capacity
        let variable = Swift.min(0.95, Swift.max(0.05,
            sector.variableCost * (economy.variableCost.mean + economy.variableCost.spread * (2 * generator.uniform() - 1))))
        variableCost[i] = variable
        relationship[i] = draw(economy.relationship)
        technology[i] = draw(economy.technology)
        sustainability[i] = draw(economy.sustainability)
        let offering = self.offering.base + i * Attribute.allCases.count
        for a in 0..<Attribute.allCases.count {
            offering[a] = clamp01(trend[a] + economy.offeringSpread * (2 * generator.uniform() - 1))
        }
        price[i] = 1 + economy.priceSpread * (2 * generator.uniform() - 1)
        priceWeight[i] = pow(price[i], -market.priceElasticity)
        // Steadier demand for larger firms (Stanley et al. 1996); the shock
        // starts in its stationary distribution.
        let sigma = economy.shockSigma * pow(Double(employees[i]) / scenario.firms.size.medianEmployees, -economy.shockSizeExponent)
        shockSigma[i] = sigma
        shock[i] = sigma * generator.triangular()
        // Networking trait: log-normal with mean 1.
        let spread = scenario.relationships.networkingSpread
        networking[i] = exp(spread * generator.triangular() - spread * spread / 2)
        brand[i] = 1
        circular[i] = 0
        let blocks = BuildingBlock.allCases.count
        let strategy = self.strategy.base + i * blocks
        var weights = [Double](repeating: 0, count: blocks)
        for b in 0..<blocks {
            weights[b] = economy.strategy[b] * (1 + economy.strategySpread * (2 * generator.uniform() - 1))
        }
        let total = weights.reduce(0, +)
        for b in 0..<blocks { strategy[b] = Float(total > 0 ? weights[b] / total : 1 / Double(blocks)) }
        let profile = self.profile.base + i * 4
        for k in 0..<4 { profile[k] = Float(pow(generator.uniform(), scenario.alliances.profilePeakedness)) }
        allianceCount[i] = 0
        reputation[i] = 0.5
        partnering[i] = 0
        reintegrationStage[i] = 0
        reintegrationStep[i] = 0
        // Cash: some months of the costs expected at the average demand,
        // drawn around the mean; a firm drawn below zero starts in distress,
        // as a firm of a going economy might be.
        let revenue = capacity * market.localDemandRatio
        let monthlyCosts = Finance.fixedCosts(capacity: capacity, economy: economy)
            + revenue * (variable * (1 + economy.waste * sector.waste) + economy.localLogistics * sector.logistics)
        let months = economy.initialCashMonths + economy.initialCashSpread * (2 * generator.uniform() - 1)
        cash[i] = months * monthlyCosts
        let distressDraw = generator.index(below: Swift.max(1, economy.distressMonths - 1))
        let margin = revenue > 0 ? (revenue - monthlyCosts) / revenue : 0
        marginTrend[i] = margin
        growthTrend[i] = 0
        financial[i] = Finance.index(margin: margin, growth: 0, cash: cash[i], monthlyCosts: monthlyCosts)
        revenueLocal[i] = 0
        revenueOnline[i] = 0
        profit[i] = 0
        distressMonths[i] = cash[i] < 0 ? UInt8(Swift.min(255, 1 + distressDraw)) : 0
        churnMonths[i] = 0
    }

    /// A new firm takes exited firm `i`'s place: sector, province and size
    /// drawn as at initialization, the rest by `startEconomy`. Returns its
    /// starting cash (money from outside the model).
    func enter(_ i: Int, tick: Int, scenario: Scenario, trend: [Double], sizes: CategoricalTable,
               sectors: CategoricalTable, localities: CategoricalTable, generator: inout SplitMix64) -> Double {
        sector[i] = UInt8(sectors.index(for: generator.uniform()))
        locality[i] = UInt8(localities.index(for: generator.uniform()))
        employees[i] = UInt16(1 + sizes.index(for: generator.uniform()))
        startEconomy(i, scenario: scenario, trend: trend, generator: &generator)
        member[i] = 0
        alive[i] = 1
        joinedTick[i] = -1
        bornTick[i] = Int32(tick)
        return cash[i]
    }
}

/// `k` distinct integers from 0..<n, uniformly (Floyd's algorithm), sorted.
func sample(_ k: Int, from n: Int, using generator: inout SplitMix64) -> [Int] {
    guard k > 0 else { return [] }
    if k >= n { return Array(0..<n) }
    var chosen = Set<Int>(minimumCapacity: k)
    for j in (n - k)..<n {
        let t = generator.index(below: j + 1)
        if !chosen.insert(t).inserted { chosen.insert(j) }
    }
    return chosen.sorted()
}

/// P(employees = k) for k = 1...maxEmployees when employees is a
/// log-normal draw rounded to the nearest whole number and clamped to that
/// range: the distribution is tabulated once, so each firm's size costs one
/// uniform and a table search instead of a logarithm, a cosine and an
/// exponential.
func employeeProbabilities(_ size: SizeDistribution) -> [Double] {
    let mu = log(size.medianEmployees)
    func below(_ x: Double) -> Double {
        // P(exp(mu + sigma Z) < x) = Phi((ln x - mu) / sigma)
        guard size.sigma > 0 else { return x > size.medianEmployees ? 1 : 0 }
        return 0.5 * erfc(-(log(x) - mu) / (size.sigma * 2.0.squareRoot()))
    }
    let top = size.maxEmployees
    return (1...top).map { k in
        let lower = k == 1 ? 0 : below(Double(k) - 0.5)
        let upper = k == top ? 1 : below(Double(k) + 0.5)
        return Swift.max(0, upper - lower)
    }
}

/// Inverse-CDF lookup for a categorical distribution.
struct CategoricalTable: Sendable {
    let cumulative: [Double]

    init(_ weights: [Double]) {
        let total = weights.reduce(0, +)
        var running = 0.0
        cumulative = weights.map { running += $0; return running / total }
    }

    /// The category of a uniform draw `u` in [0, 1): the first whose
    /// cumulative share exceeds `u` (binary search).
    func index(for u: Double) -> Int {
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if u < cumulative[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
