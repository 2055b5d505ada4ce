import AgentEngine
import Foundation
import Testing
@testable import SMEModel

/// Public programmes (`policy.*`): budgets, windows and eligibility hold,
/// spending adds up, claims are paid first come first served, a lever
/// nobody can use changes nothing (common random numbers), and each lever
/// acts through the mechanism it lowers a cost in.
@Suite struct PolicyTests {
    /// A small scenario: 3,000 firms for three years.
    static func small(_ change: (inout Scenario) -> Void = { _ in }) -> Scenario {
        var s = Scenario()
        s.firms.count = 3_000
        s.horizon = 36
        change(&s)
        return s
    }

    /// Every lever on, with budgets small enough to run out during the run.
    static let everyLever = small { s in
        s.policy[.digitalVoucher].budget = 20_000
        s.policy[.commissionSubsidy].budget = 5_000
        s.policy[.trainingProgramme].budget = 3_000
        s.policy[.trainingProgramme].places = 5
        s.policy[.logisticsInvestment].budget = 10_000
        s.policy[.sustainabilityCofunding].budget = 30_000
        s.policy[.marketingCofunding].budget = 10_000
        s.policy[.groupVoucher].budget = 2_000
    }

    @Test func budgetsHoldAndSpendingIsTheSumOfGrants() {
        let scenario = Self.everyLever
        let s = series(scenario)
        var total = [Double](repeating: 0, count: scenario.horizon + 1)
        for lever in PolicyLever.allCases {
            let spent = s["public_spending_\(lever.key)"]!, left = s["policy_budget_left_\(lever.key)"]!
            let grants = s["policy_grants_\(lever.key)"]!
            let budget = scenario.policy[lever].budget
            // Enough take-up for the checks to mean something.
            #expect(grants.reduce(0, +) >= 3, "\(lever.key) granted \(grants.reduce(0, +)) times")
            var cumulative = 0.0
            for t in 0...scenario.horizon {
                cumulative += spent[t]
                total[t] += spent[t]
                #expect(left[t] >= 0 && spent[t] >= 0)
                #expect(abs(budget - left[t] - cumulative) <= 1e-6 * budget, "\(lever.key) tick \(t)")
                #expect(cumulative <= budget * (1 + 1e-12))
                #expect((spent[t] > 0) == (grants[t] > 0), "\(lever.key) tick \(t): spending without grants or grants without spending")
            }
            if lever == .trainingProgramme { #expect(grants.allSatisfy { $0 <= 5 }, "more trainees than places") }
        }
        // The budgets run out: the smallest ones are spent to within a grant.
        #expect(s["policy_budget_left_commission_subsidy"]!.last! < 0.5 * 5_000)
        #expect(s["policy_budget_left_marketing_cofunding"]!.last! < 3_000, "marketing pays 3,000 a month until less is left")
        var cumulative = 0.0
        for t in 0...scenario.horizon {
            cumulative += s["public_spending"]![t]
            #expect(abs(s["public_spending"]![t] - total[t]) <= 1e-9 * max(1, total[t]))
            #expect(abs(s["public_spending_cumulative"]![t] - cumulative) <= 1e-9 * max(1, cumulative))
        }
    }

    @Test func nothingIsGrantedOutsideTheWindow() {
        let scenario = Self.small { s in
            for lever in PolicyLever.allCases {
                s.policy[lever].budget = 1e9
                s.policy[lever].start = 13
                s.policy[lever].end = 24
            }
        }
        let s = series(scenario)
        for lever in PolicyLever.allCases {
            let grants = s["policy_grants_\(lever.key)"]!
            #expect(grants[13...24].reduce(0, +) > 0, "\(lever.key) granted nothing in its window")
            #expect(grants[0..<13].allSatisfy { $0 == 0 } && grants[25...].allSatisfy { $0 == 0 }, "\(lever.key) outside its window")
        }
    }

    /// A lever nobody can use — its window after the horizon, or a size no
    /// firm reaches — changes nothing: every column but its budget left is
    /// identical, tick by tick, because every random draw is keyed by
    /// (seed, replicate, purpose, tick, firm) and the lever draws nothing.
    @Test func aLeverNobodyCanUseChangesNothing() {
        let reference = series(Self.small())
        let unusable = series(Self.small { s in
            s.policy[.digitalVoucher].budget = 1e6
            s.policy[.digitalVoucher].start = 1_000
            s.policy[.digitalVoucher].end = 1_000
            s.policy[.commissionSubsidy].budget = 1e6
            s.policy[.commissionSubsidy].minEmployees = 65_535
            s.policy[.commissionSubsidy].maxEmployees = 65_535
            s.policy[.sustainabilityCofunding].budget = 1e6
            s.policy[.sustainabilityCofunding].minEmployees = 65_535
            s.policy[.sustainabilityCofunding].maxEmployees = 65_535
        })
        #expect(reference["members"]!.last! > 100, "the platform has members to compare")
        for (name, values) in reference where !name.hasPrefix("policy_budget_left_") {
            let other = unusable[name]!
            #expect(zip(values, other).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(name) differs")
        }
    }

    /// Rule check of eligibility on a real population: a voucher for
    /// non-members of 1–2 employees in dairy offers its share to exactly
    /// those firms.
    @Test func eligibilityIsBySizeSectorAndMembership() {
        var scenario = Self.small { s in
            s.policy[.digitalVoucher].budget = 1e6
            s.policy[.digitalVoucher].maxEmployees = 2
            s.policy[.digitalVoucher].sectors = "dairy, wine_beverages"
            s.policy[.digitalVoucher].membership = .nonMembers
        }
        scenario.adoption.initialMembers = 300
        let (population, month) = Self.firstMonth(scenario)
        let f = PopulationPointers(population)
        let names = scenario.firms.sectors.map(\.name)
        var eligible = 0
        for i in 0..<population.count {
            let sector = names[Int(population.sector[i])]
            let expected = population.employees[i] <= 2 && ["dairy", "wine_beverages"].contains(sector) && population.member[i] == 0
            #expect((month.share(PolicyMonth.voucher, i, f, member: population.member[i] == 1) == 0.5) == expected)
            eligible += expected ? 1 : 0
        }
        #expect(eligible >= 100 && eligible < population.count / 2, "\(eligible) eligible firms")
    }

    /// Rule check: the voucher lowers the onboarding a joining firm pays by
    /// exactly its share, up to what is left of its cap, and nothing for an
    /// ineligible firm.
    @Test func theVoucherLowersOnboardingByItsShareUpToTheCap() throws {
        let scenario = Self.small { s in
            s.policy[.digitalVoucher].budget = 1e6
            s.policy[.digitalVoucher].share = 0.65
            s.policy[.digitalVoucher].capPerFirm = 1_000
            s.policy[.digitalVoucher].sectors = "dairy"
        }
        let (population, month) = Self.firstMonth(scenario)
        let f = PopulationPointers(population)
        let dairy = try #require(scenario.firms.sectors.firstIndex { $0.name == "dairy" })
        let firm = try #require((0..<population.count).first { Int(population.sector[$0]) == dairy })
        let other = try #require((0..<population.count).first { Int(population.sector[$0]) != dairy })
        #expect(month.onboardingVoucher(firm, f, cost: 600) == 0.65 * 600)
        #expect(month.onboardingVoucher(other, f, cost: 600) == 0)
        #expect(month.grant(PolicyMonth.voucher, firm, 700) == 700)
        #expect(month.onboardingVoucher(firm, f, cost: 600) == 300, "capped at the 300 left of 1,000")
        #expect(month.grant(PolicyMonth.voucher, firm, 500) == 300)
        #expect(month.onboardingVoucher(firm, f, cost: 600) == 0, "cap reached")
    }

    /// Claims beyond the budget: paid in firm order until the first that
    /// does not fit; that firm and every later claimant pay themselves, and
    /// the instrument closes.
    @Test func claimsArePaidFirstComeFirstServed() {
        let scenario = Self.small { s in s.policy[.digitalVoucher].budget = 350 }
        let (population, month) = Self.firstMonth(scenario)
        let firms = [10, 20, 30, 40]
        for (firm, amount) in zip(firms, [100.0, 200, 300, 10]) { _ = month.grant(PolicyMonth.voucher, firm, amount) }
        let cash = firms.map { population.cash[$0] }
        var state = PolicyState(scenario.policy)
        state.settleFirmClaims(month, claims: SIMD4(610, 0, 0, 0), claimants: SIMD4(4, 0, 0, 0),
                               population: population, policy: scenario.policy)
        #expect(state.spending[PolicyLever.digitalVoucher.rawValue] == 300)
        #expect(state.grantees[PolicyLever.digitalVoucher.rawValue] == 2)
        #expect(state.left[PolicyLever.digitalVoucher.rawValue] == 50)
        #expect(population.cash[10] == cash[0] && population.cash[20] == cash[1])
        #expect(population.cash[30] == cash[2] - 300 && population.cash[40] == cash[3] - 10, "refused claims are the firm's to pay")
        #expect(month.used(PolicyMonth.voucher, 40) == 0)
        #expect(!state.isOpen(.digitalVoucher, tick: 2, scenario.policy), "a budget that refused a claim is spent")
    }

    /// Bad entries are reported at their key path with what is allowed.
    @Test func badPolicyEntriesNameTheirKeyPath() {
        func problems(_ text: String) -> [String] {
            do { _ = try Scenario.decode(try JSONParser.parse(text)); return [] } catch let error as InputErrors {
                return error.problems.map(\.description)
            } catch { return ["\(error)"] }
        }
        let unknown = problems(#"{"policy": {"tax_credit": {"budget": 1}}}"#)
        #expect(unknown.count == 1 && unknown[0].hasPrefix("policy.tax_credit: unknown key") && unknown[0].contains("digital_voucher"))
        #expect(problems(#"{"policy": {"digital_voucher": {"budget": -5}}}"#)
                == ["policy.digital_voucher.budget: -5 is out of range; allowed: 0 to 1000000000000"])
        #expect(problems(#"{"policy": {"group_voucher": {"budget": 1, "start": 24, "end": 12}}}"#)
                == ["policy.group_voucher.end: the window ends (tick 12) before it starts (tick 24)"])
        let sectors = problems(#"{"policy": {"sustainability_cofunding": {"eligible": {"sectors": "dairy,cheese"}}}}"#)
        #expect(sectors.count == 1 && sectors[0].hasPrefix("policy.sustainability_cofunding.eligible.sectors: unknown sub-sector \"cheese\""))
        let membership = problems(#"{"policy": {"digital_voucher": {"eligible": {"membership": "all"}}}}"#)
        #expect(membership.count == 1 && membership[0].contains("\"non_members\""))
        #expect(problems(#"{"policy": {"logistics_investment": {"months": 3}}}"#).first?.hasPrefix("policy.logistics_investment.months: unknown key") == true,
                "a key another type has is not this type's")
    }

    /// Training places are handed out before members decide: with one place
    /// a month, members' use of training barely moves (a member without a
    /// place pays the full price and chooses as it would without the
    /// programme), and nobody is charged for a place it did not get.
    @Test func trainingPlacesAreGivenBeforeMembersDecide() {
        let base = series(Self.small())
        let one = series(Self.small { s in s.policy[.trainingProgramme].budget = 1e9; s.policy[.trainingProgramme].places = 1 })
        #expect(one["policy_grants_training_programme"]![1...].allSatisfy { $0 <= 1 })
        #expect(one["policy_grants_training_programme"]!.reduce(0, +) >= 20, "places were taken")
        for t in [12, 24, 36] {
            #expect(abs(one["training_use_members"]![t] - base["training_use_members"]![t]) < 0.05, "tick \(t)")
        }
    }

    /// A firm weighs its voucher within what is left of its cap: with a cap
    /// of €1, consultants cost it almost the full price and it uses them
    /// almost as without the voucher.
    @Test func theVoucherIsWeighedWithinTheCap() {
        let base = series(Self.small())
        let capped = series(Self.small { s in
            s.policy[.digitalVoucher].budget = 1e9
            s.policy[.digitalVoucher].share = 1
            s.policy[.digitalVoucher].capPerFirm = 1
        })
        #expect(capped["policy_grants_digital_voucher"]![2] >= 100, "firms use consultants from their second month")
        for t in [2, 6, 12] {
            #expect(abs(capped["consulting_use_nonmembers"]![t] - base["consulting_use_nonmembers"]![t]) < 0.02, "tick \(t)")
        }
    }

    /// An entrant starts with nothing received: once the initial firms have
    /// reached a small cap, the voucher still reaches the firms that enter.
    @Test func entrantsStartWithTheirOwnCap() {
        let s = series(Self.small { s in
            s.policy[.digitalVoucher].budget = 1e9
            s.policy[.digitalVoucher].capPerFirm = 5
        })
        let entries = s["entries"]![24...36].reduce(0, +)
        #expect(entries >= 50, "\(entries) entrants to look at")
        #expect(s["policy_grants_digital_voucher"]![24...36].reduce(0, +) >= entries / 2)
    }

    // MARK: - Each lever through its mechanism (findings: each could fail)

    /// A digital voucher (onboarding and consultants) brings more firms onto
    /// the platform than the same population without it.
    @Test func aVoucherRaisesAdoption() {
        let off = Self.small()
        let on = Self.small { s in s.policy[.digitalVoucher].budget = 1e9 }
        let withVoucher = series(on), without = series(off)
        #expect(withVoucher["policy_grants_digital_voucher"]!.reduce(0, +) >= 100)
        #expect(withVoucher["members"]!.last! > without["members"]!.last!)
        #expect(withVoucher["consulting_use_nonmembers"]!.last! > without["consulting_use_nonmembers"]!.last!,
                "cheaper consultants are used more")
    }

