import AgentEngine

/// Partner search and choice (seed 004), and the type of alliance two
/// partners form (seed 001).
///
/// The month's searchers are pooled — members in the platform's pool, the
/// region's matchmaking; others in their province's — and each pool is
/// ordered by random keys. In that order, a searcher not yet paired weighs
/// the next few unpaired searchers (more through matchmaking: it widens and
/// improves the search) and proposes to the one that fits best, if both
/// sides find the fit good enough. The fit weighs complementarity of
/// value-chain stages, compatibility (relationship capital and
/// sustainability alike), the candidate's financial stability and its
/// reputation from past alliances. The type then follows from who chose
/// whom. With `partner_choice` off, consecutive searchers pair at random:
/// the reference that shows choice matters.
extension AllianceSystem {
    /// A firm looking for a partner this month: its pool (the platform's,
    /// numbered after the provinces, or its province's) and a random key.
    struct Searcher: Sendable {
        let pool: Int
        let key: UInt64
        let firm: Int
    }

    /// The type two stage profiles call for, or nil when none fits: similar
    /// capabilities on the same dominant stage → sharing; overlapping
    /// profiles on adjacent stages → allocation; complementary (dissimilar)
    /// profiles → specialization; several at once → hybrid.
    static func type(_ p: SIMD4<Float>, _ q: SIMD4<Float>, rule: AllianceParameters) -> AllianceType? {
        let norm = ((p * p).sum() * (q * q).sum()).squareRoot()
        let similarity = norm > 0 ? Double((p * q).sum() / norm) : 0
        let dp = dominant(p), dq = dominant(q)
        var fits = 0
        var only: AllianceType?
        if dp == dq && similarity >= rule.sharingSimilarity { fits += 1; only = .sharing }
        if abs(dp - dq) == 1 && similarity >= rule.allocationSimilarity { fits += 1; only = .allocation }
        if similarity < rule.specializationSimilarity { fits += 1; only = .specialization }
        return fits > 1 ? .hybrid : only
    }

    private static func dominant(_ p: SIMD4<Float>) -> Int {
        var best = 0
        for k in 1..<4 where p[k] > p[best] { best = k }
        return best
    }

    /// How well candidate `j` fits firm `i`, in [0, 1]: the weighted mean of
    /// complementarity (half the L1 distance of their normalised stage
    /// profiles: 1 when each is strong where the other is not),
    /// compatibility (1 − the mean gap in relationship capital and
    /// sustainability), `j`'s financial dimension and `j`'s reputation.
    static func fit(_ i: Int, _ j: Int, _ p: PopulationPointers, rule: AllianceParameters) -> Double {
        let weights = rule.fitComplementarity + rule.fitCompatibility + rule.fitFinancial + rule.fitReputation
        guard weights > 0 else { return 1 }
        return fit(shared: sharedFit(i, j, p, rule: rule), candidate: j, p, rule: rule, weights: weights)
    }

    /// The lesser of the two partners' fits, `min(fit(i, j), fit(j, i))`
    /// with the part both share (complementarity and compatibility are
    /// symmetric, bit for bit) computed once.
    static func mutualFit(_ i: Int, _ j: Int, _ p: PopulationPointers, rule: AllianceParameters) -> Double {
        let weights = rule.fitComplementarity + rule.fitCompatibility + rule.fitFinancial + rule.fitReputation
        guard weights > 0 else { return 1 }
        let shared = sharedFit(i, j, p, rule: rule)
        return Swift.min(fit(shared: shared, candidate: j, p, rule: rule, weights: weights),
                         fit(shared: shared, candidate: i, p, rule: rule, weights: weights))
    }

    /// The weighted complementarity and compatibility of `i` and `j`, the
    /// same either way round: x − y is exactly −(y − x) in floating point,
    /// and the absolute values and sums are taken in the same order.
    @inline(__always)
    private static func sharedFit(_ i: Int, _ j: Int, _ p: PopulationPointers, rule: AllianceParameters) -> Double {
        let pi = profile(of: i, p), pj = profile(of: j, p)
        let si = pi.sum(), sj = pj.sum()
        var complementarity = 0.0
        if si > 0 && sj > 0 {
            let d = pi / si - pj / sj
            complementarity = Double(d.replacing(with: -d, where: d .< 0).sum()) / 2
        }
        let compatibility = 1 - (abs(p.relationship[i] - p.relationship[j]) + abs(p.sustainability[i] - p.sustainability[j])) / 2
        return rule.fitComplementarity * complementarity + rule.fitCompatibility * compatibility
    }

    /// The fit seen by a firm weighing `candidate`: the shared part plus the
    /// candidate's financial dimension and reputation, over the weights.
    @inline(__always)
    private static func fit(shared: Double, candidate j: Int, _ p: PopulationPointers, rule: AllianceParameters, weights: Double) -> Double {
        (shared + rule.fitFinancial * p.financial[j] + rule.fitReputation * p.reputation[j]) / weights
    }

