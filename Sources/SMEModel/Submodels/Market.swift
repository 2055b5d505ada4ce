import Foundation

/// Demand (MODEL.md §7 "Market", process step 1): local demand per
/// province with trend and seasonality, the consumer trend drifting toward
/// its long-run target, and the platform's online consumer base.
struct MarketState: Sendable {
    /// Local demand per province at tick 0 (euros per month).
    let baseLocalDemand: [Double]
    /// Local demand per province this tick.
    private(set) var localDemand: [Double]
    /// Consumer trend over the product attributes this tick.
    private(set) var trend: [Double]
    /// Consumers reachable online through the platform.
    private(set) var consumers: Double
    /// Online demand this tick (euros per month); 0 without a working platform.
    private(set) var onlineDemand = 0.0

    init(_ scenario: Scenario, population: Population) {
        var capacityByProvince = [Double](repeating: 0, count: scenario.firms.localities.count)
        if population.hasEconomy {
            for i in 0..<population.count { capacityByProvince[Int(population.locality[i])] += population.capacity[i] }
        }
        baseLocalDemand = capacityByProvince.map { $0 * scenario.market.localDemandRatio }
        localDemand = baseLocalDemand
        trend = scenario.market.trendInitial
        consumers = scenario.market.initialConsumersPerFirm * Double(population.count)
    }

    /// Moves the market to `tick`. `members` is the catalogue size at the end
    /// of the previous tick and `platformOpen` whether members can sell online.
    mutating func advance(to tick: Int, scenario: Scenario, firms: Int, members: Int, platformOpen: Bool) {
        let market = scenario.market
        let years = Double(tick) / 12
        let season = 1 + market.seasonality * sin(2 * Double.pi * Double(tick) / 12)
        let growth = pow(1 + market.localGrowth, years)
        localDemand = baseLocalDemand.map { $0 * growth * season }
        // The trend closes a fixed share of its gap to the target each month.
        let monthly = 1 - pow(1 - market.trendSpeed, 1.0 / 12)
        for a in trend.indices { trend[a] += monthly * (market.trendTarget[a] - trend[a]) }
        // Consumer base: logistic growth toward a ceiling that rises with the
        // catalogue (a cross-side network effect).
        let population = Double(firms)
        let halfCatalogue = market.catalogueHalfShare * population
        let ceiling = market.consumersPerFirm * population * Double(members) / (Double(members) + halfCatalogue)
        if platformOpen && scenario.platform.enabled {
            // The exact one-month step of the logistic equation (it never
            // overshoots the ceiling), with the base at founding as a floor:
            // the platform's own marketing keeps that many consumers.
            let floor = market.initialConsumersPerFirm * population
            let k = Swift.max(ceiling, floor)
            let c = Swift.max(consumers, floor)
            let decay = exp(-market.consumerGrowth)
            consumers = k > 0 && c > 0 ? c * k / (c + (k - c) * decay) : floor
        }
        let selling = platformOpen && scenario.platform.enabled && scenario.platform.services.marketAccess
        onlineDemand = selling ? consumers * market.spendPerConsumer * season : 0
    }
}
