/// The platform's own accounts (ODD §7 "Platform", process step 7).
///
/// Income: commissions, fees, onboarding, and the logistics charges of the
/// orders members send through its network. Costs: staff, IT, matchmaking
/// and marketing (fixed, per population firm), member services (per
/// member: account management, analytics reports, training), order handling
/// (per online order), and the shared logistics network it builds and runs:
/// a fixed cost and a cost per order that falls with volume (economies of
/// scale). It prices network orders at its average cost plus a markup,
/// reinvests part of a profit in analytics, and closes after a long run of
/// negative cash — its members then fall back to their own channels.
struct PlatformState: Sendable {
    private(set) var open: Bool
    private(set) var cash: Double
    /// Quality of the sales analytics, in [0, 1].
    private(set) var analyticsQuality: Double
    private(set) var invested = 0.0
    private(set) var monthsNegative = 0
    /// Online sales and network order units last tick.
    private(set) var volume = 0.0
    private(set) var networkUnits = 0.0
    /// Price per order unit of the shared network this tick.
    private(set) var networkPrice: Double
    /// Income and costs of the last tick.
    private(set) var income = 0.0
    private(set) var costs = 0.0

    init(_ scenario: Scenario, firms: Int) {
        let platform = scenario.platform
        open = platform.enabled
        cash = platform.enabled ? platform.initialCashPerFirm * Double(firms) : 0
        analyticsQuality = platform.analyticsQuality
        let cofunding = scenario.policy[.logisticsInvestment]
        let funded = cofunding.isOn && (cofunding.start...cofunding.end).contains(1) ? cofunding.share : 0
        networkPrice = Self.price(platform, units: 0, firms: firms, funded: funded)
    }

    /// The network's cost per order unit at a monthly volume of `units`:
    /// from `start` with no volume toward `floor` at scale.
    static func unitCost(_ platform: PlatformParameters, units: Double, firms: Int) -> Double {
        let half = platform.logisticsHalfOrdersPerFirm * Double(firms)
        return platform.logisticsFloor + (platform.logisticsStart - platform.logisticsFloor) * half / (half + units)
    }

    /// Price per order unit: the average cost at the volume the network is
    /// planned for (the half volume) or at its actual volume once larger —
    /// the part of the fixed cost the platform bears (all of it but the
    /// share `funded` public co-funding pays) spread over it — plus the
    /// markup. A new network is priced at the cost it will reach, not at
    /// the cost of its first orders (which the platform bears).
    static func price(_ platform: PlatformParameters, units: Double, firms: Int, funded: Double) -> Double {
        let planned = Swift.max(units, platform.logisticsHalfOrdersPerFirm * Double(firms))
        let fixed = platform.logisticsFixedPerFirm * Double(firms) * (1 - funded)
        return (1 + platform.logisticsMarkup) * (unitCost(platform, units: planned, firms: firms) + fixed / planned)
    }

    /// The network's fixed cost a month.
    static func networkFixedCost(_ platform: PlatformParameters, firms: Int) -> Double {
        platform.logisticsFixedPerFirm * Double(firms)
    }

    /// The network's price per order for members this tick, or nil when
    /// there is no network to use.
    func memberNetworkPrice(_ scenario: Scenario) -> Double? {
        open && scenario.platform.enabled && scenario.platform.services.sharedLogistics ? networkPrice : nil
    }

    /// Books one month. `charges` is what members paid the platform
    /// (commissions, fees, onboarding, logistics charges); `units` the order
    /// units shipped through the network; `onlineOrders` the online orders it
    /// handled; `funding` what public co-funding paid of the network's fixed
    /// cost this month, and `funded` the share it will pay next month (the
    /// network's price follows it). Returns the month's costs (reinvestment
    /// included, co-funding excluded).
    @discardableResult
    mutating func settle(charges: Double, onlineSales: Double, onlineOrders: Double, units: Double, members: Int,
                         funding: Double = 0, funded: Double = 0, scenario: Scenario, firms: Int) -> Double {
        guard open else {
            volume = 0
            networkUnits = 0
            income = 0
            costs = 0
            return 0
        }
        let platform = scenario.platform
        volume = onlineSales
        networkUnits = units
        var spent = platform.fixedCostPerFirm * Double(firms) + platform.costPerMember * Double(members)
            + platform.costPerOrder * onlineOrders
        if platform.services.sharedLogistics {
            spent += (Self.networkFixedCost(platform, firms: firms) - funding) + Self.unitCost(platform, units: units, firms: firms) * units
            networkPrice = Self.price(platform, units: units, firms: firms, funded: funded)
        }
        let profit = charges - spent
        var reinvested = 0.0
        if profit > 0 && platform.services.analytics {
            reinvested = platform.reinvestShare * profit
            invested += reinvested
            // Reinvestment closes the gap to perfect analytics with
            // diminishing returns.
            let half = platform.analyticsHalfInvestmentPerFirm * Double(firms)
            analyticsQuality = platform.analyticsQuality + (1 - platform.analyticsQuality) * invested / (invested + half)
        }
        income = charges
        costs = spent + reinvested
        cash += profit - reinvested
        monthsNegative = cash < 0 ? monthsNegative + 1 : 0
        if monthsNegative >= platform.closureMonths { open = false }
        return costs
    }
}
