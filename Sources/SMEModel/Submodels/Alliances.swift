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
    let formedTick: Int
    var phase: AlliancePhase = .concept
    var months = 0
    /// Times it has fallen back to an earlier phase.
    var fallbacks = 0
    var trust: Double
    /// Share of what each partner could commit that it does commit.
    let commitA: Double, commitB: Double
    var created = 0.0, capturedA = 0.0, capturedB = 0.0
    var learnt = 0.0
    /// Public money received so far (the group voucher).
    var granted = 0.0
}

/// What happened to an alliance, for `alliances.csv`.
enum AllianceEvent: String, Sendable, CaseIterable {
    case formed, phase = "phase_change", fellBack = "fall_back", dropped, failed = "failure"
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

/// Alliances (ODD §7; seeds 000, 001, 004): partners chosen by fit,
/// mostly through the platform's matchmaking (`AllianceMatching.swift`); the
/// type from the partners' value-chain profiles; the lifecycle concept →
/// foundation → development → operation, where a fall-back returns the
/// alliance to an earlier phase from which it may recover or be dropped,
/// failures come as trust falls, and ends are planned (at a small agreed
/// cost) or not (at a larger one); value created and captured by the type's
/// rule (`AllianceValue.swift`); and partial reintegration of what was learnt,
/// more with absorptive capacity and trust, through the firm-level stages
/// identification → consolidation → creation → adaption.
///
/// A firm may hold several alliances, so alliances are advanced in parallel
/// without writing firms' state: each reports what it does to its partners,
/// and those changes are applied in alliance order afterwards.
public struct AllianceSystem: Sendable {
    var active: [Alliance] = []
    var nextId = 0

    /// Counts of a tick, for the time series.
    public struct Tally: Sendable {
        var formed = 0, fellBack = 0, dropped = 0, failed = 0, endedPlanned = 0
        var valueCreated = 0.0
        /// Money into firms (value captured) and out of them (integration,
        /// exit costs).
        var captured = 0.0, integration = 0.0, exitCosts = 0.0
        var byType = [Int](repeating: 0, count: 4)
        var formedByType = [Int](repeating: 0, count: 4)
        var byPhase = [Int](repeating: 0, count: 4)
        var events: [CSVRecord] = []

        /// Adds another tally's counts and events (after this one's).
        mutating func absorb(_ other: Tally) {
            formed += other.formed; fellBack += other.fellBack; dropped += other.dropped
            failed += other.failed; endedPlanned += other.endedPlanned
            valueCreated += other.valueCreated; captured += other.captured; integration += other.integration
            exitCosts += other.exitCosts
            events += other.events
        }
    }

    /// Alliances advanced per parallel chunk: a sixteenth of the
    /// population's chunk (1,024 with the default 16,384), so fixed for a
    /// given chunk size and the tick's sums are folded the same way for any
    /// thread count. Smaller than the population's chunks because there are
    /// far fewer alliances than firms and each costs more (its partners'
    /// state is read at random places).
    static func chunkSize(populationChunk: Int) -> Int { Swift.max(1, populationChunk / 16) }

    /// What a month of one alliance does to its partners.
    struct Change: Sendable {
        var cashA = 0.0, cashB = 0.0
        /// Each partner's integration cost this month (included above).
        var integrationA = 0.0, integrationB = 0.0
        /// How it ended this month, if it did.
        var ended: AllianceEvent?
    }