    /// Co-funding the network's fixed cost lowers the price the platform
    /// charges per order; co-funding marketing brings more joins.
    @Test func platformCofundingActsThroughPriceAndReach() {
        let base = series(Self.small())
        let logistics = series(Self.small { s in s.policy[.logisticsInvestment].budget = 1e9; s.policy[.logisticsInvestment].share = 0.8 })
        #expect(logistics["public_spending_logistics_investment"]![1...6].allSatisfy { $0 > 0 }, "the network was co-funded")
        #expect(logistics["network_price_per_order"]![6] < base["network_price_per_order"]![6])
        let marketing = series(Self.small { s in s.policy[.marketingCofunding].budget = 1e9; s.policy[.marketingCofunding].amountPerFirm = 2 })
        #expect(marketing["policy_grants_marketing_cofunding"]![1...12].allSatisfy { $0 == 1 }, "marketing was paid every month")
        #expect(marketing["joins"]![1...12].reduce(0, +) > base["joins"]![1...12].reduce(0, +))
    }

    /// A commission subsidy for new members keeps more of them listing and
    /// on the platform.
    @Test func aCommissionSubsidyRaisesMembership() {
        let base = series(Self.small())
        let subsidy = series(Self.small { s in s.policy[.commissionSubsidy].budget = 1e9; s.policy[.commissionSubsidy].share = 1 })
        #expect(subsidy["policy_grants_commission_subsidy"]!.reduce(0, +) >= 100)
        #expect(subsidy["members"]!.last! > base["members"]!.last!)
    }

