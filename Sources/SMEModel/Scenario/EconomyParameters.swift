/// The seven building blocks of a business model (Lindgren, seed 003), in
/// output order.
public enum BuildingBlock: Int, CaseIterable, Sendable {
    case valueProposition, customers, valueChain, competences, network, relations, valueFormula

    public var key: String {
        ["value_proposition", "customers", "value_chain", "competences", "network", "relations", "value_formula"][rawValue]
    }
}

/// The four business-model dimensions (seed 002's four findings), in output order.
public enum Dimension: Int, CaseIterable, Sendable {
    case relationship, technology, financial, sustainability

    public var key: String { ["relationship", "technology", "financial", "sustainability"][rawValue] }
}

/// The product attributes demand rewards (ODD §2 "offering").
public enum Attribute: Int, CaseIterable, Sendable {
    case traditional, sustainable, healthy, novel

    public var key: String { ["traditional", "sustainable", "healthy", "novel"][rawValue] }
}

/// A mean and a spread for a per-firm draw (uniform on mean ± spread, clamped).
public struct Spread: Sendable, Equatable {
    public var mean: Double
    public var spread: Double

    public init(_ mean: Double, _ spread: Double) {
        self.mean = mean
        self.spread = spread
    }
}

/// Costs, capacity and starting position of firms (ODD §2, §5).
public struct FirmEconomy: Sendable, Equatable {
    /// Output a firm can sell per employee and month, at its price.
    public var revenuePerEmployee = 9_000.0
    /// Variable production cost as a share of revenue.
    public var variableCost = Spread(0.62, 0.06)
    /// Fixed cost per month as a share of monthly capacity.
    public var fixedCost = 0.14
    /// Overhead every firm pays a month whatever its size (accountant,
    /// permits, utilities): small firms carry more of it per euro of sales.
    public var overhead = 500.0
    /// Own logistics (delivery, transport) as a share of local revenue.
    public var localLogistics = 0.10
    /// Own shipping of online orders when the platform's shared logistics is off.
    public var ownOnlineLogistics = 0.20
    /// Unsold production (waste) as a share of production cost, before
    /// inventory management and circular practices.
    public var waste = 0.05
    /// Starting cash in months of fixed plus expected variable cost: each
    /// firm's draw is uniform on mean ± spread; a firm that starts below
    /// zero starts in distress (as many months as a stationary economy
    /// would have it there, drawn uniformly).
    public var initialCashMonths = 2.0
    public var initialCashSpread = 2.15
    /// Consecutive months with negative cash after which a firm exits.
    public var distressMonths = 6
    /// Share of a month's positive profit the owners take out of the firm.
    public var payout = 0.7
    /// Largest monthly growth of capacity when demand exceeds it (hiring,
    /// equipment; fixed costs grow with it).
    public var capacityGrowth = 0.02
    /// Monthly shrinking of capacity while the firm sells less than
    /// `downsizeUtilisation` of it (staff not replaced, equipment sold).
    public var capacityDecline = 0.01
    public var downsizeUtilisation = 0.6
    /// Monthly probability that an exited firm's place is taken by a new
    /// firm (drawn like the initial ones, offering around the current trend).
    public var entryRate = 0.1
    /// Month-to-month persistence of a firm's idiosyncratic demand shock.
    public var shockPersistence = 0.9
    /// Standard deviation of the idiosyncratic demand shock (log scale), for
    /// a firm of the median size.
    public var shockSigma = 0.45
    /// The shock's standard deviation scales with (employees / median)^−this:
    /// larger firms, with more customers and products, are steadier.
    public var shockSizeExponent = 0.15
    /// Initial dimensions (each uniform on mean ± spread, in [0, 1]).
    public var relationship = Spread(0.30, 0.15)
    public var technology = Spread(0.25, 0.15)
    public var sustainability = Spread(0.30, 0.15)
    /// Mean strategy weights over the seven building blocks; each firm's own
    /// weights are these perturbed by ±`strategySpread` (relative) and renormalised.
    public var strategy: [Double] = [0.28, 0.23, 0.17, 0.10, 0.08, 0.08, 0.06]
    public var strategySpread = 0.3
    /// Offering: each attribute uniform on the initial trend ± this.
    public var offeringSpread = 0.25
    /// Relative price: uniform on 1 ± this.
    public var priceSpread = 0.1

