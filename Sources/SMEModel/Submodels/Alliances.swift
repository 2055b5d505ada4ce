import AgentEngine
import Foundation

extension RandomPurpose {
    static let allianceMatch = RandomPurpose("alliance.match")
    static let allianceMonth = RandomPurpose("alliance.month")
    static let allianceForm = RandomPurpose("alliance.form")
}

/// One partnership between two firms.
struct Alliance: Sendable {
    let id: Int
    let a: Int, b: Int
    let type: AllianceType
    /// Matched through the platform's matchmaking (true) or among local peers.
    let throughPlatform: Bool
    var phase: AlliancePhase = .concept
    var months = 0
    var trust: Double
    /// Share of what each partner could commit that it does commit.
    let commitA: Double, commitB: Double
    var created = 0.0, capturedA = 0.0, capturedB = 0.0
    var learnt = 0.0
}

/// What happened to an alliance, for `alliances.csv`.
enum AllianceEvent: String, Sendable, CaseIterable {
    case formed, phase = "phase_change", fellBack = "fall_back", failed = "failure"
    case endedPlanned = "planned_end", reintegration

    /// The name as CSV bytes, built once.
    static let csv: [AllianceEvent: [UInt8]] = Dictionary(uniqueKeysWithValues: allCases.map { ($0, Array(CSVRecord.escape($0.rawValue).utf8)) })
}

extension AllianceType {
    static let csv: [[UInt8]] = allCases.map { Array(CSVRecord.escape($0.key).utf8) }
}

extension AlliancePhase {
    static let csv: [[UInt8]] = allCases.map { Array(CSVRecord.escape($0.key).utf8) }
}

/// Alliances (MODEL.md §7; seeds 000, 001, 004): partner search, mostly
/// through the platform's matchmaking; the type from the partners'
/// value-chain profiles; the lifecycle concept → foundation → development →
/// operation with fall-backs, failures as trust falls and planned ends;
/// value created and captured by the type's rule; partial reintegration of
/// what was learnt through the firm-level stages identification →
/// consolidation → creation → adaption.
public struct AllianceSystem: Sendable {
    private(set) var active: [Alliance] = []
    private var nextId = 0

    /// Counts of a tick, for the time series.
    public struct Tally: Sendable {
        var formed = 0, fellBack = 0, failed = 0, endedPlanned = 0
        var valueCreated = 0.0
        /// Money into firms (value captured) and out of them (integration).
        var captured = 0.0, integration = 0.0
        var byType = [Int](repeating: 0, count: 4)
        var byPhase = [Int](repeating: 0, count: 4)
        var events: [CSVRecord] = []

        /// Adds another tally's counts and events (after this one's).
        mutating func absorb(_ other: Tally) {
            formed += other.formed; fellBack += other.fellBack; failed += other.failed; endedPlanned += other.endedPlanned
            valueCreated += other.valueCreated; captured += other.captured; integration += other.integration
            events += other.events
        }
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

    /// Value created this month and each partner's share of it, by the
    /// type's rule: sharing splits the joint result in proportion to what
    /// each committed (the shares sum to it exactly); specialization lets
    /// each keep what it makes with its own resources; allocation pays the
    /// joint result out in proportion to each partner's performance (its
    /// profit this month); a hybrid runs sharing and specialization at half
    /// weight each. `noise` gives three unit-variance deviates.
    static func value(type: AllianceType, capacityA: Double, capacityB: Double, commitA: Double, commitB: Double,
                      profitA: Double, profitB: Double, rule: AllianceParameters,
                      noise: (Double, Double, Double)) -> (created: Double, a: Double, b: Double) {
        let t = rule.parameters(of: type)
        let ca = capacityA * commitA, cb = capacityB * commitB
        switch type {
        case .sharing:
            let joint = t.value * (ca + cb) * (1 + t.spread * noise.0)
            let a = byCommitment(joint, ca, cb)
            return (joint, a, joint - a)
        case .specialization:
            let a = t.value * ca * (1 + t.spread * noise.1), b = t.value * cb * (1 + t.spread * noise.2)
            return (a + b, a, b)
        case .allocation:
            let joint = t.value * (ca + cb) * (1 + t.spread * noise.0)
            let pa = Swift.max(profitA, 0), pb = Swift.max(profitB, 0)
            let a = pa + pb > 0 ? joint * pa / (pa + pb) : joint / 2
            return (joint, a, joint - a)
        case .hybrid:
            let joint = 0.5 * t.value * (ca + cb) * (1 + t.spread * noise.0)
            let sharedA = byCommitment(joint, ca, cb)
            let ownA = 0.5 * t.value * ca * (1 + t.spread * noise.1), ownB = 0.5 * t.value * cb * (1 + t.spread * noise.2)
            return (joint + ownA + ownB, sharedA + ownA, joint - sharedA + ownB)
        }
    }