    /// One month of every alliance, then the matching of the firms that
    /// searched (`searchers`, found by the economy's pass with
    /// `firmMonth`, which also produced `reintegrations`). A group voucher
    /// pays its share of the integration costs of alliances formed while it
    /// runs, in alliance order, from `policy`.
    mutating func step(tick: Int, scenario: Scenario, population: Population, searchers: [Searcher],
                       reintegrations: [CSVRecord], policy: inout PolicyState,
                       streams: RandomStreams, executor: ChunkedExecutor) -> Tally {
        var tally = Tally()
        let rule = scenario.alliances
        let month = streams.stream(.allianceMonth, tick: tick)
        // In parallel over chunks of alliances, reading firms' state only;
        // tallies, survivors and changes are merged in chunk order.
        let current = active
        let columns = PopulationPointers(population)
        let allianceExecutor = ChunkedExecutor(
            threads: executor.threads, chunkSize: Self.chunkSize(populationChunk: executor.chunkSize))
        let chunks = allianceExecutor.map(count: current.count) { range -> (advanced: [(Alliance, Change)], tally: Tally) in
            var advanced: [(Alliance, Change)] = []
            advanced.reserveCapacity(range.count)
            var chunkTally = Tally()
            for k in range {
                var alliance = current[k]
                let change = Self.advance(&alliance, rule: rule, population: columns,
                                          generator: month.generator(for: alliance.id), tally: &chunkTally)
                advanced.append((alliance, change))
            }
            return (advanced, chunkTally)
        }
        active.removeAll(keepingCapacity: true)
        let voucher = scenario.policy[.groupVoucher]
        for chunk in chunks {
            tally.absorb(chunk.tally)
            for (advanced, change) in chunk.advanced {
                var alliance = advanced
                columns.cash[alliance.a] += change.cashA
                columns.cash[alliance.b] += change.cashB
                let integration = change.integrationA + change.integrationB
                if integration > 0 && alliance.formedTick >= voucher.start && policy.isOpen(.groupVoucher, tick: tick, scenario.policy) {
                    let grant = policy.pay(.groupVoucher, Swift.min(voucher.share * integration, Swift.max(0, voucher.capPerFirm - alliance.granted)))
                    alliance.granted += grant
                    columns.cash[alliance.a] += grant * change.integrationA / integration
                    columns.cash[alliance.b] += grant * change.integrationB / integration
                }
                if let ended = change.ended {
                    Self.release(alliance, ended, population: columns, rule: rule, tally: &tally)
                } else {
                    active.append(alliance)
                }
            }
        }
        tally.events += reintegrations
        match(tick: tick, scenario: scenario, population: population, searchers: searchers, streams: streams,
              executor: executor, tally: &tally)
        for alliance in active {
            tally.byType[alliance.type.rawValue] += 1
            tally.byPhase[alliance.phase.rawValue] += 1
        }
        return tally
    }

    /// Advances one alliance by a month, reading its partners' state only.
    private static func advance(_ al: inout Alliance, rule: AllianceParameters, population p: PopulationPointers,
                                generator: SplitMix64, tally: inout Tally) -> Change {
        var g = generator
        var change = Change()
        func end(_ event: AllianceEvent) -> Change {
            switch event {
            case .dropped: tally.dropped += 1
            case .failed: tally.failed += 1
            case .endedPlanned: tally.endedPlanned += 1
            default: break
            }
            tally.events.append(Self.event(event, al))
            change.ended = event
            return change
        }
        guard p.alive[al.a] == 1, p.alive[al.b] == 1 else { return end(.failed) }
        al.months += 1
        if al.phase != .concept {
            // Integration costs while the partners work together.
            let cost = rule.parameters(of: al.type).integration
            change.integrationA = cost * p.capacity[al.a] * al.commitA
            change.integrationB = cost * p.capacity[al.b] * al.commitB
            change.cashA -= change.integrationA
            change.cashB -= change.integrationB
            tally.integration -= change.cashA + change.cashB
        }
        switch al.phase {
        case .concept:
            guard al.months >= rule.conceptMonths else { return change }
            if g.uniform() < rule.conceptDrop { return end(.dropped) }
            move(&al, to: .foundation, tally: &tally)
        case .foundation:
            guard al.months >= rule.foundationMonths else { return change }
            // Culture and fit: partners far apart in relationship capital
            // fall back to concept more often (seed 004).
            let compatibility = 1 - abs(p.relationship[al.a] - p.relationship[al.b])
            if g.uniform() < rule.foundationFallback * (1 - compatibility) {
                return fallBack(&al, to: .concept, rule: rule, tally: &tally) ? change : end(.dropped)
            }
            move(&al, to: .development, tally: &tally)
        case .development, .operation:
            al.learnt += rule.learningRate * (1 - al.learnt)
            // Unequal commitment erodes trust; failure grows as trust falls.
            let imbalance = abs(al.commitA - al.commitB)
            al.trust = clamp01(al.trust + rule.trustGain * (1 - al.trust) - rule.commitmentErosion * imbalance)
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
                change.cashA += toA
                change.cashB += toB
                al.created += v.created
                al.capturedA += v.a
                al.capturedB += v.b
                tally.valueCreated += v.created
                tally.captured += v.created
            }
            let failure = rule.failureRate * (1 - al.trust) * (1 - al.trust)
            if g.uniform() < failure { return end(.failed) }
            if al.phase == .development {
                // Experimentation with unequal inputs: back to the contract.
                if g.uniform() < rule.developmentFallback * imbalance {
                    return fallBack(&al, to: .foundation, rule: rule, tally: &tally) ? change : end(.dropped)
                }
                if al.months >= rule.developmentMonths { move(&al, to: .operation, tally: &tally) }
            } else if al.months >= rule.operationMonths {
                return end(.endedPlanned)
            }
        }
        return change
    }