    public init() {}
}

/// Demand (ODD §2 "Market", §7 "Trade").
public struct MarketParameters: Sendable, Equatable {
    /// Local demand as a share of the population's initial capacity.
    public var localDemandRatio = 0.75
    /// Yearly growth of local demand (negative: a declining local market).
    public var localGrowth = 0.0
    /// Amplitude of the yearly seasonal cycle of all demand, and the month
    /// of the year (1–12; tick 1 is January) when it peaks.
    public var seasonality = 0.10
    public var seasonalityPeakMonth = 12.0
    /// Consumer trend: initial and long-run attribute weights, and the yearly
    /// rate at which the trend moves toward the long run.
    public var trendInitial: [Double] = [0.70, 0.40, 0.50, 0.40]
    public var trendTarget: [Double] = [0.50, 0.80, 0.80, 0.55]
    public var trendSpeed = 0.08
    /// A firm's reach (outlets, shelf space, customers) grows with its
    /// capacity: demand is shared in proportion to attractiveness ×
    /// (capacity / mean capacity)^this.
    public var reachElasticity = 0.8
    /// Attractiveness A = fit^alpha · (1 + beta·sustainability) · brand · shock / price^epsilon.
    public var fitExponent = 2.0
    public var sustainabilityPremium = 0.5
    public var priceElasticity = 1.5
    /// Online market: consumers reachable per firm of the population at
    /// saturation, monthly spend per consumer, initial consumers per firm,
    /// monthly growth rate of the consumer base.
    public var consumersPerFirm = 60.0
    public var spendPerConsumer = 40.0
    public var initialConsumersPerFirm = 1.0
    public var consumerGrowth = 0.06
    /// Catalogue size (as a share of the population) at which the consumer
    /// base reaches half its saturation (cross-side network effect).
    public var catalogueHalfShare = 0.04
    /// Average order value, to turn sales into orders.
    public var orderValue = 45.0
    /// Online buyers pay retail prices: online revenue per unit of output
    /// exceeds the local (largely wholesale) price by this share.
    public var onlinePricePremium = 0.25
    /// Visibility of a member's listing: base + per unit of technology.
    public var visibilityBase = 0.5
    public var visibilityTechnology = 1.0

    public init() {}
}

/// The platform's services, each can be switched off for ablation.
public struct PlatformServices: Sendable, Equatable {
    public var marketAccess = true
    public var analytics = true
    public var sharedLogistics = true
    public var inventoryManagement = true
    public var training = true

    public init(marketAccess: Bool = true, analytics: Bool = true, sharedLogistics: Bool = true,
                inventoryManagement: Bool = true, training: Bool = true) {
        self.marketAccess = marketAccess
        self.analytics = analytics
        self.sharedLogistics = sharedLogistics
        self.inventoryManagement = inventoryManagement
        self.training = training
    }
}

