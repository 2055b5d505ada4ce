import AgentEngine

/// Public programmes (ODD §7 "Policy"): each instrument's budget,
/// what it granted this tick, and the rule that nothing is granted beyond
/// the budget, first come, first served.
///
/// Instruments granted to firms (digital voucher, commission subsidy,
/// training programme, sustainability co-funding) are claimed inside the
/// economy's parallel passes: a firm that is eligible while the instrument
/// is open at the start of the month decides with the lowered cost, books
/// it, and records its claim (`PolicyMonth.grant`). After the month the
/// claims are paid in firm order (`settleFirmClaims`): when they fit in
/// what is left (and, for training, in the month's places) all are paid;
/// otherwise they are paid in firm order until the first that does not
/// fit, and that firm and every later claimant pay the cost themselves
/// (they had committed). A budget that refuses a claim is spent: the
/// instrument closes. The platform's instruments (logistics, marketing)
/// and the group voucher are paid one at a time in a fixed order
/// (`pay`). The result does not depend on the thread count.
struct PolicyState: Sendable {
    private(set) var left: [Double]
    /// This tick's spending and grantees (firms, alliances, or 1 for the
    /// platform), per instrument.
    private(set) var spending: [Double]
    private(set) var grantees: [Int]
    private(set) var cumulative = 0.0
    private var closed: [Bool]
    /// Where the next month's training places start (firm order).
    var trainingCursor = 0

    init(_ policy: PolicyParameters) {
        left = PolicyLever.allCases.map { policy[$0].budget }
        spending = PolicyLever.allCases.map { _ in 0 }
        grantees = PolicyLever.allCases.map { _ in 0 }
        closed = PolicyLever.allCases.map { _ in false }
    }

    /// Whether `lever` makes grants at `tick`.
    func isOpen(_ lever: PolicyLever, tick: Int, _ policy: PolicyParameters) -> Bool {
        let l = policy[lever]
        return l.isOn && !closed[lever.rawValue] && left[lever.rawValue] > 0 && (l.start...l.end).contains(tick)
    }

    /// Whether `lever` will be open at `tick` with at least `amount` left
    /// (a payment it can make in full).
    func canPay(_ lever: PolicyLever, _ amount: Double, tick: Int, _ policy: PolicyParameters) -> Bool {
        isOpen(lever, tick: tick, policy) && left[lever.rawValue] >= amount
    }

    /// Clears the tick's spending and grantees.
    mutating func beginTick() {
        for k in spending.indices {
            spending[k] = 0
            grantees[k] = 0
        }
    }

    /// Pays `amount` of `lever` to one grantee if what is left covers it;
    /// otherwise nothing, and the instrument closes. Returns what was paid.
    @discardableResult
    mutating func pay(_ lever: PolicyLever, _ amount: Double) -> Double {
        let k = lever.rawValue
        guard amount > 0, !closed[k] else { return 0 }
        guard amount <= left[k] else {
            closed[k] = true
            return 0
        }
        record(k, amount, grantees: 1)
        return amount
    }

    private mutating func record(_ k: Int, _ amount: Double, grantees count: Int) {
        left[k] -= amount
        spending[k] += amount
        grantees[k] += count
        cumulative += amount
    }

    /// Pays the month's claims of the instruments granted to firms (see the
    /// type's documentation); `claims` and `claimants` are the month's
    /// totals, summed in chunk order.
    mutating func settleFirmClaims(_ month: PolicyMonth, claims: SIMD4<Double>, claimants: SIMD4<Int>,
                                   population: Population, policy: PolicyParameters) {
        for (k, lever) in PolicyLever.firmLevers.enumerated() where claimants[k] > 0 {
            let places = lever == .trainingProgramme ? policy[lever].places : Int.max
            if claims[k] <= left[lever.rawValue] && claimants[k] <= places {
                record(lever.rawValue, claims[k], grantees: claimants[k])
                continue
            }
            // In firm order until the first claim that does not fit.
            let claim = month.claim + k * month.count, used = month.used + k * month.count
            let cash = population.cash
            var paid = 0.0, count = 0, refusing = false
            for i in 0..<month.count where claim[i] > 0 {
                if !refusing && paid + claim[i] <= left[lever.rawValue] && count < places {
                    paid += claim[i]
                    count += 1
                    continue
                }
                if !refusing && count < places { closed[lever.rawValue] = true }
                refusing = true
                cash[i] -= claim[i]
                used[i] -= claim[i]
            }
            record(lever.rawValue, paid, grantees: count)
        }
    }
}

