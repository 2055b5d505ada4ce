import AgentEngine
import Foundation
import Testing
@testable import SMEModel

/// Rule checks of the alliance submodel on hand-made inputs (value capture
/// by type, the type rule, reintegration, exit costs, fit): they pin the
/// documented rules and are not findings; the patterns they produce are in
/// `AlliancePatternTests`.
@Suite struct AllianceRuleTests {
    let rule = AllianceParameters()

    @Test func sharingSplitsTheJointResultByCommitment() {
        let v = AllianceSystem.value(type: .sharing, capacityA: 40_000, capacityB: 10_000, commitA: 1, commitB: 0.5,
                                     profitA: 100, profitB: 900, rule: rule, noise: (0.7, -1, 2))
        #expect(abs(v.a + v.b - v.created) <= 1e-9 * abs(v.created))
        #expect(abs(v.a / v.b - 40_000.0 / 5_000.0) < 1e-9)
        #expect(abs(v.created - rule.sharing.value * 45_000 * (1 + rule.sharing.spread * 0.7)) < 1e-9)
    }

    @Test func specializationPartnersKeepTheirOwn() {
        let one = AllianceSystem.value(type: .specialization, capacityA: 30_000, capacityB: 10_000, commitA: 1, commitB: 1,
                                       profitA: 0, profitB: 0, rule: rule, noise: (0, 0.5, -0.5))
        let other = AllianceSystem.value(type: .specialization, capacityA: 30_000, capacityB: 99_000, commitA: 1, commitB: 1,
                                         profitA: 0, profitB: 0, rule: rule, noise: (0, 0.5, 1.5))
        // A's result depends on A's own resources and draw only.
        #expect(one.a == other.a)
        #expect(abs(one.a - rule.specialization.value * 30_000 * (1 + rule.specialization.spread * 0.5)) < 1e-9)
        #expect(abs(one.a + one.b - one.created) < 1e-9)
    }

    @Test func allocationPaysByPerformanceAndPoolsRisk() {
        let v = AllianceSystem.value(type: .allocation, capacityA: 20_000, capacityB: 20_000, commitA: 1, commitB: 1,
                                     profitA: 3_000, profitB: 1_000, rule: rule, noise: (0, 0, 0))
        #expect(abs(v.a - 0.75 * v.created) < 1e-9 && abs(v.b - 0.25 * v.created) < 1e-9)
        let transfer = AllianceSystem.pooling(profitA: 3_000, profitB: 1_000, share: 0.5)
        #expect(transfer == -500)
    }

    @Test func hybridAddsTheSharedAndTheOwnParts() {
        let v = AllianceSystem.value(type: .hybrid, capacityA: 10_000, capacityB: 10_000, commitA: 1, commitB: 1,
                                     profitA: 0, profitB: 0, rule: rule, noise: (0, 0, 0))
        #expect(abs(v.a + v.b - v.created) < 1e-9)
        #expect(abs(v.created - rule.parameters(of: .hybrid).value * 20_000) < 1e-9)
    }

    /// In a controlled comparison, allocation lowers the variance of the
    /// partners' profits relative to no alliance; specialization raises the
    /// mean and the variance of the value created relative to sharing.
    @Test func allocationLowersVarianceAndSpecializationRaisesMeanAndVariance() {
        var g = SplitMix64(seed: 77)
        var alone: [Double] = [], allied: [Double] = []
        var specialization: [Double] = [], sharing: [Double] = []
        for _ in 0..<20_000 {
            let pa = 2_000 + 1_500 * g.triangular(), pb = 2_000 + 1_500 * g.triangular()
            let noise = (g.triangular(), g.triangular(), g.triangular())
            let v = AllianceSystem.value(type: .allocation, capacityA: 30_000, capacityB: 30_000, commitA: 1, commitB: 1,
                                         profitA: pa, profitB: pb, rule: rule, noise: noise)
            alone.append(pa)
            allied.append(pa + v.a + AllianceSystem.pooling(profitA: pa, profitB: pb, share: rule.riskPooling))
            let s = AllianceSystem.value(type: .sharing, capacityA: 30_000, capacityB: 30_000, commitA: 1, commitB: 1,
                                         profitA: pa, profitB: pb, rule: rule, noise: noise)
            let p = AllianceSystem.value(type: .specialization, capacityA: 30_000, capacityB: 30_000, commitA: 1, commitB: 1,
                                         profitA: pa, profitB: pb, rule: rule, noise: noise)
            sharing.append(s.created)
            specialization.append(p.created)
        }
        func stats(_ x: [Double]) -> (mean: Double, variance: Double) {
            let mean = x.reduce(0, +) / Double(x.count)
            return (mean, x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(x.count - 1))
        }
        #expect(stats(allied).variance < stats(alone).variance * 0.8)
        #expect(stats(specialization).mean > stats(sharing).mean)
        #expect(stats(specialization).variance > stats(sharing).variance * 4)
    }

