import AgentEngine

extension Spread {
    var json: JSONValue { .object(["mean": .double(mean), "spread": .double(spread)]) }
}

func namedVector(_ values: [Double], _ names: [String]) -> JSONValue {
    .object(JSONObject(zip(names, values).map { (key: $0, value: JSONValue.double($1)) }))
}

extension FirmEconomy {
    var economyJSON: JSONValue {
        .object([
            "revenue_per_employee": .double(revenuePerEmployee),
            "variable_cost": variableCost.json,
            "fixed_cost": .double(fixedCost),
            "local_logistics": .double(localLogistics),
            "own_online_logistics": .double(ownOnlineLogistics),
            "waste": .double(waste),
            "initial_cash_months": .double(initialCashMonths),
            "distress_months": .int(distressMonths),
            "entry_rate": .double(entryRate),
            "capacity_growth": .double(capacityGrowth),
            "payout": .double(payout),
            "shock_persistence": .double(shockPersistence),
            "shock_sigma": .double(shockSigma),
            "offering_spread": .double(offeringSpread),
            "price_spread": .double(priceSpread),
        ])
    }

    var initialDimensionsJSON: JSONValue {
        .object(["relationship": relationship.json, "technology": technology.json, "sustainability": sustainability.json])
    }

    var strategyJSON: JSONValue { namedVector(strategy, BuildingBlock.allCases.map(\.key)) }
}

extension MarketParameters {
    var json: JSONValue {
        let names = Attribute.allCases.map(\.key)
        return .object([
            "local_demand_ratio": .double(localDemandRatio),
            "local_growth": .double(localGrowth),
            "seasonality": .double(seasonality),
            "trend": .object([
                "initial": namedVector(trendInitial, names),
                "target": namedVector(trendTarget, names),
                "speed": .double(trendSpeed),
            ]),
            "attractiveness": .object([
                "fit_exponent": .double(fitExponent),
                "sustainability_premium": .double(sustainabilityPremium),
                "price_elasticity": .double(priceElasticity),
            ]),
            "online": .object([
                "consumers_per_firm": .double(consumersPerFirm),
                "spend_per_consumer": .double(spendPerConsumer),
                "initial_consumers_per_firm": .double(initialConsumersPerFirm),
                "consumer_growth": .double(consumerGrowth),
                "catalogue_half_share": .double(catalogueHalfShare),
                "order_value": .double(orderValue),
                "price_premium": .double(onlinePricePremium),
            ]),
        ])
    }
}

extension PlatformParameters {
    var json: JSONValue {
        .object([
            "enabled": .bool(enabled),
            "services": .object([
                "market_access": .bool(services.marketAccess),
                "analytics": .bool(services.analytics),
                "shared_logistics": .bool(services.sharedLogistics),
                "inventory_management": .bool(services.inventoryManagement),
                "training": .bool(services.training),
            ]),
            "commission": .double(commission),
            "monthly_fee": .double(monthlyFee),
            "onboarding_cost": .double(onboardingCost),
            "member_effort": .double(memberEffort),
            "curation": .object(["min_sustainability": .double(curationMinSustainability)]),
            "logistics": .object([
                "start": .double(logisticsStart),
                "floor": .double(logisticsFloor),
                "half_orders_per_firm": .double(logisticsHalfOrdersPerFirm),
            ]),
            "inventory_waste_cut": .double(inventoryWasteCut),
            "analytics_quality": .double(analyticsQuality),
            "fixed_cost_per_firm": .double(fixedCostPerFirm),
            "cost_per_order": .double(costPerOrder),
            "initial_cash_per_firm": .double(initialCashPerFirm),
            "reinvest_share": .double(reinvestShare),
            "analytics_half_investment_per_firm": .double(analyticsHalfInvestmentPerFirm),
            "closure_months": .int(closureMonths),
        ])
    }
}

extension BehaviouralAdoption {
    var json: JSONValue {
        .object([
            "readiness": .double(readiness),
            "payback_months": .double(paybackMonths),
            "perception_noise": .double(perceptionNoise),
            "churn_months": .int(churnMonths),
            "switching_cost": .double(switchingCost),
        ])
    }
}

extension InnovationParameters {
    var json: JSONValue {
        .object([
            "base_rate": .double(baseRate),
            "cost": .double(cost),
            "success_base": .double(successBase),
            "success_technology": .double(successTechnology),
            "success_relationship": .double(successRelationship),
            "success_analytics": .double(successAnalytics),
            "analytics_tilt": .double(analyticsTilt),
            "relations_tilt": .double(relationsTilt),
            "offering_step": .double(offeringStep),
            "trend_noise": .double(trendNoise),
            "technology_gain": .double(technologyGain),
            "relationship_gain": .double(relationshipGain),
            "sustainability_gain": .double(sustainabilityGain),
            "cost_cut": .double(costCut),
            "brand_gain": .double(brandGain),
            "analytics_learning": .double(analyticsLearning),
            "training_learning": .double(trainingLearning),
            "autonomous_learning": .double(autonomousLearning),
            "technology_decay": .double(technologyDecay),
            "relationship_rate": .double(relationshipRate),
            "relationship_local": .double(relationshipLocal),
            "relationship_online": .double(relationshipOnline),
            "training_relationship": .double(trainingRelationship),
            "training_sustainability": .double(trainingSustainability),
            "circular_gain": .double(circularGain),
            "circular_max": .double(circularMax),
        ])
    }
}
