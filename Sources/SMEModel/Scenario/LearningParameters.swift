/// Technology learnt by use (ODD §4 "Learning"): each month a firm
/// decides how intensely to use each tool it has — the platform's
/// analytics and training (members), consultants and its own digital
/// investment (anyone, at a price) — weighing the value it expects against
/// the effort or money, and learns from what it uses at a rate limited by
/// its absorptive capacity.
public struct LearningParameters: Sendable, Equatable {
    /// Monthly technology gained at full use of a tool of weight 1, before
    /// absorptive capacity (rate · (floor + T) · (1 − T) · use).
    public var rate = 0.015
    public var absorptiveFloor = 0.2
    /// Monthly obsolescence of technology.
    public var decay = 0.002
    /// Each tool: the value a firm expects from full use, as a share of its
    /// monthly revenue (scaled by (floor + T), and by the platform's
    /// analytics quality for analytics), and the cost of full use in staff
    /// time or fees, euros a month (a use u costs cost · u²); training and
    /// consultants teach at `weight` of analytics' rate.
    public var analytics = Tool(value: 0.05, cost: 300, weight: 1)
    public var training = Tool(value: 0.03, cost: 250, weight: 0.75)
    public var consulting = Tool(value: 0.02, cost: 800, weight: 0.5)

    public init() {}

    public struct Tool: Sendable, Equatable {
        public var value: Double
        public var cost: Double
        public var weight: Double

        public init(value: Double, cost: Double, weight: Double) {
            self.value = value
            self.cost = cost
            self.weight = weight
        }
    }
}

/// Relationship capital as a stock of real ties (ODD §7 "Alliances";
/// seed 002 §4.1): built each month by activity — local trade with
/// suppliers, farmers and shops, repeat online customers, alliance
/// partners, expert networks met at the platform's events or through trade
/// associations and consultants — and lost by neglect. Each firm builds ties
/// at its own pace (a networking trait drawn once).
public struct RelationshipParameters: Sendable, Equatable {
    /// Ties built a month per unit of local sales / capacity.
    public var local = 0.0055
    /// Per unit of online sales / capacity (repeat online customers).
    public var onlineCustomers = 0.03
    /// Per active alliance.
    public var partners = 0.01
    /// Per unit of training and events used (members).
    public var events = 0.01
    /// Per unit of consultants and trade associations used (anyone).
    public var associations = 0.005
    /// Share of ties lost a month without activity.
    public var decay = 0.01
    /// Standard deviation of the log networking trait (mean 1).
    public var networkingSpread = 0.5

    public init() {}
}
