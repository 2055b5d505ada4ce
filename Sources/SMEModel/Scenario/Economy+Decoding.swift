import AgentEngine

/// Ranges shared by many economy keys.
enum Range {
    static let unit = 0.0...1.0
    static let share = 0.0...1.0
    static let months = 1...600
    /// Month counters kept in a byte.
    static let shortMonths = 1...255
    static let euros = 0.0...1e9
}

extension ObjectReader {
    /// `{"mean": m, "spread": s}`, both in `range`.
    func spread(_ key: String, default fallback: Spread, in range: ClosedRange<Double> = Range.unit) -> Spread {
        guard contains(key) else { return fallback }
        let nested = object(key)
        let value = Spread(
            nested.number("mean", default: fallback.mean, in: range),
            nested.number("spread", default: fallback.spread, in: 0...(range.upperBound - range.lowerBound)))
        nested.finish()
        return value
    }

    /// A vector keyed by enum names (`{"traditional": 0.7, ...}`); missing
    /// entries keep their default.
    func vector(_ key: String, default fallback: [Double], names: [String], in range: ClosedRange<Double>) -> [Double] {
        guard contains(key) else { return fallback }
        let nested = object(key)
        let values = names.enumerated().map { nested.number($1, default: fallback[$0], in: range) }
        nested.finish()
        return values
    }
}

extension FirmEconomy {
    static func decode(_ firms: ObjectReader) -> FirmEconomy {
        let d = FirmEconomy()
        var e = FirmEconomy()
        let r = firms.object("economy")
        e.revenuePerEmployee = r.number("revenue_per_employee", default: d.revenuePerEmployee, in: 100...1e7)
        e.variableCost = r.spread("variable_cost", default: d.variableCost)
        e.fixedCost = r.number("fixed_cost", default: d.fixedCost, in: Range.share)
        e.localLogistics = r.number("local_logistics", default: d.localLogistics, in: Range.share)
        e.ownOnlineLogistics = r.number("own_online_logistics", default: d.ownOnlineLogistics, in: Range.share)
        e.waste = r.number("waste", default: d.waste, in: 0...0.9)
        e.initialCashMonths = r.number("initial_cash_months", default: d.initialCashMonths, in: 0...120)
        e.distressMonths = r.integer("distress_months", default: d.distressMonths, in: Range.shortMonths)
        e.entryRate = r.number("entry_rate", default: d.entryRate, in: Range.unit)
        e.capacityGrowth = r.number("capacity_growth", default: d.capacityGrowth, in: Range.unit)
        e.payout = r.number("payout", default: d.payout, in: Range.share)
        e.shockPersistence = r.number("shock_persistence", default: d.shockPersistence, in: 0...0.999)
        e.shockSigma = r.number("shock_sigma", default: d.shockSigma, in: 0...2)
        e.offeringSpread = r.number("offering_spread", default: d.offeringSpread, in: Range.unit)
        e.priceSpread = r.number("price_spread", default: d.priceSpread, in: 0...0.9)
        r.finish()
        let initial = firms.object("initial_dimensions")
        e.relationship = initial.spread("relationship", default: d.relationship)
        e.technology = initial.spread("technology", default: d.technology)
        e.sustainability = initial.spread("sustainability", default: d.sustainability)
        initial.finish()
        let strategy = firms.object("strategy")
        e.strategy = BuildingBlock.allCases.map { strategy.number($0.key, default: d.strategy[$0.rawValue], in: Range.share) }
        let total = e.strategy.reduce(0, +)
        if abs(total - 1) > 0.001 {
            strategy.report(nil, "strategy weights sum to \(formatDouble(total)); they must sum to 1")
        }
        strategy.finish()
        e.strategySpread = firms.number("strategy_spread", default: d.strategySpread, in: 0...0.95)
        return e
    }
}

