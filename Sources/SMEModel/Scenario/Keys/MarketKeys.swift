import AgentEngine

extension Scenario {
    /// `market.*`: local and online demand, the consumer trend and what
    /// makes an offering attractive (ODD §2 "Market", §7 "Trade").
    static let marketKeys: [Key] = {
        var keys: [Key] = [
            .number("market.local_demand_ratio", \.market.localDemandRatio, 0...10, unit: "share of initial capacity",
                    "Local demand in each province, relative to the initial capacity of its firms.", .calibrated("margins, spare capacity")),
            .number("market.local_growth", \.market.localGrowth, -0.5...0.5, unit: "per year",
                    "Yearly growth of local demand (negative: a declining local market).", .setting("scenario lever")),
            .number("market.seasonality", \.market.seasonality, 0...0.9, "Amplitude of the yearly cycle of all demand (sub-sectors add their own).", .illustrative()),
            .number("market.seasonality_peak_month", \.market.seasonalityPeakMonth, 1...12, unit: "month",
                    "Month of the year when all demand peaks (tick 1 is January).", .illustrative("food sales peak at Christmas (ISTAT retail trade)")),
            .number("market.reach_elasticity", \.market.reachElasticity, 0...2,
                    "A firm's reach (outlets, shelf space, customers) grows with its capacity: demand is shared in proportion to attractiveness × (capacity / mean capacity)^this.",
                    .calibrated("the mean size of living firms stays within ±20 % over ten years; exits by size")),
        ]
        for initial in [true, false] {
            for attribute in Attribute.allCases {
                keys.append(.number("market.trend.\(initial ? "initial" : "target").\(attribute.key)", trendKeyPath(initial, attribute), 0...1,
                                    unit: "weight 0–1",
                                    initial ? "Consumers' weight on the \(attribute.key) attribute at tick 0."
                                        : "Long-run consumer weight on the \(attribute.key) attribute, approached at `market.trend.speed`.",
                                    .illustrative("a consumer trend toward sustainable and healthy food")))
            }
        }
        keys += [
            .number("market.trend.speed", \.market.trendSpeed, 0...1, unit: "per year",
                    "Share of the gap between the trend and its target closed each year.", .illustrative()),
            .number("market.attractiveness.fit_exponent", \.market.fitExponent, 0...10,
                    "α: attractiveness = fit^α · (1 + β·sustainability) · brand · shock / price^ε.", .illustrative()),
            .number("market.attractiveness.sustainability_premium", \.market.sustainabilityPremium, 0...10,
                    "β: how much sustainability raises attractiveness.", .illustrative()),
            .number("market.attractiveness.price_elasticity", \.market.priceElasticity, 0...10, "ε: price elasticity of attractiveness.", .illustrative()),
            .number("market.online.consumers_per_firm", \.market.consumersPerFirm, 0...1_000_000, unit: "consumers",
                    "Consumers the platform reaches at saturation, per population firm.", .calibrated("members' online share about 17 %")),
            .number("market.online.spend_per_consumer", \.market.spendPerConsumer, 0...1_000_000, unit: "EUR/month",
                    "Monthly spend of an online consumer.", .illustrative()),
            .number("market.online.initial_consumers_per_firm", \.market.initialConsumersPerFirm, 0...1_000_000, unit: "consumers",
                    "Consumers per population firm when the platform starts.", .illustrative()),
            .number("market.online.consumer_growth", \.market.consumerGrowth, 0...1, unit: "per month",
                    "Logistic growth rate of the online consumer base.", .illustrative()),
            .number("market.online.catalogue_half_share", \.market.catalogueHalfShare, 0.000001...1, unit: "share of population",
                    "Catalogue (members as a share of the population) at which the consumer base reaches half its ceiling.", .illustrative()),
            .number("market.online.order_value", \.market.orderValue, 0.01...1_000_000, unit: "EUR", "Average online order.", .illustrative()),
            .number("market.online.visibility_base", \.market.visibilityBase, 0...10,
                    "Visibility of a member's listing with no technology (online demand is shared by attractiveness × visibility × reach).", .illustrative()),
            .number("market.online.visibility_technology", \.market.visibilityTechnology, 0...10,
                    "Visibility added per unit of technology (a better presented catalogue).", .illustrative()),
            .number("market.online.price_premium", \.market.onlinePricePremium, 0...5,
                    "Online (retail) price over the local, largely wholesale, price.", .illustrative("retail over wholesale prices")),
        ]
        return keys
    }()

    private static func trendKeyPath(_ initial: Bool, _ attribute: Attribute) -> WritableKeyPath<Scenario, Double> & Sendable {
        let k = attribute.rawValue
        return initial ? \Scenario.market.trendInitial[k] : \Scenario.market.trendTarget[k]
    }
}
