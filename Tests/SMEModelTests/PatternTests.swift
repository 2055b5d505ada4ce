import AgentEngine
import Testing
@testable import SMEModel

/// What a set of replicates of a scenario shows.
struct Observed {
    /// Difference in differences per dimension: the mean change since tick 0
    /// of firms that have been members for at least two years, minus that of
    /// firms of the initial population that never joined.
    var gap = [Double](repeating: 0, count: 4)
    var treated = 0, controls = 0
    /// Exits per year (years 1...), as a share of firms alive at the start of
    /// the year, averaged over replicates.
    var yearlyExits: [Double] = []
    var initiatives = [Int](repeating: 0, count: 7)
    var onlineRevenue = 0.0
    var members = 0
}

func observe(_ scenario: Scenario, replicates: Int = 3) -> Observed {
    var observed = Observed()
    var changes = (treated: [Double](repeating: 0, count: 4), controls: [Double](repeating: 0, count: 4))
    let years = scenario.horizon / 12
    var exits = [Double](repeating: 0, count: years)
    for replicate in 0..<replicates {
        var model = SMESimulation(scenario: scenario, run: RunSpec(index: replicate, replicate: replicate, seed: scenario.seed),
                                  executor: ChunkedExecutor(threads: 2))
        let initial = Dimension.allCases.map { d in (0..<model.population.count).map { model.population.dimension(d, $0) } }
        var aliveAtYearStart = Double(model.metrics.alive)
        var exitsThisYear = 0
        for tick in 1...scenario.horizon {
            model.step(tick: tick)
            exitsThisYear += model.metrics.exits
            for (b, count) in model.metrics.initiatives.enumerated() { observed.initiatives[b] += count }
            observed.onlineRevenue += model.metrics.revenueOnline
            if tick % 12 == 0 {
                exits[tick / 12 - 1] += Double(exitsThisYear) / aliveAtYearStart / Double(replicates)
                exitsThisYear = 0
                aliveAtYearStart = Double(model.metrics.alive)
            }
        }
        observed.members += model.metrics.members
        let p = model.population
        for i in 0..<p.count where p.alive[i] == 1 && p.bornTick[i] == 0 {
            let joined = Int(p.joinedTick[i])
            let isTreated = p.member[i] == 1 && joined >= 0 && joined <= scenario.horizon - 24
            let isControl = joined == -1
            guard isTreated || isControl else { continue }
            for d in Dimension.allCases {
                let change = p.dimension(d, i) - initial[d.rawValue][i]
                if isTreated { changes.treated[d.rawValue] += change } else { changes.controls[d.rawValue] += change }
            }
            if isTreated { observed.treated += 1 } else { observed.controls += 1 }
        }
    }
    for d in 0..<4 where observed.treated > 0 && observed.controls > 0 {
        observed.gap[d] = changes.treated[d] / Double(observed.treated) - changes.controls[d] / Double(observed.controls)
    }
    observed.yearlyExits = exits
    return observed
}

func baselineForTests() -> Scenario {
    var scenario = Scenario.default
    scenario.firms.count = 3_000
    return scenario
}

/// The patterns of MODEL.md §1 on the default calibration.
@Suite struct PatternTests {
    /// Pattern 2: members end ahead of comparable non-members on all four
    /// dimensions, and each ablation shrinks the gap its mechanism carries.
    @Test func membersGainOnAllFourDimensionsAndAblationsShrinkTheGaps() {
        let baseline = observe(baselineForTests())
        #expect(baseline.treated > 50 && baseline.controls > 1_000, "\(baseline.treated) treated, \(baseline.controls) controls")
        for d in Dimension.allCases {
            #expect(baseline.gap[d.rawValue] > 0.01, "\(d.key) gap \(baseline.gap[d.rawValue])")
        }

        var noMarket = baselineForTests()
        noMarket.platform.services.marketAccess = false
        let withoutMarket = observe(noMarket)
        #expect(withoutMarket.onlineRevenue == 0)
        #expect(withoutMarket.gap[Dimension.financial.rawValue] < baseline.gap[Dimension.financial.rawValue] / 2,
                "financial gap \(withoutMarket.gap[Dimension.financial.rawValue]) vs \(baseline.gap[Dimension.financial.rawValue])")

        var noLearning = baselineForTests()
        noLearning.platform.services.analytics = false
        noLearning.platform.services.training = false
        let withoutLearning = observe(noLearning)
        #expect(withoutLearning.treated > 50)
        #expect(withoutLearning.gap[Dimension.technology.rawValue] < baseline.gap[Dimension.technology.rawValue] / 2,
                "technology gap \(withoutLearning.gap[Dimension.technology.rawValue]) vs \(baseline.gap[Dimension.technology.rawValue])")

        var none = baselineForTests()
        none.platform.enabled = false
        let withoutPlatform = observe(none)
        #expect(withoutPlatform.members == 0 && withoutPlatform.treated == 0 && withoutPlatform.onlineRevenue == 0)
        #expect(withoutPlatform.gap == [0, 0, 0, 0])
    }

    /// Pattern 4 (Lindgren, seed 003): about half of the initiatives touch
    /// value proposition or customers, about two thirds adding the internal
    /// value chain.
    @Test func innovationFocusMatchesLindgren() {
        let observed = observe(baselineForTests(), replicates: 2)
        let total = Double(observed.initiatives.reduce(0, +))
        #expect(total > 1_000)
        let front = Double(observed.initiatives[0] + observed.initiatives[1]) / total
        let withChain = front + Double(observed.initiatives[2]) / total
        #expect((0.45...0.57).contains(front), "value proposition + customers: \(front)")
        #expect((0.62...0.74).contains(withChain), "+ value chain: \(withChain)")
    }

    /// Pattern 6: yearly exits between 3 % and 10 % in the baseline (after
    /// the first year, which starting cash buffers), and higher without the
    /// platform when local demand declines.
    @Test func exitsAreInTheRangeOfEnterpriseDeaths() {
        let baseline = observe(baselineForTests())
        for (year, rate) in baseline.yearlyExits.enumerated().dropFirst() {
            #expect((0.03...0.10).contains(rate), "year \(year + 1): \(rate)")
        }
        var declining = baselineForTests()
        declining.market.localGrowth = -0.03
        var decliningWithout = declining
        decliningWithout.platform.enabled = false
        let with = observe(declining), without = observe(decliningWithout)
        let late = { (o: Observed) in o.yearlyExits.suffix(5).reduce(0, +) / 5 }
        #expect(late(without) > late(with), "exits in years 6-10: \(late(without)) without the platform vs \(late(with)) with it")
        #expect(late(with) > late(baseline), "a declining market raises exits")
    }
}