extension MarketParameters {
    static func decode(_ r: ObjectReader) -> MarketParameters {
        let d = MarketParameters()
        var m = MarketParameters()
        let names = Attribute.allCases.map(\.key)
        m.localDemandRatio = r.number("local_demand_ratio", default: d.localDemandRatio, in: 0...10)
        m.localGrowth = r.number("local_growth", default: d.localGrowth, in: -0.5...0.5)
        m.seasonality = r.number("seasonality", default: d.seasonality, in: 0...0.9)
        let trend = r.object("trend")
        m.trendInitial = trend.vector("initial", default: d.trendInitial, names: names, in: Range.unit)
        m.trendTarget = trend.vector("target", default: d.trendTarget, names: names, in: Range.unit)
        m.trendSpeed = trend.number("speed", default: d.trendSpeed, in: 0...1)
        trend.finish()
        let a = r.object("attractiveness")
        m.fitExponent = a.number("fit_exponent", default: d.fitExponent, in: 0...10)
        m.sustainabilityPremium = a.number("sustainability_premium", default: d.sustainabilityPremium, in: 0...10)
        m.priceElasticity = a.number("price_elasticity", default: d.priceElasticity, in: 0...10)
        a.finish()
        let o = r.object("online")
        m.consumersPerFirm = o.number("consumers_per_firm", default: d.consumersPerFirm, in: 0...1e6)
        m.spendPerConsumer = o.number("spend_per_consumer", default: d.spendPerConsumer, in: 0...1e6)
        m.initialConsumersPerFirm = o.number("initial_consumers_per_firm", default: d.initialConsumersPerFirm, in: 0...1e6)
        m.consumerGrowth = o.number("consumer_growth", default: d.consumerGrowth, in: 0...1)
        m.catalogueHalfShare = o.number("catalogue_half_share", default: d.catalogueHalfShare, in: 1e-6...1)
        m.orderValue = o.number("order_value", default: d.orderValue, in: 0.01...1e6)
        m.onlinePricePremium = o.number("price_premium", default: d.onlinePricePremium, in: 0...5)
        o.finish()
        if m.initialConsumersPerFirm > m.consumersPerFirm {
            o.report("initial_consumers_per_firm", "\(formatDouble(m.initialConsumersPerFirm)) exceeds consumers_per_firm (\(formatDouble(m.consumersPerFirm)))")
        }
        r.finish()
        return m
    }
}

extension PlatformParameters {
    static func decode(_ r: ObjectReader) -> PlatformParameters {
        let d = PlatformParameters()
        var p = PlatformParameters()
        p.enabled = r.bool("enabled", default: d.enabled)
        let s = r.object("services")
        p.services.marketAccess = s.bool("market_access", default: d.services.marketAccess)
        p.services.analytics = s.bool("analytics", default: d.services.analytics)
        p.services.sharedLogistics = s.bool("shared_logistics", default: d.services.sharedLogistics)
        p.services.inventoryManagement = s.bool("inventory_management", default: d.services.inventoryManagement)
        p.services.training = s.bool("training", default: d.services.training)
        s.finish()
        p.commission = r.number("commission", default: d.commission, in: Range.share)
        p.monthlyFee = r.number("monthly_fee", default: d.monthlyFee, in: Range.euros)
        p.onboardingCost = r.number("onboarding_cost", default: d.onboardingCost, in: Range.euros)
        p.memberEffort = r.number("member_effort", default: d.memberEffort, in: Range.euros)
        let c = r.object("curation")
        p.curationMinSustainability = c.number("min_sustainability", default: d.curationMinSustainability, in: Range.unit)
        c.finish()
        let l = r.object("logistics")
        p.logisticsStart = l.number("start", default: d.logisticsStart, in: Range.share)
        p.logisticsFloor = l.number("floor", default: d.logisticsFloor, in: Range.share)
        p.logisticsHalfOrdersPerFirm = l.number("half_orders_per_firm", default: d.logisticsHalfOrdersPerFirm, in: 1e-6...1e6)
        if p.logisticsFloor > p.logisticsStart {
            l.report("floor", "\(formatDouble(p.logisticsFloor)) exceeds start (\(formatDouble(p.logisticsStart))); costs fall with volume")
        }
        l.finish()
        p.inventoryWasteCut = r.number("inventory_waste_cut", default: d.inventoryWasteCut, in: Range.share)
        p.analyticsQuality = r.number("analytics_quality", default: d.analyticsQuality, in: Range.unit)
        p.fixedCostPerFirm = r.number("fixed_cost_per_firm", default: d.fixedCostPerFirm, in: Range.euros)
        p.costPerOrder = r.number("cost_per_order", default: d.costPerOrder, in: Range.euros)
        p.initialCashPerFirm = r.number("initial_cash_per_firm", default: d.initialCashPerFirm, in: Range.euros)
        p.reinvestShare = r.number("reinvest_share", default: d.reinvestShare, in: Range.share)
        p.analyticsHalfInvestmentPerFirm = r.number("analytics_half_investment_per_firm", default: d.analyticsHalfInvestmentPerFirm, in: 1e-6...1e9)
        p.closureMonths = r.integer("closure_months", default: d.closureMonths, in: Range.months)
        r.finish()
        return p
    }
}

