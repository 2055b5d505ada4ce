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
        let offsets = network.offsets, targets = network.targets
        return executor.reduce(count: n, 0, { range in
            let flags = member.base, seen = previous.base
            var joins = 0
            for i in range where flags[i] == 0 {
                let lo = offsets[i], hi = offsets[i + 1]
                var members = 0
                for e in lo..<hi { members &+= Int(seen[Int(targets[e])]) }
                let share = hi > lo ? Double(members) / Double(hi - lo) : 0
                if stream.uniform(i) < Swift.min(1, p + q * share) {
                    flags[i] = 1
                    joins &+= 1
                }
            }
            return joins
        }, +)
    }
}
