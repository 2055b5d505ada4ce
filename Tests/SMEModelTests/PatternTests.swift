import AgentEngine
import Testing
@testable import SMEModel

/// The patterns of the model documentation on the default calibration
/// (5,000 firms, 3 replicates), and the ablations that show which mechanism
/// carries each. Every comparison first asserts that it has enough treated
/// firms (or initiatives, or alliances) to mean something.
@Suite struct PatternTests {
    static let baseline = observe(baselineForTests())

    /// Pattern 2 (seed 002's four findings): members end ahead of comparable
    /// non-members on all four dimensions. Nothing is given for membership:
    /// the gaps come from the services members choose to use, the online
    /// market and the ties it brings, the alliances matchmaking forms.
    @Test func membersGainOnAllFourDimensions() {
        let b = Self.baseline
        #expect(b.treated >= 100 && b.controls >= 1_000, "\(b.treated) treated, \(b.controls) controls")
        for d in Dimension.allCases {
            #expect(b.gap[d.rawValue] > 0.005, "\(d.key) gap \(b.gap[d.rawValue])")
        }
        #expect(b.revenueGap > 0.05, "members' revenue advantage \(b.revenueGap) of initial capacity")
    }

    /// Without the online market, members still join for the other
    /// services, and their revenue advantage (the additional markets of seed
    /// 002 §4.3) at least halves; their relationship advantage (repeat
    /// online customers) shrinks.
    @Test func withoutMarketAccessTheRevenueAndRelationshipGapsShrink() {
        var scenario = baselineForTests()
        scenario.platform.services.marketAccess = false
        let without = observe(scenario)
        #expect(without.onlineRevenue == 0)
        #expect(without.treated >= 100, "\(without.treated) treated firms: too few to compare")
        let r = Dimension.relationship.rawValue
        #expect(without.revenueGap < Self.baseline.revenueGap / 2, "revenue gap \(without.revenueGap) vs \(Self.baseline.revenueGap)")
        #expect(without.gap[r] < Self.baseline.gap[r], "relationship gap \(without.gap[r]) vs \(Self.baseline.gap[r])")
    }

    /// Without analytics and training, members have nothing to learn from
    /// on the platform: the technology gap shrinks.
    @Test func withoutAnalyticsAndTrainingTheTechnologyGapShrinks() {
        var scenario = baselineForTests()
        scenario.platform.services.analytics = false
        scenario.platform.services.training = false
        let without = observe(scenario)
        #expect(without.treated >= 100, "\(without.treated) treated firms: too few to compare")
        let t = Dimension.technology.rawValue
        #expect(without.gap[t] < Self.baseline.gap[t] / 2, "technology gap \(without.gap[t]) vs \(Self.baseline.gap[t])")
    }

    /// Removing any service lowers adoption or leaves it, never raises it:
    /// every service adds a non-negative term to the value of joining. Same
    /// seeds (common random numbers); 1 % allowed for the noise of firms at
    /// the margin whose later fates diverge.
    @Test(arguments: ["market_access", "analytics", "shared_logistics", "inventory_management", "training"])
    func removingAServiceNeverRaisesAdoption(service: String) {
        var scenario = baselineForTests()
        scenario.horizon = 60
        let with = observe(scenario, replicates: 2)
        switch service {
        case "market_access": scenario.platform.services.marketAccess = false
        case "analytics": scenario.platform.services.analytics = false
        case "shared_logistics": scenario.platform.services.sharedLogistics = false
        case "inventory_management": scenario.platform.services.inventoryManagement = false
        default: scenario.platform.services.training = false
        }
        let without = observe(scenario, replicates: 2)
        #expect(with.members >= 200, "\(with.members) members: too few to compare")
        #expect(Double(without.members) <= Double(with.members) * 1.01, "\(service) off: \(without.members) members vs \(with.members)")
    }