extension BehaviouralAdoption {
    static func decode(_ r: ObjectReader) -> BehaviouralAdoption {
        let d = BehaviouralAdoption()
        var b = BehaviouralAdoption()
        b.readiness = r.number("readiness", default: d.readiness, in: Range.unit)
        b.paybackMonths = r.number("payback_months", default: d.paybackMonths, in: 1...600)
        b.perceptionNoise = r.number("perception_noise", default: d.perceptionNoise, in: 0...5)
        b.churnMonths = r.integer("churn_months", default: d.churnMonths, in: Range.shortMonths)
        b.switchingCost = r.number("switching_cost", default: d.switchingCost, in: Range.euros)
        r.finish()
        return b
    }
}

extension InnovationParameters {
    static func decode(_ r: ObjectReader) -> InnovationParameters {
        let d = InnovationParameters()
        var i = InnovationParameters()
        i.baseRate = r.number("base_rate", default: d.baseRate, in: Range.unit)
        i.cost = r.number("cost", default: d.cost, in: 0...100)
        i.successBase = r.number("success_base", default: d.successBase, in: Range.unit)
        i.successTechnology = r.number("success_technology", default: d.successTechnology, in: Range.unit)
        i.successRelationship = r.number("success_relationship", default: d.successRelationship, in: Range.unit)
        i.successAnalytics = r.number("success_analytics", default: d.successAnalytics, in: Range.unit)
        i.analyticsTilt = r.number("analytics_tilt", default: d.analyticsTilt, in: 0...10)
        i.relationsTilt = r.number("relations_tilt", default: d.relationsTilt, in: 0...10)
        i.offeringStep = r.number("offering_step", default: d.offeringStep, in: Range.unit)
        i.trendNoise = r.number("trend_noise", default: d.trendNoise, in: 0...2)
        i.technologyGain = r.number("technology_gain", default: d.technologyGain, in: Range.unit)
        i.relationshipGain = r.number("relationship_gain", default: d.relationshipGain, in: Range.unit)
        i.sustainabilityGain = r.number("sustainability_gain", default: d.sustainabilityGain, in: Range.unit)
        i.costCut = r.number("cost_cut", default: d.costCut, in: 0...0.5)
        i.brandGain = r.number("brand_gain", default: d.brandGain, in: 0...1)
        i.analyticsLearning = r.number("analytics_learning", default: d.analyticsLearning, in: Range.unit)
        i.trainingLearning = r.number("training_learning", default: d.trainingLearning, in: Range.unit)
        i.autonomousLearning = r.number("autonomous_learning", default: d.autonomousLearning, in: Range.unit)
        i.technologyDecay = r.number("technology_decay", default: d.technologyDecay, in: Range.unit)
        i.relationshipRate = r.number("relationship_rate", default: d.relationshipRate, in: Range.unit)
        i.relationshipLocal = r.number("relationship_local", default: d.relationshipLocal, in: Range.unit)
        i.relationshipOnline = r.number("relationship_online", default: d.relationshipOnline, in: 0...10)
        i.trainingRelationship = r.number("training_relationship", default: d.trainingRelationship, in: Range.unit)
        i.trainingSustainability = r.number("training_sustainability", default: d.trainingSustainability, in: Range.unit)
        i.circularGain = r.number("circular_gain", default: d.circularGain, in: Range.unit)
        i.circularMax = r.number("circular_max", default: d.circularMax, in: Range.unit)
        if i.successBase + i.successTechnology + i.successRelationship + i.successAnalytics > 1 {
            r.report("success_base", "success_base + success_technology + success_relationship + success_analytics must be at most 1")
        }
        r.finish()
        return i
    }
}