    /// Partner a's part of a joint result split in proportion to what each
    /// committed (half each when neither committed anything).
    private static func byCommitment(_ joint: Double, _ ca: Double, _ cb: Double) -> Double {
        (ca + cb) > 0 ? joint * ca / (ca + cb) : joint / 2
    }

    /// Allocation's risk pooling: the better-off partner passes a share of
    /// the profit difference to the other (zero-sum; it lowers the variance
    /// of both partners' outcomes). Returns the transfer to partner a.
    static func pooling(profitA: Double, profitB: Double, share: Double) -> Double {
        share * (profitB - profitA) / 2
    }

    /// Alliances advanced per parallel chunk: a sixteenth of the
    /// population's chunk (1,024 with the default 16,384), so fixed for a
    /// given chunk size and the tick's sums are folded the same way for any
    /// thread count. Smaller than the population's chunks because there are
    /// far fewer alliances than firms and each costs more (its partners'
    /// state is read at random places).
    static func chunkSize(populationChunk: Int) -> Int { Swift.max(1, populationChunk / 16) }

    /// One month of every alliance, then the matching of the firms that
    /// searched (`searchers`, found by the economy's pass with
    /// `firmMonth`, which also produced `reintegrations`).
    mutating func step(tick: Int, scenario: Scenario, population: Population, searchers: [Searcher],
                       reintegrations: [CSVRecord], streams: RandomStreams, executor: ChunkedExecutor) -> Tally {
        var tally = Tally()
        let rule = scenario.alliances
        let month = streams.stream(.allianceMonth, tick: tick)
        // In parallel over chunks of alliances: a firm is in one alliance
        // at most, so each alliance writes only its own two firms; tallies
        // and survivors are merged in chunk order.
        let current = active
        let columns = PopulationPointers(population)
        let allianceExecutor = ChunkedExecutor(
            threads: executor.threads, chunkSize: Self.chunkSize(populationChunk: executor.chunkSize))
        let chunks = allianceExecutor.map(count: current.count) { range -> (kept: [Alliance], tally: Tally) in
            var kept: [Alliance] = []
            var chunkTally = Tally()
            for k in range {
                var alliance = current[k]
                if Self.advance(&alliance, rule: rule, population: columns,
                                generator: month.generator(for: alliance.id), tally: &chunkTally) {
                    kept.append(alliance)
                }
            }
            return (kept, chunkTally)
        }
        active = chunks.flatMap(\.kept)
        for chunk in chunks { tally.absorb(chunk.tally) }
        tally.events += reintegrations
        match(tick: tick, scenario: scenario, population: population, searchers: searchers, streams: streams, tally: &tally)
        for alliance in active {
            tally.byType[alliance.type.rawValue] += 1
            tally.byPhase[alliance.phase.rawValue] += 1
        }
        return tally
    }