/// The platform (ODD §2 "Platform", §7 "Platform").
public struct PlatformParameters: Sendable, Equatable {
    /// false: no platform at all (the counterfactual).
    public var enabled = true
    public var services = PlatformServices()
    /// Commission on online sales.
    public var commission = 0.12
    /// Monthly membership fee.
    public var monthlyFee = 50.0
    /// One-off onboarding cost paid by a joining firm.
    public var onboardingCost = 600.0
    /// A member's own monthly cost of running the online channel (staff
    /// time for listings, packing and customer messages).
    public var memberEffort = 400.0
    /// Curation: minimum sustainability a firm needs to be admitted.
    public var curationMinSustainability = 0.15
    /// The shared logistics network the platform builds and runs: its fixed
    /// cost a month (per population firm), its cost per order with no volume
    /// and at full scale, the monthly orders per population firm at which
    /// that cost is halfway down (economies of scale), and the markup of the
    /// price per order it charges members over its average cost.
    public var logisticsFixedPerFirm = 0.5
    public var logisticsStart = 9.0
    public var logisticsFloor = 4.0
    public var logisticsHalfOrdersPerFirm = 10.0
    public var logisticsMarkup = 0.1
    /// Inventory management: largest relative cut of waste, and the part of
    /// that cut that depends on the member's technology.
    public var inventoryWasteCut = 0.4
    public var inventoryTechnologyWeight = 0.5
    /// A member's own monthly effort of keeping the inventory system up to
    /// date; it uses the system only when the waste it avoids is worth more.
    public var inventoryEffort = 200.0
    /// Analytics quality at founding and its ceiling through reinvestment.
    public var analyticsQuality = 0.5
    /// Platform costs: fixed (staff, IT, matchmaking, marketing) per
    /// population firm and month, per member and month (account management,
    /// analytics reports, training delivery), and per online order (payment,
    /// customer service).
    public var fixedCostPerFirm = 2.0
    public var costPerMember = 25.0
    public var costPerOrder = 4.0
    /// Starting cash per population firm.
    public var initialCashPerFirm = 200.0
    /// Share of a monthly profit reinvested in analytics.
    public var reinvestShare = 0.2
    /// Reinvested euros per population firm that close half the gap to
    /// perfect analytics.
    public var analyticsHalfInvestmentPerFirm = 100.0
    /// Consecutive months of negative cash after which the platform closes.
    public var closureMonths = 12

    public init() {}
}

/// Behavioural adoption filters (ODD §7 "Adoption").
public struct BehaviouralAdoption: Sendable, Equatable {
    /// Minimum technology to be ready to join.
    public var readiness = 0.15
    /// Months over which the onboarding cost is amortised when judging benefit.
    public var paybackMonths = 24.0
    /// Noise (relative standard deviation) of a non-member's estimate of
    /// its online revenue.
    public var perceptionNoise = 0.5
    /// Consecutive months of negative platform margin after which a member leaves.
    public var churnMonths = 6
    /// One-off cost of leaving.
    public var switchingCost = 300.0
    /// Weight a firm gives the alliances matchmaking might bring when it
    /// weighs joining (an uncertain, distant prospect).
    public var matchmakingWeight = 0.25

    public init() {}
}

/// Business model innovation (ODD §7 "Business model innovation").
public struct InnovationParameters: Sendable, Equatable {
    /// Monthly probability of starting an initiative for a firm with full
    /// slack and no knowledge inflow.
    public var baseRate = 0.04
    /// Initiative cost as a share of monthly capacity.
    public var cost = 0.25
    /// How much each source of knowledge the firm uses raises the start
    /// rate: analytics (× the platform's analytics quality), training and
    /// consultants, each at full use.
    public var knowledgeAnalytics = 1.0
    public var knowledgeTraining = 0.5
    public var knowledgeConsulting = 0.5
    /// Success probability: base + weights on technology, relationship and
    /// analytics used.
    public var successBase = 0.25
    public var successTechnology = 0.30
    public var successRelationship = 0.15
    public var successAnalytics = 0.20
    /// How much the analytics a firm uses tilts its strategy toward value
    /// proposition and customers, relationship capital toward network and
    /// relations, and partnering experience toward network and relations.
    public var analyticsTilt = 0.5
    public var relationsTilt = 0.5
    public var partnerTilt = 1.0
    /// Months over which partnering experience fades once a firm has no
    /// alliance (it builds up over a year in one).
    public var partnerMemoryMonths = 24.0
    /// Step toward the perceived trend on a value-proposition success.
    public var offeringStep = 0.3
    /// Noise of a firm's view of the consumer trend without analytics.
    public var trendNoise = 0.3
    /// Gains on success.
    public var technologyGain = 0.05
    public var relationshipGain = 0.05
    public var sustainabilityGain = 0.06
    public var costCut = 0.02
    public var brandGain = 0.05
    /// Added probability that an initiative is a sustainability project,
    /// per unit of training used (knowledge of circular practices, local
    /// sourcing).
    public var trainingSustainability = 0.2
    /// Circular practices: waste cut per sustainability success, and ceiling.
    public var circularGain = 0.1
    public var circularMax = 0.6

    public init() {}
}