    @Test func typeRuleFollowsTheProfiles() {
        // Same dominant stage, similar → sharing; adjacent dominant stages,
        // overlapping → allocation; dissimilar → specialization; several at
        // once → hybrid.
        #expect(AllianceSystem.type(SIMD4(1, 0.2, 0.1, 0.1), SIMD4(0.9, 0.25, 0.1, 0.05), rule: rule) == .sharing)
        #expect(AllianceSystem.type(SIMD4(1, 0, 0, 0), SIMD4(0, 0, 1, 0), rule: rule) == .specialization)
        #expect(AllianceSystem.type(SIMD4(1, 0.9, 0, 0), SIMD4(0.85, 1, 0, 0), rule: rule) == .allocation)
        // Adjacent stages with similarity 0.55: allocation (≥ 0.45) and specialization (< 0.62).
        #expect(AllianceSystem.type(SIMD4(1, 0, 0, 0), SIMD4(0.66, 1, 0, 0), rule: rule) == .hybrid)
    }

    /// Seed 000: partners reintegrate more of what they learnt with more
    /// absorptive capacity and trust, never all of it.
    @Test func reintegrationRisesWithAbsorptiveCapacityAndTrust() {
        let low = AllianceSystem.reintegrationShare(technology: 0.1, trust: 0.2, rule: rule)
        let highT = AllianceSystem.reintegrationShare(technology: 0.9, trust: 0.2, rule: rule)
        let highTrust = AllianceSystem.reintegrationShare(technology: 0.1, trust: 0.9, rule: rule)
        #expect(highT > low && highTrust > low)
        #expect(AllianceSystem.reintegrationShare(technology: 1, trust: 1, rule: rule) == rule.reintegrationEfficiency)
        #expect(rule.reintegrationEfficiency < 1)
    }

    /// Seed 004: an agreed exit costs less than a failure. A calibration
    /// check of the defaults, and of the cost each end charges.
    @Test func plannedEndsCostLessThanFailures() {
        #expect(AllianceSystem.exitCost(.endedPlanned, capacity: 10_000, rule: rule)
            < AllianceSystem.exitCost(.failed, capacity: 10_000, rule: rule))
        #expect(AllianceSystem.exitCost(.dropped, capacity: 10_000, rule: rule) == 0)
    }

    /// Partner choice: complementary, compatible, stable, reputable
    /// candidates fit better.
    @Test func fitPrefersComplementaryCompatibleStablePartners() {
        let population = Population(count: 3, economy: true, executor: ChunkedExecutor(threads: 1))
        let p = PopulationPointers(population)
        let profiles: [[Float]] = [[1, 0.1, 0.1, 0.1], [0.1, 1, 0.1, 0.1], [1, 0.1, 0.1, 0.1]]
        for i in 0..<3 {
            for k in 0..<4 { p.profile[i * 4 + k] = profiles[i][k] }
            p.relationship[i] = 0.4
            p.sustainability[i] = 0.4
            p.financial[i] = 0.5
            p.reputation[i] = 0.5
        }
        // Firm 1 complements firm 0; firm 2 is its twin.
        #expect(AllianceSystem.fit(0, 1, p, rule: rule) > AllianceSystem.fit(0, 2, p, rule: rule))
        p.financial[2] = 1
        p.reputation[2] = 1
        let stable = AllianceSystem.fit(0, 2, p, rule: rule)
        p.relationship[2] = 0.9
        #expect(AllianceSystem.fit(0, 2, p, rule: rule) < stable, "a gap in relationship capital lowers compatibility")
    }
}

