import AgentEngine

extension Scenario {
    /// `innovation.*`: business model innovation (ODD §7 "Business
    /// model innovation").
    static let innovationKeys: [Key] = {
        let calibrated = Evidence.calibrated("a success rate about 50 % and Lindgren's shares of initiatives (seed 003)")
        return [
            .number("innovation.base_rate", \.innovation.baseRate, 0...1, unit: "per month",
                    "Chance a month that a firm with full slack and no knowledge inflow starts an initiative.", calibrated),
            .number("innovation.cost", \.innovation.cost, 0...100, unit: "share of monthly capacity", "Cost of an initiative.", .illustrative()),
            .number("innovation.knowledge_analytics", \.innovation.knowledgeAnalytics, 0...10,
                    "How much analytics used (× its quality) raises the start rate: rate · financial · (1 + Σ knowledge · use).", .illustrative()),
            .number("innovation.knowledge_training", \.innovation.knowledgeTraining, 0...10, "How much training used raises the start rate.", .illustrative()),
            .number("innovation.knowledge_consulting", \.innovation.knowledgeConsulting, 0...10, "How much consultants used raise the start rate.", .illustrative()),
            .number("innovation.success_base", \.innovation.successBase, 0...1, unit: "probability",
                    "Success probability of an initiative before the terms below.", calibrated),
            .number("innovation.success_technology", \.innovation.successTechnology, 0...1, "Added success probability per unit of technology.", calibrated),
            .number("innovation.success_relationship", \.innovation.successRelationship, 0...1, "Added success probability per unit of relationship.", calibrated),
            .number("innovation.success_analytics", \.innovation.successAnalytics, 0...1, "Added success probability per unit of analytics used (× quality).", calibrated),
            .number("innovation.analytics_tilt", \.innovation.analyticsTilt, 0...10,
                    "How much the analytics a firm uses tilts its strategy toward value proposition and customers.", .illustrative()),
            .number("innovation.relations_tilt", \.innovation.relationsTilt, 0...10,
                    "How much relationship capital tilts a firm's strategy toward network and relations.", .illustrative()),
            .number("innovation.partner_tilt", \.innovation.partnerTilt, 0...10,
                    "How much partnering experience tilts a firm's strategy toward network and relations (while and after it partners).",
                    .calibrated("seed 003: network and relations weigh more in firms with partners (\"TO BE\" models)")),
            .number("innovation.partner_memory_months", \.innovation.partnerMemoryMonths, 1...600, unit: "months",
                    "Months over which partnering experience fades once a firm has no alliance (it builds up over a year in one).", .illustrative()),
            .number("innovation.offering_step", \.innovation.offeringStep, 0...1,
                    "Step of the offering toward the perceived trend on a value-proposition success.", .illustrative()),
            .number("innovation.trend_noise", \.innovation.trendNoise, 0...2, "Noise of a firm's view of the consumer trend without analytics.", .illustrative()),
            .number("innovation.technology_gain", \.innovation.technologyGain, 0...1, unit: "share of the gap to 1", "Technology gained on a value-chain or competences success.", .illustrative()),
            .number("innovation.relationship_gain", \.innovation.relationshipGain, 0...1, unit: "share of the gap to 1", "Relationship gained on a network or relations success.", .illustrative()),
            .number("innovation.sustainability_gain", \.innovation.sustainabilityGain, 0...1, unit: "share of the gap to 1", "Sustainability gained when a successful initiative is also a sustainability project.", .illustrative()),
            .number("innovation.cost_cut", \.innovation.costCut, 0...0.5, unit: "share", "Relative cut of variable cost on a value-chain success (half on value formula); capacity gain on a competences success.", .illustrative()),
            .number("innovation.brand_gain", \.innovation.brandGain, 0...1, unit: "share", "Brand gained on a customers success (half on relations); brand is capped at 2.", .illustrative()),
            .number("innovation.training_sustainability", \.innovation.trainingSustainability, 0...1, unit: "probability",
                    "Added chance that an initiative is a sustainability project, per unit of training used.", .illustrative()),
            .number("innovation.circular_gain", \.innovation.circularGain, 0...1, unit: "share of waste", "Waste avoided per sustainability success.", .illustrative()),
            .number("innovation.circular_max", \.innovation.circularMax, 0...1, unit: "share of waste", "Ceiling of waste avoided by circular practices.", .illustrative()),
        ]
    }()
}