    /// Two searchers who chose each other, and the terms they formed on.
    struct Pairing: Sendable {
        let a: Int, b: Int
        let type: AllianceType
        let commitA: Double, commitB: Double
    }

    /// Pairs the month's searchers (O(n log n + n·candidates), the same for
    /// any thread count). Pools are independent — a firm searches in one
    /// pool, and pairing reads firms' state without writing it — so they
    /// are paired in parallel; the new alliances are then numbered and
    /// counted in pool order, exactly as one pool after another would, and
    /// their events written in parallel chunks, kept in that order.
    mutating func match(tick: Int, scenario: Scenario, population: Population,
                        searchers: [Searcher], streams: RandomStreams, executor: ChunkedExecutor, tally: inout Tally) {
        let rule = scenario.alliances
        let provinces = scenario.firms.localities.count
        let p = PopulationPointers(population)
        var pooled = [[(key: UInt64, firm: Int)]](repeating: [], count: provinces + 1)
        for s in searchers {
            assert(p.alive[s.firm] == 1 && Int(p.allianceCount[s.firm]) < Self.room(employees: Int(p.employees[s.firm]), rule: rule),
                   "a searcher must be alive and have room for an alliance")
            pooled[s.pool].append((s.key, s.firm))
        }
        let pools = pooled
        let form = streams.stream(.allianceForm, tick: tick)
        let onePoolEach = ChunkedExecutor(threads: executor.threads, chunkSize: 1)
        let paired = onePoolEach.map(count: pools.count) { range in
            range.flatMap { index in
                Self.pair(pools[index], throughPlatform: index == provinces, rule: rule, population: p, form: form)
            }
        }
        let first = active.count
        for (poolIndex, pairings) in paired.enumerated() {
            for pairing in pairings {
                let alliance = Alliance(
                    id: nextId, a: pairing.a, b: pairing.b, type: pairing.type, throughPlatform: poolIndex == provinces,
                    formedTick: tick, trust: rule.initialTrust, commitA: pairing.commitA, commitB: pairing.commitB)
                nextId += 1
                p.allianceCount[pairing.a] += 1
                p.allianceCount[pairing.b] += 1
                active.append(alliance)
                tally.formed += 1
                tally.formedByType[pairing.type.rawValue] += 1
            }
        }
        let formed = active[first...]
        let eventChunks = ChunkedExecutor(threads: executor.threads, chunkSize: Self.eventChunk)
            .map(count: formed.count) { range in range.map { Self.event(.formed, formed[first + $0]) } }
        for chunk in eventChunks { tally.events += chunk }
    }

    /// Events formatted per parallel chunk (formatting numbers is most of
    /// an event's cost).
    static let eventChunk = 256

    /// The pairings of one pool, in its random order: a searcher not yet
    /// paired weighs the next `window` unpaired searchers and proposes to
    /// the one that fits best (or, without partner choice, takes the next).
    private static func pair(_ searchers: [(key: UInt64, firm: Int)], throughPlatform: Bool, rule: AllianceParameters,
                             population p: PopulationPointers, form: EntityStream) -> [Pairing] {
        guard searchers.count >= 2 else { return [] }
        let pool = searchers.sorted { $0.key != $1.key ? $0.key < $1.key : $0.firm < $1.firm }
        var paired = [Bool](repeating: false, count: pool.count)
        let window = throughPlatform ? rule.candidatesPlatform : rule.candidatesLocal
        var pairings: [Pairing] = []
        for k in pool.indices where !paired[k] {
            let a = pool[k].firm
            var chosen: Int?
            if rule.partnerChoice {
                var best = rule.fitMinimum
                var seen = 0, j = k + 1
                while j < pool.count && seen < window {
                    defer { j += 1 }
                    guard !paired[j] else { continue }
                    seen += 1
                    let b = pool[j].firm
                    let mutual = mutualFit(a, b, p, rule: rule)
                    if mutual >= best && (chosen == nil || mutual > best) {
                        best = mutual
                        chosen = j
                    }
                }
            } else if let next = (k + 1..<pool.count).first(where: { !paired[$0] }) {
                chosen = next
            }
            guard let j = chosen else { continue }
            paired[k] = true
            paired[j] = true
            let b = pool[j].firm
            guard let type = Self.type(profile(of: a, p), profile(of: b, p), rule: rule) else { continue }
            var g = form.generator(for: Swift.min(a, b))
            let spread = rule.commitmentSpread
            let commitA = 1 - spread * g.uniform()
            pairings.append(Pairing(a: a, b: b, type: type, commitA: commitA, commitB: 1 - spread * g.uniform()))
        }
        return pairings
    }
}
