import AgentEngine
import Testing
@testable import SMEModel

/// Pattern 1 of the model documentation (ODD): with the whole population as peers and no
/// filters, the member share follows the discrete Bass recursion.
@Suite struct BassValidationTests {
    /// The deterministic recursion F(t+1) = F(t) + (p + q·F(t))·(1 − F(t)).
    func bassRecursion(p: Double, q: Double, initial: Double, ticks: Int) -> [Double] {
        var shares = [initial]
        for _ in 0..<ticks {
            let f = shares.last!
            shares.append(f + (p + q * f) * (1 - f))
        }
        return shares
    }

    @Test(arguments: [(0.01, 0.35, false), (0.003, 0.6, false), (0.04, 0.1, false), (0.01, 0.35, true)])
    func meanShareFollowsTheBassRecursion(p: Double, q: Double, economy: Bool) {
        // With the economy on, firms trade, innovate and may exit; exits
        // are switched off (distress never lasts long enough) so F keeps its
        // meaning, and bass mode ignores every behavioural filter.
        var scenario = Scenario.default
        scenario.economy = economy
        scenario.firms.economy.distressMonths = 600
        scenario.firms.count = economy ? 20_000 : 200_000
        scenario.horizon = 36
        scenario.adoption.mode = .bass
        scenario.adoption.p = p
        scenario.adoption.q = q
        scenario.adoption.initialMembers = 200
        let replicates = 8
        var runs: [[Double]] = []
        for replicate in 0..<replicates {
            runs.append(memberShares(scenario, replicate: replicate, threads: 2, chunkSize: 16_384).shares)
        }
        let expected = bassRecursion(p: p, q: q, initial: 200.0 / Double(scenario.firms.count), ticks: scenario.horizon)
        for t in 0...scenario.horizon {
            let values = runs.map { $0[t] }
            let mean = values.reduce(0, +) / Double(replicates)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(replicates - 1)
            let standardError = (variance / Double(replicates)).squareRoot()
            // Within four standard errors of the replicate mean, plus 0.0005
            // for the O(1/N) gap between a stochastic mean and the recursion.
            #expect(abs(mean - expected[t]) <= 4 * standardError + 0.0005,
                    "tick \(t): mean \(mean), Bass \(expected[t]), standard error \(standardError)")
        }
        // And the curve is an S: it has taken off by the end.
        #expect(expected.last! > 0.5)
    }

    @Test func theToleranceWouldCatchAWrongRule() {
        // The same recursion with a one-tick lag in F, or with q halved,
        // departs from the true one by much more than the tolerance above.
        let right = bassRecursion(p: 0.01, q: 0.35, initial: 0.001, ticks: 36)
        let halved = bassRecursion(p: 0.01, q: 0.175, initial: 0.001, ticks: 36)
        #expect(zip(right, halved).map { abs($0 - $1) }.max()! > 0.05)
    }
}