    /// Pattern 6 and business demography: yearly exits of 6–10 % in years
    /// 2–10 (Eurostat's enterprise death rates are 7.6–8.7 %), exits in the
    /// first year too (no synchronised start), small firms exiting at least
    /// as often as large ones, a stable mean size, and firms alive settling
    /// without a dip and recovery.
    @Test func exitsFollowBusinessDemography() {
        let b = Self.baseline
        for (year, rate) in b.yearlyExits.enumerated() {
            // A single year of a 5,000-firm test run moves by about half a
            // point; the mean of years 2–10 is held to the target itself.
            let range = year == 0 ? 0.03...0.10 : 0.055...0.10
            #expect(range.contains(rate), "year \(year + 1): \(rate)")
        }
        let later = b.yearlyExits.dropFirst()
        let mean = later.reduce(0, +) / Double(later.count)
        #expect((0.06...0.10).contains(mean), "mean yearly exits, years 2–10: \(mean)")
        #expect(b.firmYearsBySize[0] >= 1_000 && b.firmYearsBySize[2] >= 1_000,
                "firm-years by size class: \(b.firmYearsBySize): too few to compare exit rates")
        let small = b.exitsBySize[0], large = b.exitsBySize[2]
        #expect(small >= large, "exits: 1–2 employees \(small), 10+ \(large)")
        let start = b.meanEmployees[0], end = b.meanEmployees[120]
        #expect(abs(end / start - 1) <= 0.2, "mean size \(start) at tick 0, \(end) at year 10")
        // Settled after the first year: no later dip below the final level.
        let late = b.firmsAlive[24...].min() ?? 0, final = b.firmsAlive[120]
        #expect(late >= final * 0.98, "firms alive fall to \(late) after year 2, end at \(final)")
    }

    /// The mechanism behind it: without size in demand (reach elasticity 0,
    /// every firm the same expected demand), large firms starve — they exit
    /// more than small ones, or shrink — and the mean size falls below the
    /// baseline's.
    @Test func demandThatIgnoresSizeStarvesLargeFirms() {
        var scenario = baselineForTests()
        scenario.market.reachElasticity = 0
        let flat = observe(scenario, replicates: 2)
        #expect(flat.firmYearsBySize[0] >= 1_000 && flat.firmYearsBySize[2] >= 1_000,
                "firm-years by size class: \(flat.firmYearsBySize): too few to compare exit rates")
        #expect(flat.exitsBySize[2] > flat.exitsBySize[0], "without reach: 10+ employees \(flat.exitsBySize[2]), 1–2 \(flat.exitsBySize[0])")
        #expect(flat.meanEmployees[120] < Self.baseline.meanEmployees[120] * 0.95,
                "mean size at year 10: \(flat.meanEmployees[120]) without reach, \(Self.baseline.meanEmployees[120]) with")
    }

    /// Pattern 6 in a declining local market (−3 % a year): exits rise, and
    /// the platform strengthens the firms that join it — compared with the
    /// same firms, on the same random numbers, in the same market without
    /// the platform: at least as many of them survive, with more cash. (In
    /// aggregate the effect on exits is small: members also take local
    /// customers from non-members.)
    @Test func thePlatformStrengthensItsMembersInADecliningMarket() {
        var declining = baselineForTests(firms: 5_000)
        declining.market.localGrowth = -0.03
        var without = declining
        without.platform.enabled = false
        var treated = 0, survivedWith = 0, survivedWithout = 0
        var cashWith = 0.0, cashWithout = 0.0
        var exitsWith = 0.0
        for replicate in 0..<2 {
            var a = SMESimulation(scenario: declining, run: RunSpec(index: replicate, replicate: replicate, seed: 21), executor: ChunkedExecutor(threads: 2))
            var b = SMESimulation(scenario: without, run: RunSpec(index: replicate, replicate: replicate, seed: 21), executor: ChunkedExecutor(threads: 2))
            var everJoined = Set<Int>()
            for tick in 1...declining.horizon {
                a.step(tick: tick)
                b.step(tick: tick)
                if tick > 12 { exitsWith += Double(a.metrics.exits) }
                let p = a.population
                for i in 0..<p.count where p.member[i] == 1 && p.bornTick[i] == 0 && tick <= 96 { everJoined.insert(i) }
            }
            for i in everJoined {
                treated += 1
                if a.population.alive[i] == 1 && a.population.bornTick[i] == 0 { survivedWith += 1; cashWith += a.population.cash[i] }
                if b.population.alive[i] == 1 && b.population.bornTick[i] == 0 { survivedWithout += 1; cashWithout += b.population.cash[i] }
            }
        }
        #expect(treated >= 500, "\(treated) firms joined: too few to compare")
        #expect(survivedWith >= survivedWithout, "survivors among the firms that joined: \(survivedWith) with the platform, \(survivedWithout) without")
        let meanWith = cashWith / Double(survivedWith), meanWithout = cashWithout / Double(survivedWithout)
        #expect(meanWith > meanWithout * 1.05, "their mean cash: \(meanWith) with the platform, \(meanWithout) without")
        // A declining market raises exits above the baseline's.
        let yearly = exitsWith / 9 / 2 / 5_000
        #expect(yearly > Self.baseline.yearlyExits.dropFirst().reduce(0, +) / 9, "exits \(yearly) a year in the declining market")
    }

    /// No dimension collapses onto a constant: among non-members at year
    /// 10, the 10th to 90th percentile range of every dimension keeps at
    /// least half its initial width.
    @Test func noDimensionCollapses() {
        let b = Self.baseline
        #expect(b.nonMembersAtEnd >= 1_000, "\(b.nonMembersAtEnd) non-members: too few for percentiles")
        for d in Dimension.allCases {
            #expect(b.spreadEnd[d.rawValue] >= 0.5 * b.spreadStart[d.rawValue],
                    "\(d.key): p90 − p10 \(b.spreadEnd[d.rawValue]) at year 10, \(b.spreadStart[d.rawValue]) at tick 0")
        }
    }

    /// Non-members build technology by their own route: cheaper consultants
    /// raise it without the platform.
    @Test func nonMembersLearnFromConsultants() {
        var scenario = baselineForTests()
        scenario.platform.enabled = false
        scenario.horizon = 60
        let dear = observe(scenario, replicates: 2)
        scenario.learning.consulting.cost = 100
        let cheap = observe(scenario, replicates: 2)
        #expect(dear.nonMembersAtEnd >= 1_000 && cheap.nonMembersAtEnd >= 1_000)
        #expect(cheap.nonMemberTechnology > dear.nonMemberTechnology + 0.02,
                "non-members' technology: \(cheap.nonMemberTechnology) with cheap consultants, \(dear.nonMemberTechnology) without")
    }

    /// Pattern 4 (Lindgren, seed 003): about half of the initiatives touch
    /// value proposition or customers, about two thirds adding the internal
    /// value chain. A calibration check: the strategy weights are set so.
    @Test func innovationFocusMatchesLindgren() {
        let observed = Self.baseline
        let total = Double(observed.initiatives.reduce(0, +))
        #expect(total > 1_000)
        let front = Double(observed.initiatives[0] + observed.initiatives[1]) / total
        let withChain = front + Double(observed.initiatives[2]) / total
        #expect((0.45...0.57).contains(front), "value proposition + customers: \(front)")
        #expect((0.62...0.74).contains(withChain), "+ value chain: \(withChain)")
    }

    /// Pattern 4b (seed 003: network and relations weigh more in firms with
    /// partners): firms in alliances put a larger share of their initiatives
    /// on network and relations — and the difference is the partnering
    /// experience's tilt: without it, it shrinks. A mechanism check, not a
    /// finding: `innovation.partner_tilt` was set for this pattern; what the
    /// test shows is that the difference comes from that mechanism.
    @Test func firmsWithPartnersInnovateMoreOnNetworkAndRelations() {
        func shares(_ o: Observed) -> (allied: Double, unallied: Double) {
            (Double(o.networkRelationsAllied) / Double(o.initiativesAllied),
             Double(o.networkRelationsUnallied) / Double(o.initiativesUnallied))
        }
        let b = Self.baseline
        #expect(b.initiativesAllied >= 300 && b.initiativesUnallied >= 1_000, "\(b.initiativesAllied) allied, \(b.initiativesUnallied) unallied")
        let with = shares(b)
        #expect(with.allied > with.unallied + 0.02, "allied \(with.allied), unallied \(with.unallied)")
        var scenario = baselineForTests()
        scenario.innovation.partnerTilt = 0
        let off = observe(scenario)
        #expect(off.initiativesAllied >= 300)
        let without = shares(off)
        #expect(without.allied - without.unallied < (with.allied - with.unallied) / 2,
                "without the tilt: allied \(without.allied), unallied \(without.unallied)")
    }
}
