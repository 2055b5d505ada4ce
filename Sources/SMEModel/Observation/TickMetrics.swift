import AgentEngine
import Foundation

/// Sums over firms that one chunk of a tick contributes; chunks are merged
/// in chunk order, so the totals do not depend on the thread count.
struct TickMetrics: Sendable {
    static let dimensionBins = 1_000
    static let revenueBins = 2_048
    /// Online revenue histogram: log10 bins from 10^0 to 10^8 euros.
    static let revenueLogLow = 0.0, revenueLogHigh = 8.0

    var joins = 0, leaves = 0, exits = 0
    var alive = 0, members = 0
    var flows = FirmFlows()
    /// Per dimension: sums over members and non-members (alive).
    var memberSums = SIMD4<Double>()
    var nonMemberSums = SIMD4<Double>()
    var dimensionHistogram = [Int32](repeating: 0, count: 4 * TickMetrics.dimensionBins)
    var initiatives = [Int](repeating: 0, count: BuildingBlock.allCases.count)
    var successes = 0
    /// Initiatives of firms with and without an alliance, and those of them
    /// on network or relations (pattern 4b).
    var initiativesAllied = 0, networkRelationsAllied = 0
    var initiativesUnallied = 0, networkRelationsUnallied = 0
    /// By size class (1–2, 3–9, 10 or more employees): living firms at the
    /// end of the tick, and exits during it; employees of living firms.
    var aliveBySize = SIMD4<Int>(), exitsBySize = SIMD4<Int>()
    var employees = 0
    /// Cash of living firms, and living firms of the initial population.
    var cash = 0.0
    var cohortAlive = 0
    /// Claims on the policy instruments granted to firms (in the order of
    /// `PolicyLever.firmLevers`): amounts, and firms that claimed.
    var claims = SIMD4<Double>()
    var claimants = SIMD4<Int>()
    /// Tool use summed over living members and non-members.
    var analyticsUse = 0.0, trainingUse = 0.0, consultingUseMembers = 0.0, consultingUseNonMembers = 0.0
    /// Online revenue of members: zero count, then counts and sums per log bin.
    var onlineZero = 0
    var onlineCounts = [Int32](repeating: 0, count: TickMetrics.revenueBins)
    var onlineSums = [Double](repeating: 0, count: TickMetrics.revenueBins)
    /// Firms that looked for a partner, and finished reintegrations (alliances).
    var searchers: [AllianceSystem.Searcher] = []
    var reintegrations: [CSVRecord] = []

    init() {}

    /// Adds a firm's dimensions to the sums and to `histogram`, a chunk's
    /// scratch copy of `dimensionHistogram` (see `DimensionHistogram`).
    @inline(__always)
    mutating func addDimensions(_ values: SIMD4<Double>, member: Bool, histogram: UnsafeMutablePointer<Int32>) {
        if member { memberSums += values } else { nonMemberSums += values }
        for d in 0..<4 { histogram[d * Self.dimensionBins + Self.dimensionBin(values[d])] &+= 1 }
    }

    /// The bin of a dimension's value among `dimensionBins` equal bins of
    /// [0, 1], values outside in the end bins: ⌊value · bins⌋ clamped to
    /// [0, bins − 1]. Computed without the checked conversion to `Int`: the
    /// clamped product c plus 2^52 holds c rounded to the nearest integer in
    /// its low bits (exactly, c being below 2^51), one less if that rounded
    /// up (c minus the rounded value, exact, is then negative: its sign bit).
    @inline(__always)
    static func dimensionBin(_ value: Double) -> Int {
        let scaled = value * Double(dimensionBins)
        let clamped = scaled > 0 ? Swift.min(scaled, Double(dimensionBins - 1)) : 0
        let shifted = clamped + 0x1p52
        let nearest = Int(truncatingIfNeeded: shifted.bitPattern & 0xFFFF)
        let roundedUp = Int(truncatingIfNeeded: (clamped - (shifted - 0x1p52)).bitPattern >> 63)
        return nearest &- roundedUp
    }

    /// Adds a living firm's use of the tools (analytics and training are
    /// members' only).
    @inline(__always)
    mutating func addToolUse(_ use: ServiceUse, member: Bool) {
        if member {
            analyticsUse += use.analytics
            trainingUse += use.training
            consultingUseMembers += use.consulting
        } else {
            consultingUseNonMembers += use.consulting
        }
    }

    /// Adds a firm's claims on the policy instruments this month.
    @inline(__always)
    mutating func addClaims(_ amounts: SIMD4<Double>) {
        claims += amounts
        for k in 0..<4 where amounts[k] > 0 { claimants[k] += 1 }
    }

