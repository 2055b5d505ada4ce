/// The platform's own accounts (MODEL.md §7 "Platform", process step 7):
/// revenue from commissions, fees and onboarding; fixed and per-order
/// costs; reinvestment of profit in analytics; closure after a long run of
/// negative cash, after which members lose the online channel.
struct PlatformState: Sendable {
    private(set) var open: Bool
    private(set) var cash: Double
    /// Quality of the sales analytics, in [0, 1].
    private(set) var analyticsQuality: Double
    private(set) var invested = 0.0
    private(set) var monthsNegative = 0
    /// Orders shipped through the shared network last tick (drives its cost).
    private(set) var orders = 0.0
    /// Online sales last tick.
    private(set) var volume = 0.0

    init(_ scenario: Scenario, firms: Int) {
        let platform = scenario.platform
        open = platform.enabled
        cash = platform.enabled ? platform.initialCashPerFirm * Double(firms) : 0
        analyticsQuality = platform.analyticsQuality
    }

    /// Cost of shipping online orders through the shared network, as a
    /// share of online revenue: it falls with the platform's volume
    /// (economies of scale) toward a floor.
    static func sharedLogisticsShare(_ platform: PlatformParameters, orders: Double, firms: Int) -> Double {
        let half = platform.logisticsHalfOrdersPerFirm * Double(firms)
        return platform.logisticsFloor + (platform.logisticsStart - platform.logisticsFloor) * half / (half + orders)
    }

    /// Logistics shares a member pays on its local and online revenue this
    /// tick: the shared network's for both when that service is on, its
    /// own otherwise.
    func memberLogistics(_ scenario: Scenario, firms: Int) -> (local: Double, online: Double) {
        guard scenario.platform.services.sharedLogistics else {
            return (scenario.firms.economy.localLogistics, scenario.firms.economy.ownOnlineLogistics)
        }
        let shared = Self.sharedLogisticsShare(scenario.platform, orders: orders, firms: firms)
        return (shared, shared)
    }

    /// Books one month: `income` is what members paid the platform
    /// (commissions, fees, onboarding). Returns the platform's costs.
    @discardableResult
    mutating func settle(income: Double, onlineSales: Double, networkOrders: Double, scenario: Scenario, firms: Int) -> Double {
        guard open else {
            orders = 0
            volume = 0
            return 0
        }
        let platform = scenario.platform
        orders = networkOrders
        volume = onlineSales
        let costs = platform.fixedCostPerFirm * Double(firms) + platform.costPerOrder * onlineSales / scenario.market.orderValue
        let profit = income - costs
        var reinvested = 0.0
        if profit > 0 && platform.services.analytics {
            reinvested = platform.reinvestShare * profit
            invested += reinvested
            // Reinvestment closes the gap to perfect analytics with
            // diminishing returns.
            let half = platform.analyticsHalfInvestmentPerFirm * Double(firms)
            analyticsQuality = platform.analyticsQuality + (1 - platform.analyticsQuality) * invested / (invested + half)
        }
        cash += profit - reinvested
        monthsNegative = cash < 0 ? monthsNegative + 1 : 0
        if monthsNegative >= platform.closureMonths { open = false }
        return costs + reinvested
    }
}
