import AgentEngine

extension RandomPurpose {
    static let adoption = RandomPurpose("adoption.join")
}

/// Platform adoption (MODEL.md §7 "Adoption"; Bass 1969).
///
/// A non-member joins in a tick with probability `h = p + q·F`: p is the
/// external influence (the platform's marketing), q imitation, and F the
/// member share the firm sees at the end of the previous tick — over the
/// whole population in `bass` mode, among its own peers in `peers` mode.
/// With the whole population as peers and no other filter, the expected
/// member share follows the discrete Bass recursion
/// `F(t+1) = F(t) + (p + q·F(t))·(1 − F(t))`.
enum Adoption {
    /// Runs one tick of adoption and returns the number of firms that joined.
    static func step(
        tick: Int, parameters: AdoptionParameters, population: Population,
        network: PeerNetwork?, membersAtStart: Int,
        streams: RandomStreams, executor: ChunkedExecutor
    ) -> Int {
        let stream = streams.stream(.adoption, tick: tick)
        let p = parameters.p, q = parameters.q
        let member = population.member
        let n = population.count
        guard parameters.mode == .peers, let network else {
            // Bass: F is global, so each firm reads only its own flag and
            // the update can be made in place.
            // Branch-free: every firm draws, and `u < hazard` is evaluated as
            // `bits >> 11 < hazard · 2^53`, the same comparison in integers'
            // clothing, so a mixed population costs no mispredicted branches.
            let share = n > 0 ? Double(membersAtStart) / Double(n) : 0
            let scaledHazard = Swift.min(1, p + q * share) * 0x1.0p53
            return executor.reduce(count: n, 0, { range in
                let flags = member.base
                var joins = 0
                for i in range {
                    let draw = Double(Int64(bitPattern: stream.bits(i) &>> 11))
                    let joined: UInt8 = (flags[i] ^ 1) & (draw < scaledHazard ? 1 : 0)
                    flags[i] |= joined
                    joins &+= Int(joined)
                }
                return joins
            }, +)
        }
        let previous = population.memberPrevious
        return executor.reduce(count: n, 0, { range in
            let flags = member.base, seen = previous.base
            var joins = 0
            for i in range where flags[i] == 0 {
                let share = network.memberShare(of: i, flags: seen)
                if stream.uniform(i) < Swift.min(1, p + q * share) {
                    flags[i] = 1
                    joins &+= 1
                }
            }
            return joins
        }, +)
    }
}

extension Adoption {
    /// What a non-member sees of the platform at the end of the previous tick.
    struct Outlook: Sendable {
        /// Hazard p + q·F before the filters.
        var hazard: Double
        /// Mean online revenue per member, and the mean visibility-weighted
        /// attractiveness of members it was earned with.
        var onlineRevenuePerMember: Double
        var memberWeight: Double
        var logistics: (local: Double, online: Double)
        var open: Bool
    }

    /// Behavioural filters on a firm that the Bass hazard has drawn: it joins
    /// only if it is ready (technology), passes curation (sustainability)
    /// and expects a positive net benefit: its estimate of the online margin
    /// it would earn — from what members earn, scaled by its own
    /// attractiveness, with perception noise — plus what the shared
    /// logistics network would save on its local deliveries, less commission,
    /// fee, the effort of running the channel and the onboarding cost
    /// amortised over the payback horizon.
    @inline(__always)
    static func accepts(
        _ i: Int, population: Population, weight: Double, outlook: Outlook,
        scenario: Scenario, noise: Double
    ) -> Bool {
        let b = scenario.adoption.behavioural, platform = scenario.platform
        guard population.technology[i] >= b.readiness,
              population.sustainability[i] >= platform.curationMinSustainability else { return false }
        let relative = outlook.memberWeight > 0 ? weight / outlook.memberWeight : 1
        let expected = Swift.max(0, outlook.onlineRevenuePerMember * relative * (1 + b.perceptionNoise * noise))
        let saving = population.revenueLocal[i] * (scenario.firms.economy.localLogistics - outlook.logistics.local)
        let premium = scenario.market.onlinePricePremium
        let margin = expected * (1 - population.variableCost[i] / (1 + premium) - outlook.logistics.online - platform.commission)
            + saving - platform.monthlyFee - platform.memberEffort - platform.onboardingCost / b.paybackMonths
        return margin > 0
    }
}