/// The per-firm state of the instruments granted to firms: each firm's
/// claim this month and what it has received so far (against the cap), one
/// block of `count` values per instrument of `PolicyLever.firmLevers`; and
/// whether it holds one of this month's training places. Allocated only
/// while one of them has a budget.
final class PolicyColumns: Sendable {
    let claim: AgentColumn<Double>
    let used: AgentColumn<Double>
    let place: AgentColumn<UInt8>

    init(count: Int, executor: ChunkedExecutor) {
        let size = count * PolicyLever.firmLevers.count
        claim = AgentColumn(count: size, repeating: 0, executor: executor)
        used = AgentColumn(count: size, repeating: 0, executor: executor)
        place = AgentColumn(count: count, repeating: 0, executor: executor)
    }
}

/// What the instruments granted to firms offer this month, read by the
/// economy's passes: per instrument, whether it is open, its share, cap
/// and eligibility, and the per-firm columns.
struct PolicyMonth: @unchecked Sendable {
    struct Offer: Sendable {
        var open = false
        var share = 0.0
        var cap = 0.0
        var minEmployees = 1, maxEmployees = 249
        var sectors: [Bool] = []
        var membership = MembershipRule.any
        var months = 0
    }

    let tick: Int
    let offers: [Offer]
    let claim: UnsafeMutablePointer<Double>
    let used: UnsafeMutablePointer<Double>
    let place: UnsafeMutablePointer<UInt8>
    let count: Int
    /// Whether any instrument granted to firms is open this month.
    let anyOpen: Bool
    /// Keeps the columns the pointers point into alive.
    private let columns: PolicyColumns

    init(tick: Int, state: PolicyState, scenario: Scenario, columns: PolicyColumns, count: Int) {
        self.tick = tick
        let names = scenario.firms.sectors.map(\.name)
        offers = PolicyLever.firmLevers.map { lever in
            let l = scenario.policy[lever]
            return Offer(open: state.isOpen(lever, tick: tick, scenario.policy), share: l.share, cap: l.capPerFirm,
                         minEmployees: l.minEmployees, maxEmployees: l.maxEmployees, sectors: l.sectorMask(names),
                         membership: l.membership, months: l.months)
        }
        claim = columns.claim.base
        used = columns.used.base
        place = columns.place.base
        self.count = count
        self.columns = columns
        anyOpen = offers.contains(where: \.open)
    }

    /// Index of each instrument among the per-firm blocks.
    static let voucher = 0, commission = 1, training = 2, sustainability = 3

    /// Whether firm `i` qualifies for instrument `k` this month: it is open,
    /// and the firm's size (employees at the start of the month), sub-sector
    /// and membership (`member`; nil: whatever the instrument's rule) are
    /// eligible and it has not reached its cap.
    @inline(__always)
    func eligible(_ k: Int, _ i: Int, _ f: PopulationPointers, member: Bool?) -> Bool {
        let o = offers[k]
        guard o.open, used[k * count + i] < o.cap, o.sectors[Int(f.sector[i])] else { return false }
        let e = Int(f.employees[i])
        guard e >= o.minEmployees && e <= o.maxEmployees else { return false }
        guard let member else { return true }
        switch o.membership {
        case .any: return true
        case .members: return member
        case .nonMembers: return !member
        }
    }