    /// Advances one alliance by a month; false when it has ended.
    private static func advance(_ al: inout Alliance, rule: AllianceParameters, population: PopulationPointers,
                         generator: SplitMix64, tally: inout Tally) -> Bool {
        var g = generator
        let p = population
        guard p.alive[al.a] == 1, p.alive[al.b] == 1 else {
            end(&al, .failed, population: p, rule: rule, tally: &tally)
            return false
        }
        al.months += 1
        if al.phase != .concept {
            // Integration costs while the partners work together.
            let cost = rule.parameters(of: al.type).integration
            let costA = cost * p.capacity[al.a] * al.commitA, costB = cost * p.capacity[al.b] * al.commitB
            p.cash[al.a] -= costA
            p.cash[al.b] -= costB
            tally.integration += costA + costB
        }
        switch al.phase {
        case .concept:
            guard al.months >= rule.conceptMonths else { return true }
            if g.uniform() < rule.conceptDrop {
                end(&al, .fellBack, population: p, rule: rule, tally: &tally)
                return false
            }
            move(&al, to: .foundation, tally: &tally)
        case .foundation:
            guard al.months >= rule.foundationMonths else { return true }
            // Culture and fit: partners far apart in relationship capital
            // fall back to partner search more often.
            let compatibility = 1 - abs(p.relationship[al.a] - p.relationship[al.b])
            if g.uniform() < rule.foundationFallback * (1 - compatibility) {
                end(&al, .fellBack, population: p, rule: rule, tally: &tally)
                return false
            }
            move(&al, to: .development, tally: &tally)
        case .development, .operation:
            al.learnt += rule.learningRate * (1 - al.learnt)
            // Unequal commitment erodes trust; failure grows as trust falls.
            al.trust = clamp01(al.trust + rule.trustGain * (1 - al.trust) - rule.commitmentErosion * abs(al.commitA - al.commitB))
            p.relationship[al.a] = clamp01(p.relationship[al.a] + rule.relationshipGrowth * (1 - p.relationship[al.a]))
            p.relationship[al.b] = clamp01(p.relationship[al.b] + rule.relationshipGrowth * (1 - p.relationship[al.b]))
            if al.phase == .operation {
                let v = Self.value(
                    type: al.type, capacityA: p.capacity[al.a], capacityB: p.capacity[al.b],
                    commitA: al.commitA, commitB: al.commitB, profitA: p.profit[al.a], profitB: p.profit[al.b],
                    rule: rule, noise: (g.triangular(), g.triangular(), g.triangular()))
                var toA = v.a, toB = v.b
                if al.type == .allocation {
                    let transfer = Self.pooling(profitA: p.profit[al.a], profitB: p.profit[al.b], share: rule.riskPooling)
                    toA += transfer
                    toB -= transfer
                }
                p.cash[al.a] += toA
                p.cash[al.b] += toB
                al.created += v.created
                al.capturedA += v.a
                al.capturedB += v.b
                tally.valueCreated += v.created
                tally.captured += v.created
            }
            let failure = rule.failureRate * (1 - al.trust) * (1 - al.trust)
            if g.uniform() < failure {
                end(&al, .failed, population: p, rule: rule, tally: &tally)
                return false
            }
            if al.phase == .development && al.months >= rule.developmentMonths {
                move(&al, to: .operation, tally: &tally)
            } else if al.phase == .operation && al.months >= rule.operationMonths {
                end(&al, .endedPlanned, population: p, rule: rule, tally: &tally)
                return false
            }
        }
        return true
    }

    private static func move(_ al: inout Alliance, to phase: AlliancePhase, tally: inout Tally) {
        al.phase = phase
        al.months = 0
        tally.events.append(Self.event(.phase, al))
    }

    /// Ends an alliance; what it learnt is handed to each living partner's
    /// reintegration, which moves it into the business model partly
    /// (efficiency < 1) over the four firm-level stages.
    private static func end(_ al: inout Alliance, _ event: AllianceEvent, population p: PopulationPointers, rule: AllianceParameters,
                     tally: inout Tally) {
        switch event {
        case .fellBack: tally.fellBack += 1
        case .failed: tally.failed += 1
        case .endedPlanned: tally.endedPlanned += 1
        default: break
        }
        tally.events.append(Self.event(event, al))
        func release(_ firm: Int) {
            p.alliance[firm] = -1
            if p.alive[firm] == 1 && al.learnt > 0 {
                p.reintegrationStage[firm] = 1
                p.reintegrationStep[firm] = rule.reintegrationEfficiency * al.learnt / 4
            }
        }
        release(al.a)
        release(al.b)
    }

