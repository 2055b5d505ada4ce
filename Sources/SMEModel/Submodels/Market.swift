import Foundation

/// Demand (ODD §7 "Market", process step 1): local demand per
/// province with trend and seasonality, each sub-sector's own season, the
/// consumer trend drifting toward its long-run target, and the platform's
/// online consumer base.
struct MarketState: Sendable {
    /// Local demand per province at tick 0 (euros per month).
    let baseLocalDemand: [Double]
    /// Mean capacity of the initial population: the scale of a firm's reach.
    let meanCapacity: Double
    /// Local demand per province this tick.
    private(set) var localDemand: [Double]
    /// Each sub-sector's seasonal factor this tick.
    private(set) var sectorSeason: [Double]
    /// Consumer trend over the product attributes this tick.
    private(set) var trend: [Double]
    /// Consumers reachable online through the platform.
    private(set) var consumers: Double
    /// Online demand this tick (euros per month); 0 without a working platform.
    private(set) var onlineDemand = 0.0

    init(_ scenario: Scenario, population: Population) {
        var capacityByProvince = [Double](repeating: 0, count: scenario.firms.localities.count)
        var total = 0.0
        if population.hasEconomy {
            for i in 0..<population.count {
                capacityByProvince[Int(population.locality[i])] += population.capacity[i]
                total += population.capacity[i]
            }
        }
        baseLocalDemand = capacityByProvince.map { $0 * scenario.market.localDemandRatio }
        meanCapacity = population.count > 0 && total > 0 ? total / Double(population.count) : 1
        localDemand = baseLocalDemand
        sectorSeason = Self.sectorSeason(scenario, tick: 0)
        trend = scenario.market.trendInitial
        consumers = scenario.market.initialConsumersPerFirm * Double(population.count)
    }

    /// A yearly cycle of amplitude `amplitude` peaking in month `peak`
    /// (1–12), at `tick` (tick 1 is January).
    static func season(_ amplitude: Double, peak: Double, tick: Int) -> Double {
        1 + amplitude * cos(2 * Double.pi * (Double(tick) - peak) / 12)
    }

    static func sectorSeason(_ scenario: Scenario, tick: Int) -> [Double] {
        scenario.firms.sectors.map { season($0.seasonality, peak: $0.peakMonth, tick: tick) }
    }

    /// The season of all demand at `tick`.
    static func season(_ market: MarketParameters, tick: Int) -> Double {
        season(market.seasonality, peak: market.seasonalityPeakMonth, tick: tick)
    }

    /// Moves the market to `tick`. `members` is the catalogue size at the end
    /// of the previous tick and `platformOpen` whether members can sell online.
    mutating func advance(to tick: Int, scenario: Scenario, firms: Int, members: Int, platformOpen: Bool) {
        let market = scenario.market
        let years = Double(tick) / 12
        let season = Self.season(market, tick: tick)
        let growth = pow(1 + market.localGrowth, years)
        localDemand = baseLocalDemand.map { $0 * growth * season }
        sectorSeason = Self.sectorSeason(scenario, tick: tick)
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