    // MARK: - Helpers

    /// The initial population of `scenario` and the policy offers of tick 1.
    static func firstMonth(_ scenario: Scenario) -> (Population, PolicyMonth) {
        let executor = ChunkedExecutor(threads: 1)
        let population = Population.initial(scenario, streams: RunSpec(index: 0, replicate: 0, seed: scenario.seed).streams, executor: executor)
        let columns = PolicyColumns(count: population.count, executor: executor)
        return (population, PolicyMonth(tick: 1, state: PolicyState(scenario.policy), scenario: scenario, columns: columns, count: population.count))
    }
}

/// Every column of the time series at every tick of one replicate, as numbers.
func series(_ scenario: Scenario, replicate: Int = 0) -> [String: [Double]] {
    var model = SMESimulation(scenario: scenario, run: RunSpec(index: replicate, replicate: replicate, seed: scenario.seed),
                              executor: ChunkedExecutor(threads: 2))
    let names = SMESimulation.timeseries.specs.map(\.name)
    var result: [String: [Double]] = [:]
    func record() {
        for (name, value) in zip(names, SMESimulation.timeseries.values(model)) { result[name, default: []].append(value.number) }
    }
    record()
    for tick in 1...max(1, scenario.horizon) {
        model.step(tick: tick)
        record()
    }
    return result
}
