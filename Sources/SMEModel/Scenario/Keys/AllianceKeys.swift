import AgentEngine

extension Scenario {
    /// `alliances.*`: partnerships between firms (ODD §7 "Alliances";
    /// seeds 000, 001, 004).
    static let allianceKeys: [Key] = {
        let phases = Evidence.illustrative("seed 000's phases; seed 004's failure modes (culture, fit)")
        let trust = Evidence.illustrative("seed 004 (trust, unequal commitment)")
        let typeRule = Evidence.calibrated("seed 001's survey of 142 alliances: specialization 45 %, allocation 22 %, sharing 21 %, the rest mixed")
        var keys: [Key] = [
            .flag("alliances.enabled", \.alliances.enabled, "`false` switches partnerships off (ablation).", .setting("switch")),
            .number("alliances.search_rate", \.alliances.searchRate, 0...1, unit: "per month",
                    "Chance a month that a free firm looks for a partner, at relationship 0.5; it scales with (0.5 + relationship).",
                    .illustrative("most alliances form through the platform (seed 002)")),
            .number("alliances.matchmaking_boost", \.alliances.matchmakingBoost, 0...1000, unit: "×",
                    "Members search this many times as often, through the platform's matchmaking, among all members of the region; others among the firms of their province.",
                    .illustrative("seed 002: \"through ITsGOOD we were able to engage in new operations\"")),
            .flag("alliances.partner_choice", \.alliances.partnerChoice,
                  "`true`: a searcher weighs candidates and proposes to the best fit (seed 004); `false`: searchers are paired at random (the reference).",
                  .setting("switch")),
            .integer("alliances.candidates_platform", \.alliances.candidatesPlatform, 1...100, unit: "firms",
                     "Candidates a member weighs through the platform's matchmaking.", .illustrative("matchmaking widens and improves the search")),
            .integer("alliances.candidates_local", \.alliances.candidatesLocal, 1...100, unit: "firms",
                     "Candidates a firm weighs on its own search among its province's searchers.", .illustrative()),
            .number("alliances.fit.complementarity", \.alliances.fitComplementarity, 0...10,
                    "Weight of complementarity: how much the candidate is strong where the firm is weak along the value chain.",
                    .illustrative("seed 004: partners chosen for complementary resources")),
            .number("alliances.fit.compatibility", \.alliances.fitCompatibility, 0...10,
                    "Weight of compatibility: 1 − the mean gap in relationship capital and sustainability (culture and values).",
                    .illustrative("seed 004: cultural fit, shared values")),
            .number("alliances.fit.financial", \.alliances.fitFinancial, 0...10, "Weight of the candidate's financial dimension (stability).",
                    .illustrative("seed 004: financial stability")),
            .number("alliances.fit.reputation", \.alliances.fitReputation, 0...10,
                    "Weight of the candidate's reputation from past alliances (trust from past ties).", .illustrative("seed 004: trust")),
            .number("alliances.fit.minimum", \.alliances.fitMinimum, 0...10,
                    "Least fit (the weighted sum over the weights' total) both sides need to agree.", typeRule),
            .integer("alliances.max_per_firm", \.alliances.maxPerFirm, 1...100, unit: "alliances",
                     "Most alliances a firm holds at once.", .illustrative()),
            .number("alliances.employees_per_alliance", \.alliances.employeesPerAlliance, 0.1...1_000, unit: "employees",
                    "A firm can hold 1 + employees / this alliances (at most max_per_firm): room for partnerships grows with size.", .illustrative()),
            .number("alliances.profile_peakedness", \.alliances.profilePeakedness, 0.1...10,
                    "Peakedness of the value-chain stage profiles (production, processing, distribution, marketing): each strength is u^this.", typeRule),
            .number("alliances.type_rule.sharing_similarity", \.alliances.sharingSimilarity, 0...1, unit: "cosine",
                    "Sharing: least cosine similarity of the partners' profiles, on the same dominant stage.", typeRule),
            .number("alliances.type_rule.allocation_similarity", \.alliances.allocationSimilarity, 0...1, unit: "cosine",
                    "Allocation: least similarity, on adjacent dominant stages.", typeRule),
            .number("alliances.type_rule.specialization_similarity", \.alliances.specializationSimilarity, 0...1, unit: "cosine",
                    "Specialization: similarity below this (complementary profiles).", typeRule),
            .integer("alliances.phases.concept_months", \.alliances.conceptMonths, 1...600, unit: "months", "Duration of the concept phase.", phases),
            .integer("alliances.phases.foundation_months", \.alliances.foundationMonths, 1...600, unit: "months", "Duration of the foundation phase.", phases),
            .integer("alliances.phases.development_months", \.alliances.developmentMonths, 1...600, unit: "months", "Duration of the development phase.", phases),
            .integer("alliances.phases.operation_months", \.alliances.operationMonths, Scenario.tickStepLimit, unit: "months",
                     "Planned duration of the operation phase.", phases),
            .number("alliances.phases.concept_drop", \.alliances.conceptDrop, 0...1, unit: "probability",
                    "Chance the business case is dropped at the end of concept.", phases),
            .number("alliances.phases.foundation_fallback", \.alliances.foundationFallback, 0...1, unit: "probability",
                    "Chance of falling back from foundation to concept for wholly incompatible partners (scaled by 1 − compatibility).", phases),
            .number("alliances.phases.development_fallback", \.alliances.developmentFallback, 0...1, unit: "probability",
                    "Chance a month of falling back from development to foundation per unit of unequal commitment.", phases),
            .integer("alliances.phases.max_fallbacks", \.alliances.maxFallbacks, 0...100, unit: "fall-backs",
                     "An alliance that has fallen back more often than this is dropped (seed 000: a fall-back may recover or end).", phases),
            .number("alliances.trust.initial", \.alliances.initialTrust, 0...1, unit: "index 0–1", "Trust when an alliance forms.", trust),
            .number("alliances.trust.gain", \.alliances.trustGain, 0...1, unit: "per month", "Monthly gain of trust.", trust),
            .number("alliances.trust.commitment_erosion", \.alliances.commitmentErosion, 0...10,
                    "Monthly erosion of trust per unit of unequal commitment.", trust),
            .number("alliances.trust.failure_rate", \.alliances.failureRate, 0...1, unit: "per month",
                    "Monthly chance of failure at zero trust (it falls with the square of trust).", trust),
            .number("alliances.trust.commitment_spread", \.alliances.commitmentSpread, 0...1,
                    "Partners commit uniformly between 1 − this and 1 of what they could.", trust),
            .number("alliances.learning_rate", \.alliances.learningRate, 0...1, unit: "per month",
                    "Knowledge an alliance builds a month while developing and operating.", .illustrative("seed 000")),
            .number("alliances.reintegration_efficiency", \.alliances.reintegrationEfficiency, 0...1, unit: "share",
                    "Share of what an alliance built that a partner with full absorptive capacity and trust reintegrates at its end (× (0.5 + 0.5·technology)·(0.5 + 0.5·trust)).",
                    .illustrative("seed 000: firms \"often struggle to spread the lessons\"")),
            .number("alliances.exit_cost.planned", \.alliances.exitCostPlanned, 0...10, unit: "share of monthly capacity",
                    "Each partner's cost of an agreed exit at the planned end.", .illustrative("seed 004: a planned exit strategy")),
            .number("alliances.exit_cost.failure", \.alliances.exitCostFailure, 0...10, unit: "share of monthly capacity",
                    "Each partner's cost of an unplanned failure (disputes, sunk investments).", .illustrative("seed 004: failure modes")),
            .number("alliances.reputation.gain", \.alliances.reputationGain, 0...1, unit: "share of the gap to 1",
                    "Reputation a partner gains from a planned end.", trust),
            .number("alliances.reputation.loss", \.alliances.reputationLoss, 0...1, unit: "share",
                    "Reputation a partner loses from a failure.", trust),
            .number("alliances.risk_pooling", \.alliances.riskPooling, 0...1, unit: "share",
                    "Allocation: share of the partners' profit difference pooled each month.", .illustrative("seed 001: risk")),
        ]
        let types: [(name: String, value: NumberPath, spread: NumberPath, integration: NumberPath, why: String)] = [
            ("sharing", \.alliances.sharing.value, \.alliances.sharing.spread, \.alliances.sharing.integration, "scale: predictable, integration high"),
            ("specialization", \.alliances.specialization.value, \.alliances.specialization.spread, \.alliances.specialization.integration,
             "skill: uncertain, integration low"),
            ("allocation", \.alliances.allocation.value, \.alliances.allocation.spread, \.alliances.allocation.integration,
             "risk: lower variance, integration focused"),
        ]
        for t in types {
            let evidence = Evidence.illustrative("seed 001: \(t.why)")
            keys.append(.number("alliances.\(t.name).value", t.value, 0...10, unit: "share of committed capacity",
                                "Monthly value a \(t.name) alliance creates.", evidence))
            keys.append(.number("alliances.\(t.name).spread", t.spread, 0...10, unit: "relative sd", "Relative spread of that value.", evidence))
            keys.append(.number("alliances.\(t.name).integration", t.integration, 0...10, unit: "share of capacity",
                                "Each partner's monthly integration cost in a \(t.name) alliance.", evidence))
        }
        return keys
    }()
}
