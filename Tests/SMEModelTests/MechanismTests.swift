import AgentEngine
import Foundation
import Testing
@testable import SMEModel

/// The submodels one at a time: each mechanism does what its documentation
/// says, and switching it off removes its effect. Rule checks on hand-made
/// inputs: they pin the documented equations (an assertion that restates
/// one is marked so), they are not findings; the findings are in
/// `PatternTests`.
@Suite struct MechanismTests {
    let learning = LearningParameters()

    /// A firm chooses the use of a tool that maximises value · u − cost · u²:
    /// more with more revenue and capability, never above full use, none of
    /// the platform's tools without membership or when the platform does not
    /// offer them.
    @Test func toolsAreUsedByChoice() {
        let economy = FirmEconomy()
        func stake(_ revenue: Double) -> Double { ServiceUse.stake(revenue: revenue, variableCost: 0.6, economy: economy) }
        #expect(abs(stake(10_000) - 10_000 * (1 - 0.6 - economy.localLogistics)) < 1e-9)
        let small = ServiceUse.choose(stake: stake(10_000), technology: 0.3, analyticsOn: true, trainingOn: true,
                                      quality: 0.5, learning: learning)
        let large = ServiceUse.choose(stake: stake(100_000), technology: 0.3, analyticsOn: true, trainingOn: true,
                                      quality: 0.5, learning: learning)
        #expect(small.analytics > 0 && large.analytics > small.analytics && large.analytics <= 1)
        #expect(large.training > small.training && large.consulting > small.consulting)
        // Restates the documented rule u = min(1, V / 2C), V = value ·
        // (floor + T) · quality · stake, so a change to it is deliberate.
        let effect = learning.analytics.value * (learning.absorptiveFloor + 0.3) * 0.5
        #expect(abs(small.analytics - min(1, effect * stake(10_000) / (2 * learning.analytics.cost))) < 1e-12)
        // The tools make the firm more attractive in proportion to their use.
        #expect(large.gain > small.gain && small.gain > 0)
        // A firm without the platform's tools uses consultants only.
        let outsider = ServiceUse.consultingOnly(stake: stake(100_000), technology: 0.3, learning: learning,
                                                 halfPerCost: ServiceUse.halfPerCost(learning.consulting.cost))
        #expect(outsider.analytics == 0 && outsider.training == 0 && outsider.consulting > 0 && outsider.platformValue == 0)
        // A member whose platform offers neither tool chooses consultants as
        // an outsider does (the shortcut multiplies by 1 / 2C where `choose`
        // divides by 2C: equal up to rounding).
        let off = ServiceUse.choose(stake: stake(100_000), technology: 0.3, analyticsOn: false, trainingOn: false,
                                    quality: 0.5, learning: learning)
        #expect(off.analytics == 0 && off.training == 0)
        #expect(abs(off.consulting - outsider.consulting) <= 1e-12 && abs(off.cost - outsider.cost) <= 1e-9
                && abs(off.gain - outsider.gain) <= 1e-12)
    }

    /// Technology comes from use: with nothing used it only decays; each tool
    /// teaches in proportion to its use and weight, less near 1.
    @Test func technologyIsLearntByUse() {
        let idle = Learning.technology(0.5, use: ServiceUse(), learning: learning)
        #expect(idle < 0.5)
        var use = ServiceUse()
        use.consulting = 1
        let consulted = Learning.technology(0.5, use: use, learning: learning)
        use.analytics = 1
        use.quality = 0.8
        let both = Learning.technology(0.5, use: use, learning: learning)
        #expect(consulted > idle && both > consulted)
        #expect(Learning.technology(0.99, use: use, learning: learning) - 0.99 < both - 0.5, "absorptive capacity: little left to learn near 1")
    }

    /// Relationship capital is a stock of ties: every activity builds it, at
    /// the firm's own networking pace, and it decays without activity.
    @Test func tiesAreBuiltByActivityAndLostByNeglect() {
        let ties = RelationshipParameters()
        let idle = Relationships.update(0.4, networking: 1, localPerCapacity: 0, onlinePerCapacity: 0, alliances: 0, use: ServiceUse(), ties: ties)
        #expect(abs(idle - 0.4 * (1 - ties.decay)) < 1e-12)
        let local = Relationships.update(0.4, networking: 1, localPerCapacity: 0.8, onlinePerCapacity: 0, alliances: 0, use: ServiceUse(), ties: ties)
        let online = Relationships.update(0.4, networking: 1, localPerCapacity: 0.8, onlinePerCapacity: 0.2, alliances: 0, use: ServiceUse(), ties: ties)
        let allied = Relationships.update(0.4, networking: 1, localPerCapacity: 0.8, onlinePerCapacity: 0.2, alliances: 2, use: ServiceUse(), ties: ties)
        let keen = Relationships.update(0.4, networking: 2, localPerCapacity: 0.8, onlinePerCapacity: 0.2, alliances: 2, use: ServiceUse(), ties: ties)
        #expect(idle < local && local < online && online < allied && allied < keen)
        // A non-member with ordinary local trade settles near the initial mean.
        var r = 0.3
        for _ in 0..<1_200 {
            r = Relationships.update(r, networking: 1, localPerCapacity: 0.75, onlinePerCapacity: 0, alliances: 0, use: ServiceUse(), ties: ties)
        }
        #expect(abs(r - 0.3) < 0.05, "steady state \(r)")
    }

    /// Members choose, order by kind, the platform's network where it is
    /// cheaper than their own delivery — local orders only then.
    @Test func logisticsGoThroughTheNetworkOnlyWhereItIsCheaper() {
        let economy = FirmEconomy()
        let orderValue = 45.0
        let own = LogisticsChoice.choose(localSales: 9_000, onlineSales: 4_500, orderValue: orderValue, perOrderValue: 1 / orderValue,
                                         handling: 1, price: nil, economy: economy)
        #expect(abs(own.cost - (9_000 * economy.localLogistics + 4_500 * economy.ownOnlineLogistics)) < 1e-9)
        // A price between the own local (4.5) and online (9) cost per order:
        // online orders through the network, local ones not.
        let mid = LogisticsChoice.choose(localSales: 9_000, onlineSales: 4_500, orderValue: orderValue, perOrderValue: 1 / orderValue,
                                         handling: 1, price: 6, economy: economy)
        #expect(abs(mid.networkUnits - 100) < 1e-9 && abs(mid.saving - 100 * 3) < 1e-9)
        let cheap = LogisticsChoice.choose(localSales: 9_000, onlineSales: 4_500, orderValue: orderValue, perOrderValue: 1 / orderValue,
                                           handling: 1, price: 3, economy: economy)
        #expect(abs(cheap.networkUnits - 300) < 1e-9 && cheap.cost < mid.cost)
    }

    /// The network's cost per order falls with volume toward its floor, and
    /// its price with it once volume passes what the network is planned
    /// for (below that, the price is the planned cost: the platform bears
    /// the cost of its first orders).
    @Test func theNetworkHasEconomiesOfScale() {
        let platform = PlatformParameters()
        let planned = platform.logisticsHalfOrdersPerFirm * 1_000
        let costs = [0.0, planned, 10 * planned].map { PlatformState.unitCost(platform, units: $0, firms: 1_000) }
        #expect(costs[0] == platform.logisticsStart && costs[0] > costs[1] && costs[1] > costs[2])
        let prices = [0.0, planned / 2, planned, 4 * planned, 1_000 * planned].map { PlatformState.price(platform, units: $0, firms: 1_000, funded: 0) }
        #expect(prices[0] == prices[2] && prices[1] == prices[2])
        #expect(prices[2] > prices[3] && prices[3] > prices[4])
        #expect(abs(prices[4] - (1 + platform.logisticsMarkup) * platform.logisticsFloor) < 0.05)
        #expect(prices[0] < costs[0] * (1 + platform.logisticsMarkup), "a new network is priced below the cost of its first orders")
    }

    /// The platform pays for what it offers: a costly platform with little
    /// volume runs out of cash and closes, and its members fall back to
    /// their own channels.
    @Test func aPlatformThatCannotCoverItsCostsCloses() {
        var scenario = baselineForTests(firms: 3_000)
        scenario.horizon = 72
        scenario.platform.fixedCostPerFirm = 40
        scenario.platform.initialCashPerFirm = 50
        var model = SMESimulation(scenario: scenario, run: RunSpec(index: 0, replicate: 0, seed: 3), executor: ChunkedExecutor(threads: 2))
        var closedAt: Int?
        for tick in 1...scenario.horizon {
            model.step(tick: tick)
            if closedAt == nil && !model.platformState.open { closedAt = tick }
        }
        let closed = try? #require(closedAt, "the platform never closed")
        #expect((closed ?? 99) < 48)
        #expect(model.metrics.members == 0 && model.metrics.flows.revenueOnline == 0 && model.metrics.flows.networkUnits == 0)
    }

    /// Sub-sectors differ: a sub-sector named like a default takes its
    /// traits; wine sells better online and wastes less than bakery.
    @Test func subSectorsCarryTheirTraits() {
        let wine = Sector(name: "wine_beverages", share: 0.3), bread = Sector(name: "bakery_pastry", share: 0.7)
        let other = Sector(name: "craft_beer", share: 1)
        #expect(wine.share == 0.3 && wine.online > bread.online && wine.waste < bread.waste)
        #expect(other.online == 1 && other.waste == 1 && other.seasonality == 0)
        let scenario = Scenario.default
        func waste(_ sector: Sector, offered: Bool = false) -> Double {
            Inventory.month(production: 100_000, technology: 0.5, circular: 0, sectorWaste: sector.waste, offered: offered,
                            scenario: scenario).waste
        }
        #expect(waste(bread) > waste(wine))
        // Inventory management cuts a member's waste where it is worth its effort.
        #expect(waste(bread, offered: true) < waste(bread))
        // In the model: members' online sales per unit of capacity.
        var model = SMESimulation(scenario: baselineForTests(firms: 4_000), run: RunSpec(index: 0, replicate: 0, seed: 2),
                                  executor: ChunkedExecutor(threads: 2))
        for tick in 1...72 { model.step(tick: tick) }
        var online = [Double](repeating: 0, count: 6), capacity = [Double](repeating: 0, count: 6), members = [Int](repeating: 0, count: 6)
        let p = model.population
        for i in 0..<p.count where p.alive[i] == 1 && p.member[i] == 1 {
            online[Int(p.sector[i])] += p.revenueOnline[i]
            capacity[Int(p.sector[i])] += p.capacity[i]
            members[Int(p.sector[i])] += 1
        }
        #expect(members[0] >= 20 && members[1] >= 20, "\(members) members by sub-sector")
        #expect(online[1] / capacity[1] > online[0] / capacity[0], "wine \(online[1] / capacity[1]), bakery \(online[0] / capacity[0])")
    }

    /// Larger firms are steadier (the shock's spread falls with size), and
    /// demand scales with reach: a firm twice the capacity gets 2^elasticity
    /// times the demand of an otherwise equal one.
    @Test func reachAndSteadinessScaleWithSize() {
        let e = MarketParameters().reachElasticity
        #expect(abs(Trade.reach(capacity: 20, meanCapacity: 10, elasticity: e) / Trade.reach(capacity: 10, meanCapacity: 10, elasticity: e)
            - pow(2, e)) < 1e-12)
        let scenario = Scenario.default
        let population = Population.initial(scenario, streams: RandomStreams(seed: 1, replicate: 0), executor: ChunkedExecutor(threads: 1))
        var small = 0.0, large = 0.0
        for i in 0..<population.count {
            if population.employees[i] == 1 { small = population.shockSigma[i] }
            if population.employees[i] >= 20 { large = population.shockSigma[i] }
        }
        #expect(small > 0 && large > 0 && small > large)
    }
}