    /// Counts a firm's initiative of the month, if it started one: by
    /// block, its success, and whether the firm holds an alliance (4b).
    @inline(__always)
    mutating func addInitiative(_ outcome: Innovation.Outcome, allied: Bool) {
        guard let block = outcome.block else { return }
        initiatives[block.rawValue] += 1
        if outcome.success { successes += 1 }
        let onNetwork = block == .network || block == .relations ? 1 : 0
        if allied {
            initiativesAllied += 1
            networkRelationsAllied += onNetwork
        } else {
            initiativesUnallied += 1
            networkRelationsUnallied += onNetwork
        }
    }

    mutating func addOnlineRevenue(_ revenue: Double) {
        guard revenue > 0 else { onlineZero += 1; return }
        let position = (log10(revenue) - Self.revenueLogLow) / (Self.revenueLogHigh - Self.revenueLogLow)
        let bin = Swift.min(Swift.max(Int(position * Double(Self.revenueBins)), 0), Self.revenueBins - 1)
        onlineCounts[bin] &+= 1
        onlineSums[bin] += revenue
    }


    /// Adds another chunk's sums and counts (folded in chunk order).
    static func absorb(_ m: inout TickMetrics, _ b: TickMetrics) {
        m.joins += b.joins; m.leaves += b.leaves; m.exits += b.exits
        m.alive += b.alive; m.members += b.members
        m.flows += b.flows
        m.memberSums += b.memberSums
        m.nonMemberSums += b.nonMemberSums
        for k in m.dimensionHistogram.indices { m.dimensionHistogram[k] &+= b.dimensionHistogram[k] }
        for k in m.initiatives.indices { m.initiatives[k] += b.initiatives[k] }
        m.successes += b.successes
        m.initiativesAllied += b.initiativesAllied; m.networkRelationsAllied += b.networkRelationsAllied
        m.initiativesUnallied += b.initiativesUnallied; m.networkRelationsUnallied += b.networkRelationsUnallied
        m.aliveBySize &+= b.aliveBySize; m.exitsBySize &+= b.exitsBySize; m.employees += b.employees
        m.cash += b.cash; m.cohortAlive += b.cohortAlive
        m.claims += b.claims; m.claimants &+= b.claimants
        m.analyticsUse += b.analyticsUse; m.trainingUse += b.trainingUse
        m.consultingUseMembers += b.consultingUseMembers; m.consultingUseNonMembers += b.consultingUseNonMembers
        m.onlineZero += b.onlineZero
        m.searchers += b.searchers
        m.reintegrations += b.reintegrations
        for k in m.onlineCounts.indices { m.onlineCounts[k] &+= b.onlineCounts[k]; m.onlineSums[k] += b.onlineSums[k] }
    }

    /// The q-quantile of dimension d over living firms, from the histogram
    /// (linear within a bin; resolution 1/1000).
    func quantile(_ d: Int, _ q: Double) -> Double {
        let total = Double(alive)
        guard total > 0 else { return 0 }
        let target = q * total
        var cumulative = 0.0
        for bin in 0..<Self.dimensionBins {
            let count = Double(dimensionHistogram[d * Self.dimensionBins + bin])
            if count > 0 && cumulative + count >= target {
                let within = (target - cumulative) / count
                return (Double(bin) + within) / Double(Self.dimensionBins)
            }
            cumulative += count
        }
        return 1
    }

    /// Gini coefficient of members' online revenue, from the log-binned
    /// histogram (firms within a bin, at most 0.9 % apart, count as equal).
    var onlineGini: Double {
        let n = Double(onlineZero) + onlineCounts.reduce(0.0) { $0 + Double($1) }
        let total = onlineSums.reduce(0, +)
        guard n > 0, total > 0 else { return 0 }
        // G = 1 − Σ_k f_k (L_{k−1} + L_k) over bins in increasing order;
        // firms with no online revenue add nothing to the sum.
        var lorenz = 0.0
        var g = 1.0
        var sum = 0.0
        for k in 0..<Self.revenueBins where onlineCounts[k] > 0 {
            let share = Double(onlineCounts[k]) / n
            let next = lorenz + onlineSums[k] / total
            sum += share * (lorenz + next)
            lorenz = next
        }
        g -= sum
        return Swift.min(Swift.max(g, 0), 1)
    }
}

/// A chunk's scratch histogram of the four dimensions, written through a
/// plain pointer so the per-firm loop carries no copy-on-write checks.
final class DimensionHistogram {
    let counts: UnsafeMutablePointer<Int32>
    private let size = 4 * TickMetrics.dimensionBins

    init() {
        counts = .allocate(capacity: size)
        counts.initialize(repeating: 0, count: size)
    }

    deinit { counts.deallocate() }

    var array: [Int32] { Array(UnsafeBufferPointer(start: counts, count: size)) }
}