    /// A firm looking for a partner this month: its pool (the platform's,
    /// numbered after the provinces, or its province's) and a random key.
    struct Searcher: Sendable {
        let pool: Int
        let key: UInt64
        let firm: Int
    }

    /// A firm's own alliance business of the month, run inside the
    /// economy's per-firm pass (so the population is scanned once): one
    /// stage of a reintegration under way, and, for a free firm, whether it
    /// searches for a partner this month (`searchCoin`, uniform on [0, 1),
    /// drawn by the pass).
    @inline(__always)
    static func firmMonth(_ i: Int, _ f: PopulationPointers, rule: AllianceParameters,
                          platformOpen: Bool, searchCoin: Double, order: EntityStream, provinces: Int,
                          searchers: inout [Searcher], events: inout [CSVRecord]) {
        let stage = Int(f.reintegrationStage[i])
        if stage > 0 {
            let step = f.reintegrationStep[i]
            f.relationship[i] = clamp01(f.relationship[i] + step * (1 - f.relationship[i]))
            f.technology[i] = clamp01(f.technology[i] + step * (1 - f.technology[i]))
            f.reintegrationStage[i] = stage < 4 ? UInt8(stage + 1) : 0
            if stage == 4 { events.append(reintegrationEvent(firm: i, amount: 4 * step)) }
        }
        guard f.alliance[i] == -1 else { return }
        let throughPlatform = platformOpen && f.member[i] == 1
        let rate = rule.searchRate * (0.5 + f.relationship[i]) * (throughPlatform ? rule.matchmakingBoost : 1)
        guard searchCoin < rate else { return }
        searchers.append(Searcher(pool: throughPlatform ? provinces : Int(f.locality[i]), key: order.bits(i), firm: i))
    }

    /// Pairs the month's searchers: members through the platform's
    /// matchmaking across the region, others within their province; each
    /// pool is ordered by its random keys and paired in consecutive twos
    /// (O(n log n), the same for any thread count).
    private mutating func match(tick: Int, scenario: Scenario, population p: Population,
                                searchers: [Searcher], streams: RandomStreams, tally: inout Tally) {
        let rule = scenario.alliances
        let provinces = scenario.firms.localities.count
        var pools = [[(key: UInt64, firm: Int)]](repeating: [], count: provinces + 1)
        // Every searcher is alive and free: the economy's pass found it so,
        // and advancing alliances only ever frees firms.
        for s in searchers {
            assert(p.alive[s.firm] == 1 && p.alliance[s.firm] == -1, "a searcher must be alive and free")
            pools[s.pool].append((s.key, s.firm))
        }
        let form = streams.stream(.allianceForm, tick: tick)
        for (poolIndex, var pool) in pools.enumerated() where pool.count >= 2 {
            pool.sort { $0.key != $1.key ? $0.key < $1.key : $0.firm < $1.firm }
            var k = 0
            while k + 1 < pool.count {
                let a = pool[k].firm, b = pool[k + 1].firm
                k += 2
                let pa = Self.profile(of: a, p), pb = Self.profile(of: b, p)
                guard let type = Self.type(pa, pb, rule: rule) else { continue }
                var g = form.generator(for: Swift.min(a, b))
                let spread = rule.commitmentSpread
                let alliance = Alliance(
                    id: nextId, a: a, b: b, type: type, throughPlatform: poolIndex == provinces,
                    trust: rule.initialTrust,
                    commitA: 1 - spread * g.uniform(), commitB: 1 - spread * g.uniform())
                nextId += 1
                p.alliance[a] = Int32(truncatingIfNeeded: alliance.id)
                p.alliance[b] = Int32(truncatingIfNeeded: alliance.id)
                active.append(alliance)
                tally.formed += 1
                tally.events.append(Self.event(.formed, alliance))
            }
        }
    }

    /// Firm `i`'s value-chain stage profile (4 strengths).
    private static func profile(of i: Int, _ p: Population) -> SIMD4<Float> {
        UnsafeRawPointer(p.profile.base + i * 4).loadUnaligned(as: SIMD4<Float>.self)
    }
}
