import AgentEngine

extension Scenario {
    /// `firms.*`: the SME population, its costs and starting position
    /// (ODD §2, §5).
    static let firmKeys: [Key] = {
        var keys: [Key] = [
            .integer("firms.count", \.firms.count, 1...10_000_000, unit: "firms", "SMEs in the population.",
                     .illustrative("order of magnitude of food & beverage producers in a region like Piedmont")),
            .records("firms.sectors", \.firms.sectors, entries: 1...64, fields: Sector.fields,
                     "Food & beverage sub-sectors, their shares of firms and their traits; a bare share takes a default sub-sector's traits by name, or neutral ones.",
                     .illustrative("shares: bakery most numerous, wine large in Piedmont, replace with counts for your region; traits: see the fields")),
            .shares("firms.localities", \.firms.localities, entries: 1...64, "Provinces and their shares of firms.",
                    .source("resident population by province, ISTAT 1 January 2023, rounded")),
            .number("firms.size.median_employees", \.firms.size.medianEmployees, 1...249, unit: "employees",
                    "Median of the log-normal firm size (rounded, within 1 … max_employees).", .source("most Italian food firms are micro firms (ISTAT)")),
            .number("firms.size.sigma", \.firms.size.sigma, 0...3, "Standard deviation of log(employees).", .illustrative()),
            .integer("firms.size.max_employees", \.firms.size.maxEmployees, 1...249, unit: "employees", "Largest firm.",
                     .source("249 is the EU SME ceiling")),
            .number("firms.economy.revenue_per_employee", \.firms.economy.revenuePerEmployee, 100...10_000_000, unit: "EUR/month",
                    "Output a firm can sell per employee and month at its price (capacity).", .illustrative("about EUR 110,000 a year per employee")),
            .number("firms.economy.variable_cost.mean", \.firms.economy.variableCost.mean, 0...1, unit: "share of output",
                    "Mean variable production cost; each firm's draw is uniform on mean ± spread, kept within 0.05–0.95.", .calibrated("net margins around 5 %")),
            .number("firms.economy.variable_cost.spread", \.firms.economy.variableCost.spread, 0...1, unit: "share of output",
                    "Half-width of the variable cost draw.", .illustrative()),
            .number("firms.economy.fixed_cost", \.firms.economy.fixedCost, 0...1, unit: "share of capacity",
                    "Fixed cost a month, as a share of monthly capacity.", .calibrated("net margins around 5 %")),
            .number("firms.economy.overhead", \.firms.economy.overhead, 0...1_000_000, unit: "EUR/month",
                    "Overhead every firm pays whatever its size (accountant, permits, utilities): small firms carry more of it per euro of sales.",
                    .calibrated("exit rates by size: small firms exit at least as often as large ones (Eurostat business demography)")),
            .number("firms.economy.local_logistics", \.firms.economy.localLogistics, 0...1, unit: "share of local sales",
                    "Own logistics (delivery, transport) on local sales.", .source("food logistics 8–25 % of turnover")),
            .number("firms.economy.own_online_logistics", \.firms.economy.ownOnlineLogistics, 0...1, unit: "share of online sales",
                    "Own shipping of online orders when the platform's shared logistics is off.", .illustrative("parcel shipping of single orders")),
            .number("firms.economy.waste", \.firms.economy.waste, 0...0.9, unit: "share of production",
                    "Unsold production before inventory management and circular practices.", .source("FAO (2011): processing losses in Europe a few per cent")),
            .number("firms.economy.initial_cash_months", \.firms.economy.initialCashMonths, 0...120, unit: "months of costs",
                    "Starting cash, in months of fixed plus expected variable cost.", .calibrated("yearly exits")),
            .number("firms.economy.initial_cash_spread", \.firms.economy.initialCashSpread, 0...120, unit: "months of costs",
                    "Half-width of the starting cash draw (uniform on initial_cash_months ± this); a firm drawn below zero starts in distress, so exits begin in the first year.",
                    .calibrated("exits in year 1 like later years (no synchronised start)")),
            .integer("firms.economy.distress_months", \.firms.economy.distressMonths, 1...255, unit: "months",
                     "Consecutive months of negative cash after which a firm exits.", .calibrated("yearly exits")),
            .number("firms.economy.entry_rate", \.firms.economy.entryRate, 0...1, unit: "per month",
                    "Chance a month that an exited firm's place is taken by a new firm.", .calibrated("entries about match exits (Eurostat birth and death rates are close)")),
            .number("firms.economy.capacity_growth", \.firms.economy.capacityGrowth, 0...1, unit: "per month",
                    "Largest monthly growth of capacity toward unserved demand (fixed costs grow with it).", .illustrative()),
            .number("firms.economy.capacity_decline", \.firms.economy.capacityDecline, 0...1, unit: "per month",
                    "Monthly shrinking of capacity while the firm sells less than downsize_utilisation of it (fixed costs shrink with it).",
                    .calibrated("the mean size of living firms stays within ±20 % over ten years")),
            .number("firms.economy.downsize_utilisation", \.firms.economy.downsizeUtilisation, 0...1, unit: "share of capacity",
                    "Utilisation below which a firm downsizes.", .illustrative()),
            .number("firms.economy.payout", \.firms.economy.payout, 0...1, unit: "share of profit",
                    "Share of a month's positive profit the owners take out.", .illustrative("owners draw most profit of micro firms")),
            .number("firms.economy.shock_persistence", \.firms.economy.shockPersistence, 0...0.999,
                    "Month-to-month persistence of a firm's AR(1) demand shock (in logs).", .calibrated("yearly exits")),
            .number("firms.economy.shock_sigma", \.firms.economy.shockSigma, 0...2,
                    "Standard deviation of the monthly demand shock (in logs).", .calibrated("yearly exits")),
            .number("firms.economy.shock_size_exponent", \.firms.economy.shockSizeExponent, 0...1,
                    "The shock's standard deviation scales with (employees / median)^−this: larger firms, with more customers and products, are steadier.",
                    .source("Stanley et al. (1996), Nature 379: the spread of firms' growth rates falls with size as size^−0.15 to −0.2")),
            .number("firms.economy.offering_spread", \.firms.economy.offeringSpread, 0...1, unit: "index",
                    "Spread of each initial offering attribute around the consumer trend (uniform).", .illustrative()),
            .number("firms.economy.price_spread", \.firms.economy.priceSpread, 0...0.9,
                    "Spread of the relative price around 1 (uniform).", .illustrative()),
        ]
        let dimensions: [(name: String, mean: NumberPath, spread: NumberPath)] = [
            ("relationship", \.firms.economy.relationship.mean, \.firms.economy.relationship.spread),
            ("technology", \.firms.economy.technology.mean, \.firms.economy.technology.spread),
            ("sustainability", \.firms.economy.sustainability.mean, \.firms.economy.sustainability.spread),
        ]
        for d in dimensions {
            keys.append(.number("firms.initial_dimensions.\(d.name).mean", d.mean, 0...1, unit: "index 0–1",
                                "Mean of the initial \(d.name) dimension (uniform on mean ± spread, within 0–1).", .illustrative()))
            keys.append(.number("firms.initial_dimensions.\(d.name).spread", d.spread, 0...1, unit: "index 0–1",
                                "Half-width of the initial \(d.name) draw.", .illustrative()))
        }
        for block in BuildingBlock.allCases {
            keys.append(.number("firms.strategy.\(block.key)", \.firms.economy.strategy[block.rawValue], 0...1, unit: "weight",
                                "Mean strategy weight on the \(block.key.replacingOccurrences(of: "_", with: " ")) building block (Lindgren); the seven sum to 1.",
                                .source("Lindgren (seed 003): 51 % of BMI projects on value proposition + customers, 68 % with value chain")))
        }
        keys.append(.number("firms.strategy_spread", \.firms.economy.strategySpread, 0...0.95,
                            "Relative perturbation of each firm's strategy weights (renormalised).", .illustrative()))
        return keys
    }()
}
