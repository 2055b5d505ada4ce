/// The four alliance types of de Man & Luvison (seed 001).
public enum AllianceType: Int, CaseIterable, Sendable {
    case sharing, specialization, allocation, hybrid

    public var key: String { ["sharing", "specialization", "allocation", "hybrid"][rawValue] }
}

/// The alliance lifecycle of Spieth, Laudien & Meissner (seed 000).
public enum AlliancePhase: Int, CaseIterable, Sendable {
    case concept, foundation, development, operation

    public var key: String { ["concept", "foundation", "development", "operation"][rawValue] }
}

/// Per-type constants of value creation, capture and integration.
public struct AllianceTypeParameters: Sendable, Equatable {
    /// Monthly value created, as a share of the partners' monthly capacity.
    public var value: Double
    /// Relative standard deviation of that value.
    public var spread: Double
    /// Monthly integration cost of each partner, as a share of its capacity.
    public var integration: Double

    public init(value: Double, spread: Double, integration: Double) {
        self.value = value
        self.spread = spread
        self.integration = integration
    }
}

/// Partnerships between firms (ODD §7 "Alliances"; seeds 000, 001, 004).
public struct AllianceParameters: Sendable, Equatable {
    public var enabled = true
    /// Monthly chance that a firm with room for an alliance looks for a
    /// partner, at relationship 0.5; it scales with (0.5 + relationship).
    public var searchRate = 0.0015
    /// Members search this many times as often, through the platform's
    /// matchmaking, among all members of the region; others among the
    /// firms of their province.
    public var matchmakingBoost = 25.0
    /// Partner choice (seed 004): a searcher weighs `candidatesPlatform`
    /// (through matchmaking) or `candidatesLocal` (its own search) other
    /// searchers and proposes to the one that fits best, if both find the
    /// fit at least `fitMinimum`. `partnerChoice` false pairs searchers at random
    /// (the reference that shows choice matters).
    public var partnerChoice = true
    public var candidatesPlatform = 8
    public var candidatesLocal = 3
    /// Weights of the fit: complementarity of value-chain stages,
    /// compatibility (relationship capital and sustainability alike),
    /// the candidate's financial stability and its reputation from past
    /// alliances.
    public var fitComplementarity = 0.15
    public var fitCompatibility = 0.5
    public var fitFinancial = 0.5
    public var fitReputation = 0.5
    public var fitMinimum = 0.5
    /// Alliances a firm can hold at once: 1 + employees / employeesPerAlliance,
    /// at most maxPerFirm.
    public var maxPerFirm = 3
    public var employeesPerAlliance = 10.0
    /// Peakedness of the value-chain stage profiles (production, processing,
    /// distribution, marketing): each strength is u^peakedness.
    public var profilePeakedness = 1.5
    /// Type rule thresholds on the cosine similarity of the partners' profiles.
    public var sharingSimilarity = 0.6
    public var allocationSimilarity = 0.45
    public var specializationSimilarity = 0.62
    /// Phase durations in months (operation: the planned duration).
    public var conceptMonths = 2
    public var foundationMonths = 3
    public var developmentMonths = 6
    public var operationMonths = 24
    /// Chance the business case is dropped at the end of concept; chance of
    /// falling back from foundation to concept for wholly incompatible
    /// partners (scaled by 1 − compatibility), and from development to
    /// foundation per unit of unequal commitment; an alliance that has
    /// fallen back more than `maxFallbacks` times is dropped.
    public var conceptDrop = 0.2
    public var foundationFallback = 0.5
    public var developmentFallback = 0.3
    public var maxFallbacks = 2
    /// Trust: initial level, monthly gain, erosion per unit of unequal
    /// commitment, and the monthly failure chance at zero trust (it falls
    /// with the square of trust).
    public var initialTrust = 0.5
    public var trustGain = 0.03
    public var commitmentErosion = 0.15
    public var failureRate = 0.08
    /// Partners commit uniformly between 1 − spread and 1 of what they could.
    public var commitmentSpread = 0.6
    /// Monthly learning while developing and operating, and the share of it
    /// each partner reintegrates at the end for full absorptive capacity and
    /// trust (it scales with (0.5 + 0.5·technology)·(0.5 + 0.5·trust)).
    public var learningRate = 0.04
    public var reintegrationEfficiency = 0.5
    /// Cost of ending, as a share of each partner's monthly capacity: an
    /// agreed exit at the planned end, and an unplanned failure (seed 004).
    public var exitCostPlanned = 0.01
    public var exitCostFailure = 0.05
    /// A firm's reputation as a partner: raised by a planned end, lowered by
    /// a failure.
    public var reputationGain = 0.1
    public var reputationLoss = 0.2
    /// Allocation: share of the partners' profit difference pooled each month.
    public var riskPooling = 0.5
    public var sharing = AllianceTypeParameters(value: 0.02, spread: 0.1, integration: 0.008)
    public var specialization = AllianceTypeParameters(value: 0.03, spread: 1.0, integration: 0.002)
    public var allocation = AllianceTypeParameters(value: 0.012, spread: 0.2, integration: 0.005)

    public init() {}

    public func parameters(of type: AllianceType) -> AllianceTypeParameters {
        switch type {
        case .sharing: return sharing
        case .specialization: return specialization
        case .allocation: return allocation
        case .hybrid:
            // A hybrid runs the sharing and the specialization logic at half weight each.
            return AllianceTypeParameters(
                value: (sharing.value + specialization.value) / 2,
                spread: (sharing.spread + specialization.spread) / 2,
                integration: (sharing.integration + specialization.integration) / 2)
        }
    }
}