    private static func move(_ al: inout Alliance, to phase: AlliancePhase, tally: inout Tally) {
        al.phase = phase
        al.months = 0
        tally.events.append(Self.event(.phase, al))
    }

    /// A fall-back to an earlier phase (seed 000); false when the alliance
    /// has fallen back too often and is to be dropped.
    private static func fallBack(_ al: inout Alliance, to phase: AlliancePhase, rule: AllianceParameters, tally: inout Tally) -> Bool {
        al.fallbacks += 1
        guard al.fallbacks <= rule.maxFallbacks else { return false }
        al.phase = phase
        al.months = 0
        tally.fellBack += 1
        tally.events.append(Self.event(.fellBack, al))
        return true
    }

    /// Frees the partners of an ended alliance: each pays the cost of the
    /// way it ended, its reputation moves, and what the alliance learnt goes
    /// to its reintegration — a share that rises with its absorptive
    /// capacity and the trust reached (seed 000).
    private static func release(_ al: Alliance, _ event: AllianceEvent, population p: PopulationPointers,
                                rule: AllianceParameters, tally: inout Tally) {
        func free(_ firm: Int) {
            p.allianceCount[firm] = p.allianceCount[firm] > 0 ? p.allianceCount[firm] - 1 : 0
            guard p.alive[firm] == 1 else { return }
            let cost = exitCost(event, capacity: p.capacity[firm], rule: rule)
            p.cash[firm] -= cost
            tally.exitCosts += cost
            if event == .endedPlanned { p.reputation[firm] += rule.reputationGain * (1 - p.reputation[firm]) }
            if event == .failed { p.reputation[firm] *= 1 - rule.reputationLoss }
            guard al.learnt > 0 else { return }
            let efficiency = reintegrationShare(technology: p.technology[firm], trust: al.trust, rule: rule)
            // A reintegration under way takes in what is left of it.
            let left = p.reintegrationStage[firm] > 0 ? p.reintegrationStep[firm] * Double(5 - Int(p.reintegrationStage[firm])) : 0
            p.reintegrationStage[firm] = 1
            p.reintegrationStep[firm] = (left + efficiency * al.learnt) / 4
        }
        free(al.a)
        free(al.b)
    }

    /// What ending costs each partner: an agreed exit at the planned end
    /// costs less than a failure (seed 004); a case dropped before
    /// operation costs nothing more.
    static func exitCost(_ event: AllianceEvent, capacity: Double, rule: AllianceParameters) -> Double {
        switch event {
        case .endedPlanned: return rule.exitCostPlanned * capacity
        case .failed: return rule.exitCostFailure * capacity
        default: return 0
        }
    }

    /// The share of what an alliance learnt that a partner reintegrates: it
    /// rises with the partner's absorptive capacity (technology) and with
    /// the trust the partners reached, up to `reintegration_efficiency`.
    static func reintegrationShare(technology: Double, trust: Double, rule: AllianceParameters) -> Double {
        rule.reintegrationEfficiency * (0.5 + 0.5 * technology) * (0.5 + 0.5 * trust)
    }

    /// A firm's own alliance business of the month, run inside the
    /// economy's per-firm pass (so the population is scanned once): one
    /// stage of a reintegration under way, and, for a firm with room for
    /// another alliance, whether it searches for a partner this month
    /// (`searchCoin`, uniform on [0, 1), drawn by the pass).
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
        let held = Int(f.allianceCount[i])
        guard held == 0 || held < room(employees: Int(f.employees[i]), rule: rule) else { return }
        let throughPlatform = platformOpen && f.member[i] == 1
        let rate = rule.searchRate * (0.5 + f.relationship[i]) * (throughPlatform ? rule.matchmakingBoost : 1)
        guard searchCoin < rate else { return }
        searchers.append(Searcher(pool: throughPlatform ? provinces : Int(f.locality[i]), key: order.bits(i), firm: i))
    }

    /// Alliances a firm of `employees` can hold at once.
    @inline(__always)
    static func room(employees: Int, rule: AllianceParameters) -> Int {
        Swift.min(rule.maxPerFirm, 1 + Int(Double(employees) / rule.employeesPerAlliance))
    }

    /// Firm `i`'s value-chain stage profile (4 strengths).
    static func profile(of i: Int, _ p: PopulationPointers) -> SIMD4<Float> {
        UnsafeRawPointer(p.profile + i * 4).loadUnaligned(as: SIMD4<Float>.self)
    }
}