    /// The share of a cost instrument `k` pays for firm `i` this month:
    /// its share when the firm qualifies (`eligible`) and, for training,
    /// holds one of the month's places; else 0.
    @inline(__always)
    func share(_ k: Int, _ i: Int, _ f: PopulationPointers, member: Bool?) -> Double {
        guard eligible(k, i, f, member: member), k != Self.training || place[i] == 1 else { return 0 }
        return offers[k].share
    }

    /// What instrument `k` offers on a tool's cost for firm `i`: its share,
    /// up to what is left of the firm's cap.
    @inline(__always)
    func subsidy(_ k: Int, _ i: Int, _ f: PopulationPointers, member: Bool?) -> Subsidy {
        let s = share(k, i, f, member: member)
        return s > 0 ? Subsidy(share: s, left: offers[k].cap - used[k * count + i]) : .none
    }

    /// Hands out the month's training places, before any firm decides:
    /// `places` eligible members (at the start of the month), in firm order
    /// from where last month's stopped, so every eligible member gets a
    /// turn. Returns where the next month starts.
    func assignTrainingPlaces(_ places: Int, from start: Int, _ f: PopulationPointers) -> Int {
        // Places are read only while the programme is open: a closed month
        // needs no clearing (and costs no pass over the firms).
        guard offers[Self.training].open, count > 0 else { return start }
        place.update(repeating: 0, count: count)
        var i = start % count, given = 0
        for _ in 0..<count where given < places {
            if f.alive[i] == 1 && f.member[i] == 1 && eligible(Self.training, i, f, member: true) {
                place[i] = 1
                given += 1
            }
            i = i + 1 == count ? 0 : i + 1
        }
        return i
    }

    /// Clears what a firm that exited left in its place (an entrant starts
    /// with nothing received).
    @inline(__always)
    func resetFirm(_ i: Int) {
        for k in 0..<PolicyLever.firmLevers.count {
            used[k * count + i] = 0
            claim[k * count + i] = 0
        }
        place[i] = 0
    }

    /// The commission subsidy's share for member `i`, in its first
    /// `months` after joining.
    @inline(__always)
    func commissionShare(_ i: Int, _ f: PopulationPointers) -> Double {
        let joined = Int(f.joinedTick[i])
        guard joined >= 0, tick - joined < offers[Self.commission].months else { return 0 }
        return share(Self.commission, i, f, member: true)
    }

    /// What firm `i` has received from instrument `k` so far.
    @inline(__always)
    func used(_ k: Int, _ i: Int) -> Double { used[k * count + i] }

    /// The digital voucher's part of an onboarding cost for joining firm
    /// `i`: its share of `cost`, within what is left of the firm's cap (it
    /// serves joining firms whatever its membership rule says). The firm
    /// decides to join at `cost` minus this, and pays that.
    @inline(__always)
    func onboardingVoucher(_ i: Int, _ f: PopulationPointers, cost: Double) -> Double {
        Swift.min(share(Self.voucher, i, f, member: nil) * cost, Swift.max(0, offers[Self.voucher].cap - used(Self.voucher, i)))
    }

    /// Grants firm `i` up to `amount` from instrument `k`, within its cap;
    /// records the claim and returns the grant (the firm pays the rest).
    @inline(__always)
    func grant(_ k: Int, _ i: Int, _ amount: Double) -> Double {
        guard amount > 0 else { return 0 }
        let slot = k * count + i
        let g = Swift.min(amount, Swift.max(0, offers[k].cap - used[slot]))
        used[slot] += g
        claim[slot] += g
        return g
    }

    /// Clears firm `i`'s claims (the first thing pass A does to each firm).
    @inline(__always)
    func clearClaims(_ i: Int) {
        for k in 0..<PolicyLever.firmLevers.count { claim[k * count + i] = 0 }
    }

    /// Firm `i`'s claims this month, for the metrics.
    @inline(__always)
    func claims(_ i: Int) -> SIMD4<Double> {
        SIMD4(claim[i], claim[count + i], claim[2 * count + i], claim[3 * count + i])
    }
}
