import AgentEngine
import Foundation
import Testing
@testable import SMEModel

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
        // Same dominant stage, similar → sharing; adjacent stages, overlapping → allocation or hybrid;
        // dissimilar → specialization; nothing fits → nil.
        #expect(AllianceSystem.type(SIMD4(1, 0.2, 0.1, 0.1), SIMD4(0.9, 0.25, 0.1, 0.05), rule: rule) == .sharing)
        #expect(AllianceSystem.type(SIMD4(1, 0, 0, 0), SIMD4(0, 0, 1, 0), rule: rule) == .specialization)
        #expect(AllianceSystem.type(SIMD4(1, 0.9, 0, 0), SIMD4(0.85, 1, 0, 0), rule: rule) == .allocation)
        // Adjacent stages with similarity 0.625: both allocation (≥ 0.55) and specialization (< 0.68).
        #expect(AllianceSystem.type(SIMD4(1, 0, 0, 0), SIMD4(0.8, 1, 0, 0), rule: rule) == .hybrid)
        // Same stage, similarity 0.8: too different to share, too alike to specialise.
        #expect(AllianceSystem.type(SIMD4(1, 0.5, 0, 0), SIMD4(1, 0, 0.5, 0), rule: rule) == nil)
    }
}

/// Patterns 3 and 5 of MODEL.md, and the alliance ablation, on the model.
@Suite struct AlliancePatternTests {
    @Test func typesLifecycleAndReintegration() {
        var scenario = Scenario.default
        scenario.firms.count = 5_000
        var formed = [Int](repeating: 0, count: 4)
        var fellBack = 0, failed = 0, planned = 0, reintegrations = 0, throughPlatform = 0
        for replicate in 0..<3 {
            var model = SMESimulation(scenario: scenario, run: RunSpec(index: replicate, replicate: replicate, seed: 11),
                                      executor: ChunkedExecutor(threads: 2))
            var learntAtEnd: [Int: Double] = [:]
            for tick in 1...scenario.horizon {
                model.step(tick: tick)
                let t = model.allianceTally
                fellBack += t.fellBack; failed += t.failed; planned += t.endedPlanned
                for row in t.events {
                    let f = String(decoding: row.bytes, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    switch f[1] {
                    case "formed":
                        formed[AllianceType.allCases.firstIndex { $0.key == f[2] }!] += 1
                        if f[4] == "platform" { throughPlatform += 1 }
                    case "failure", "planned_end", "fall_back":
                        if let learnt = Double(f[11]), learnt > 0 {
                            learntAtEnd[Int(f[5])!] = learnt
                            learntAtEnd[Int(f[6])!] = learnt
                        }
                    case "reintegration":
                        reintegrations += 1
                        let amount = Double(f[11])!
                        if let learnt = learntAtEnd[Int(f[5])!] {
                            // Partial: the firm takes in less than the alliance learnt.
                            #expect(abs(amount - scenario.alliances.reintegrationEfficiency * learnt) < 1e-12)
                            #expect(amount < learnt)
                        }
                    default: break
                    }
                }
            }
        }
        let total = Double(formed.reduce(0, +))
        #expect(total > 1_000)
        let shares = formed.map { Double($0) / total }
        #expect(abs(shares[AllianceType.specialization.rawValue] - 0.45) < 0.04, "\(shares)")
        #expect(abs(shares[AllianceType.allocation.rawValue] - 0.22) < 0.04, "\(shares)")
        #expect(abs(shares[AllianceType.sharing.rawValue] - 0.21) < 0.04, "\(shares)")
        #expect(abs(shares[AllianceType.hybrid.rawValue] - 0.12) < 0.04, "\(shares)")
        #expect(fellBack > 0 && failed > 0 && planned > 0 && reintegrations > 0)
        // Mostly through the platform's matchmaking, less often among local peers.
        #expect(Double(throughPlatform) / total > 0.5, "\(throughPlatform) of \(total) through the platform")
    }

    @Test func withoutAlliancesTheMembersRelationshipAdvantageShrinks() {
        let with = observe(baselineForTests())
        var off = baselineForTests()
        off.alliances.enabled = false
        let without = observe(off)
        let r = Dimension.relationship.rawValue
        #expect(without.gap[r] < with.gap[r], "relationship gap \(without.gap[r]) without alliances vs \(with.gap[r]) with")
    }
}