/// Patterns 3 and 5 of the model documentation on the model.
@Suite struct AlliancePatternTests {
    /// Pattern 3 (seed 001's survey of 142 alliances): types near 45 / 22 /
    /// 21 / 12 % (±6 points), and different from what random pairing of the
    /// same searchers gives: partner choice shapes the mix. The shares are
    /// partly a calibration check (the type thresholds and the fit minimum
    /// were set for them); the difference from random pairing is the finding.
    @Test func typesLandNearTheSurveyAndPartnerChoiceShapesThem() {
        let chosen = PatternTests.baseline
        #expect(chosen.formed.reduce(0, +) >= 1_000, "\(chosen.formed) alliances formed")
        let shares = chosen.allianceFormedShares
        let target: [AllianceType: Double] = [.specialization: 0.45, .allocation: 0.22, .sharing: 0.21, .hybrid: 0.12]
        for (type, share) in target {
            #expect(abs(shares[type.rawValue] - share) <= 0.06, "\(type.key): \(shares[type.rawValue])")
        }
        var scenario = baselineForTests()
        scenario.alliances.partnerChoice = false
        let random = observe(scenario)
        #expect(random.formed.reduce(0, +) >= 1_000)
        let randomShares = random.allianceFormedShares
        let s = AllianceType.specialization.rawValue, h = AllianceType.sharing.rawValue
        #expect(shares[s] - randomShares[s] > 0.06, "specialization: chosen \(shares[s]), random \(randomShares[s])")
        #expect(randomShares[h] - shares[h] > 0.06, "sharing: chosen \(shares[h]), random \(randomShares[h])")
    }

    /// Pattern 5 (seed 000): alliances move through the phases; a fall-back
    /// returns one to an earlier phase, from which some recover (reach
    /// operation later) and some are dropped; some fail unplanned, some end
    /// as planned; firms reintegrate a part of what they learnt. Firms with
    /// room hold several alliances at once.
    @Test func lifecycleFallBacksAndReintegration() {
        var scenario = baselineForTests()
        scenario.horizon = 96
        var model = SMESimulation(scenario: scenario, run: RunSpec(index: 0, replicate: 0, seed: 11),
                                  executor: ChunkedExecutor(threads: 2))
        var fellBackTo = [String: Int](), recovered = Set<Int>(), fellBack = Set<Int>()
        var ends = [String: Int](), reintegrations = 0, mostHeld = 0
        var learntAtEnd: [Int: Double] = [:]
        for tick in 1...scenario.horizon {
            model.step(tick: tick)
            for row in model.allianceTally.events {
                let f = String(decoding: row.bytes, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                let id = Int(f[0])!
                switch f[1] {
                case "fall_back":
                    fellBackTo[f[3], default: 0] += 1
                    fellBack.insert(id)
                case "phase_change" where f[3] == "operation" && fellBack.contains(id):
                    recovered.insert(id)
                case "dropped", "failure", "planned_end":
                    ends[f[1], default: 0] += 1
                    if let learnt = Double(f[11]), learnt > 0 {
                        learntAtEnd[Int(f[5])!] = max(learntAtEnd[Int(f[5])!] ?? 0, learnt)
                        learntAtEnd[Int(f[6])!] = max(learntAtEnd[Int(f[6])!] ?? 0, learnt)
                    }
                case "reintegration":
                    reintegrations += 1
                    if let learnt = learntAtEnd[Int(f[5])!] {
                        #expect(Double(f[11])! < learnt * 2, "partial reintegration")
                    }
                default: break
                }
            }
            let p = model.population
            for i in 0..<p.count where p.alive[i] == 1 {
                let held = Int(p.allianceCount[i])
                mostHeld = max(mostHeld, held)
                // Room is checked when a firm searches; a firm that shrinks
                // later keeps its alliances.
                #expect(held <= scenario.alliances.maxPerFirm)
            }
        }
        #expect(Set(fellBackTo.keys).isSubset(of: ["concept", "foundation"]), "\(fellBackTo)")
        #expect(fellBack.count >= 20 && !recovered.isEmpty, "\(fellBack.count) fell back, \(recovered.count) recovered")
        #expect((ends["dropped"] ?? 0) > 0 && (ends["failure"] ?? 0) > 0 && (ends["planned_end"] ?? 0) > 0, "\(ends)")
        #expect(reintegrations > 0)
        #expect(mostHeld >= 2, "no firm held two alliances at once")
    }

    /// Without alliances, the members' relationship advantage shrinks
    /// (partners are ties; the platform's matchmaking forms most alliances).
    @Test func withoutAlliancesTheRelationshipGapShrinks() {
        var off = baselineForTests()
        off.alliances.enabled = false
        let without = observe(off)
        #expect(without.treated >= 100)
        let r = Dimension.relationship.rawValue
        #expect(without.gap[r] < PatternTests.baseline.gap[r], "relationship gap \(without.gap[r]) without alliances vs \(PatternTests.baseline.gap[r]) with")
    }
}
