import AgentEngine

extension Scenario {
    /// `adoption.*`: how the platform spreads (ODD §7 "Adoption").
    static let adoptionKeys: [Key] = [
        .choice("adoption.mode", \.adoption.mode,
                "`behavioural`: the Bass hazard filtered by readiness, curation and expected net benefit, members leave on negative margin; `bass`: p + q·F over the whole population, no filters; `peers`: F among the firm's own peers.",
                .setting("model variant")),
        .number("adoption.p", \.adoption.p, 0...1, unit: "per month", "External influence (the platform's own marketing).",
                .source("Sultan, Farley & Lehmann (1990): mean p ≈ 0.03 a year, /12")),
        .number("adoption.q", \.adoption.q, 0...1, unit: "per month", "Imitation of members.",
                .source("Sultan, Farley & Lehmann (1990): mean q ≈ 0.38 a year, /12")),
        .integer("adoption.initial_members", \.adoption.initialMembers, 0...10_000_000, unit: "firms", "Founding members at tick 0.",
                 .source("the 12 SMEs of the ITsGOOD partnership, 2016 (seed 002)"),
                 defaultNote: "12, or firms.count if smaller",
                 derivedDefault: { Swift.min(AdoptionParameters().initialMembers, $0.firms.count) }),
        .choice("adoption.peers.network", \.adoption.peers.kind,
                "Peers in `peers` mode: same `sector`, same `locality`, both (`sector_locality`), or a Watts–Strogatz `small_world` ring ordered by province and sector.",
                .setting("model variant")),
        .integer("adoption.peers.degree", \.adoption.peers.degree, 1...100, unit: "firms", "Peers per firm (fewer when the firm's group is smaller).", .illustrative()),
        .number("adoption.peers.rewiring", \.adoption.peers.rewiring, 0...1, "Small world: chance a lattice link goes to a random firm.",
                .illustrative("Watts & Strogatz (1998)")),
        .number("adoption.behavioural.readiness", \.adoption.behavioural.readiness, 0...1, unit: "index 0–1",
                "Least technology a firm needs to be ready to join.", .illustrative()),
        .number("adoption.behavioural.payback_months", \.adoption.behavioural.paybackMonths, 1...600, unit: "months",
                "Months over which the onboarding cost is amortised when judging the benefit of joining.", .illustrative()),
        .number("adoption.behavioural.perception_noise", \.adoption.behavioural.perceptionNoise, 0...5, unit: "relative sd",
                "Noise of a non-member's estimate of the online revenue it would earn.", .illustrative()),
        .integer("adoption.behavioural.churn_months", \.adoption.behavioural.churnMonths, 1...255, unit: "months",
                 "Consecutive months of negative platform margin after which a member leaves.", .illustrative()),
        .number("adoption.behavioural.matchmaking_weight", \.adoption.behavioural.matchmakingWeight, 0...10,
                "Weight a firm gives the alliances the platform's matchmaking might bring when it weighs joining (an uncertain, distant prospect).",
                .illustrative()),
        .number("adoption.behavioural.switching_cost", \.adoption.behavioural.switchingCost, 0...1_000_000_000, unit: "EUR",
                "One-off cost of leaving the platform.", .illustrative()),
    ]
}
