import AgentEngine

/// Business model innovation (ODD §7, seed 003): each month a firm may
/// start an initiative, with probability rising with financial slack and
/// the knowledge it takes in (the analytics, training and consultants it
/// uses: `ServiceUse`). Its strategy weights, tilted by its situation
/// (analytics used → value proposition and customers; relationship capital
/// and partnering experience → network and relations, the "TO BE" models of
/// firms with partners), pick the building block; the cost is paid up front;
/// success depends on technology, relationship and analytics used; a success
/// moves the dimensions the block belongs to. An initiative is also a
/// sustainability project (circular practices, seed 002 §4.3–4.4) with a
/// probability that rises with the sustainability the firm sees consumers
/// ask for, with its own practice, and with the training it uses.
enum Innovation {
    struct Outcome {
        var block: BuildingBlock?
        var success = false
        var cost = 0.0
        /// What sustainability co-funding would pay of the cost (before its
        /// cap): a share of it when the initiative is a sustainability
        /// project.
        var subsidy = 0.0
    }

    /// The month's start rate of firm `i`: base · financial · (1 + the
    /// knowledge it takes in from the tools it uses).
    @inline(__always)
    static func startRate(financial: Double, use: ServiceUse, innovation: InnovationParameters) -> Double {
        let knowledge = innovation.knowledgeAnalytics * use.analyticsUsed + innovation.knowledgeTraining * use.training
            + innovation.knowledgeConsulting * use.consulting
        return innovation.baseRate * financial * (1 + knowledge)
    }

    /// Partnering experience, which tilts initiatives toward network and
    /// relations: it builds over about a year while the firm holds an
    /// alliance and fades by `fade` (1 / partner_memory_months) a month after.
    @inline(__always)
    static func gainPartneringExperience(_ i: Int, _ f: PopulationPointers, alliances: Int, fade: Double) {
        f.partnering[i] += alliances > 0 ? (1 - f.partnering[i]) / 12 : -f.partnering[i] * fade
    }

    /// Runs an initiative firm `i` has started: the month's draw fell below
    /// `startRate` and it could pay the cost. `cofunding` is the share of a
    /// sustainability project's cost a public programme pays the firm (0
    /// without one); an initiative is a sustainability project when its
    /// orientation draw says so — after a success, where it also moves the
    /// firm's sustainability, and, only while co-funding is offered, after a
    /// failure too (a draw no other mechanism reads).
    /// Reads and writes only firm `i`'s columns (through `f`).
    @inline(__always)
    static func attempt(
        _ i: Int, _ f: PopulationPointers, use: ServiceUse, trend: SIMD4<Double>, capacity: Double,
        innovation: InnovationParameters, competenceReach: Double, cofunding: Double = 0, generator: inout SplitMix64
    ) -> Outcome {
        var outcome = Outcome(cost: innovation.cost * capacity)

        // Strategy weights, tilted: analytics toward value proposition and
        // customers; relationship capital toward network and relations.
        let blocks = BuildingBlock.allCases.count
        let base = f.strategy + i * blocks
        var weights = SIMD8<Double>()
        for k in 0..<blocks { weights[k] = Double(base[k]) }
        let analytics = use.analyticsUsed
        let dataTilt = 1 + innovation.analyticsTilt * analytics
        weights[BuildingBlock.valueProposition.rawValue] *= dataTilt
        weights[BuildingBlock.customers.rawValue] *= dataTilt
        let relationsTilt = (1 + innovation.relationsTilt * f.relationship[i]) * (1 + innovation.partnerTilt * f.partnering[i])
        weights[BuildingBlock.network.rawValue] *= relationsTilt
        weights[BuildingBlock.relations.rawValue] *= relationsTilt
        // Summed and walked in block order.
        var total = 0.0
        for k in 0..<blocks { total += weights[k] }
        var pick = generator.uniform() * total
        var chosen = BuildingBlock.valueFormula
        for k in 0..<blocks {
            pick -= weights[k]
            if pick < 0 { chosen = BuildingBlock(rawValue: k) ?? .valueFormula; break }
        }
        outcome.block = chosen

        let t = f.technology[i], r = f.relationship[i]
        let success = innovation.successBase + innovation.successTechnology * t
            + innovation.successRelationship * r + innovation.successAnalytics * analytics
        // The trend as the firm sees it: analytics and capability cut the noise.
        let noise = innovation.trendNoise * (1 - analytics * (0.5 + 0.5 * t))
        func perceived(_ a: Int) -> Double { clamp01(trend[a] + noise * generator.triangular()) }
        // Whether the initiative is also a sustainability project.
        func sustainabilityProject() -> Bool {
            let orientation = clamp01(perceived(Attribute.sustainable.rawValue) * (0.3 + f.sustainability[i])
                + innovation.trainingSustainability * use.training)
            return generator.uniform() < orientation
        }
        guard generator.uniform() < success else {
            if cofunding > 0 && sustainabilityProject() { outcome.subsidy = cofunding * outcome.cost }
            return outcome
        }
        outcome.success = true

        let offering = f.offering + i * Attribute.allCases.count
        switch chosen {
        case .valueProposition, .customers:
            let step = chosen == .valueProposition ? innovation.offeringStep : innovation.offeringStep / 2
            for a in 0..<Attribute.allCases.count { offering[a] += step * (perceived(a) - offering[a]) }
            if chosen == .customers { f.brand[i] = Swift.min(2, f.brand[i] + innovation.brandGain) }
        case .valueChain:
            f.variableCost[i] *= 1 - innovation.costCut
            f.technology[i] = clamp01(t + innovation.technologyGain * (1 - t))
        case .competences:
            f.technology[i] = clamp01(t + innovation.technologyGain * (1 - t))
            // More output from the same staff: capacity, and the reach that
            // follows it (`competenceReach` = (1 + cost_cut)^reach_elasticity).
            f.capacity[i] *= 1 + innovation.costCut
            f.reach[i] *= competenceReach
        case .network, .relations:
            f.relationship[i] = clamp01(r + innovation.relationshipGain * (1 - r))
            if chosen == .relations { f.brand[i] = Swift.min(2, f.brand[i] + innovation.brandGain / 2) }
        case .valueFormula:
            f.variableCost[i] *= 1 - innovation.costCut / 2
        }
        if sustainabilityProject() {
            let s = f.sustainability[i]
            f.sustainability[i] = clamp01(s + innovation.sustainabilityGain * (1 - s))
            f.circular[i] = Swift.min(innovation.circularMax, f.circular[i] + innovation.circularGain)
            outcome.subsidy = cofunding * outcome.cost
        }
        return outcome
    }
}

extension SplitMix64 {
    /// A cheap unit-variance deviate: the sum of two uniforms, centred and
    /// scaled (triangular on ±√6).
    @inlinable
    mutating func triangular() -> Double {
        (uniform() + uniform() - 1) * 2.449489742783178
    }
}
