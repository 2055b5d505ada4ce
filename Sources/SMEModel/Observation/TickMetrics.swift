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
    var revenueLocal = 0.0, revenueOnline = 0.0
    var orders = 0.0, networkOrders = 0.0, logistics = 0.0
    var production = 0.0, waste = 0.0
    var commissions = 0.0, fees = 0.0, onboarding = 0.0, switching = 0.0
    var fixedCosts = 0.0, innovation = 0.0, effort = 0.0
    var demandLocal = 0.0, demandOnline = 0.0
    var profit = 0.0, payout = 0.0
    /// Per dimension: sums over members and non-members (alive).
    var memberSums = SIMD4<Double>()
    var nonMemberSums = SIMD4<Double>()
    var dimensionHistogram = [Int32](repeating: 0, count: 4 * TickMetrics.dimensionBins)
    var initiatives = [Int](repeating: 0, count: BuildingBlock.allCases.count)
    var successes = 0
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
        for d in 0..<4 {
            let bin = Swift.min(Swift.max(Int(values[d] * Double(Self.dimensionBins)), 0), Self.dimensionBins - 1)
            histogram[d * Self.dimensionBins + bin] &+= 1
        }
    }

    mutating func addOnlineRevenue(_ revenue: Double) {
        guard revenue > 0 else { onlineZero += 1; return }
        let position = (log10(revenue) - Self.revenueLogLow) / (Self.revenueLogHigh - Self.revenueLogLow)
        let bin = Swift.min(Swift.max(Int(position * Double(Self.revenueBins)), 0), Self.revenueBins - 1)
        onlineCounts[bin] &+= 1
        onlineSums[bin] += revenue
    }

    /// Adds a chunk's flows: trade = (revenue local, revenue online, local
    /// demand offered, online demand offered, owners' payout, orders, orders
    /// through the shared network, logistics); costs = (production, waste,
    /// commissions, fees, effort, fixed, innovation, profit).
    mutating func addFlows(trade: SIMD8<Double>, costs: SIMD8<Double>) {
        revenueLocal += trade[0]; revenueOnline += trade[1]
        demandLocal += trade[2]; demandOnline += trade[3]; payout += trade[4]
        orders += trade[5]; networkOrders += trade[6]; logistics += trade[7]
        production += costs[0]; waste += costs[1]; commissions += costs[2]; fees += costs[3]
        effort += costs[4]; fixedCosts += costs[5]; innovation += costs[6]; profit += costs[7]
    }

    /// Adds another chunk's sums and counts (folded in chunk order).
    static func absorb(_ m: inout TickMetrics, _ b: TickMetrics) {
        m.joins += b.joins; m.leaves += b.leaves; m.exits += b.exits
        m.alive += b.alive; m.members += b.members
        m.revenueLocal += b.revenueLocal; m.revenueOnline += b.revenueOnline
        m.orders += b.orders; m.networkOrders += b.networkOrders; m.logistics += b.logistics
        m.production += b.production; m.waste += b.waste
        m.commissions += b.commissions; m.fees += b.fees; m.onboarding += b.onboarding; m.switching += b.switching
        m.fixedCosts += b.fixedCosts; m.innovation += b.innovation; m.effort += b.effort
        m.demandLocal += b.demandLocal; m.demandOnline += b.demandOnline
        m.profit += b.profit; m.payout += b.payout
        m.memberSums += b.memberSums
        m.nonMemberSums += b.nonMemberSums
        for k in m.dimensionHistogram.indices { m.dimensionHistogram[k] &+= b.dimensionHistogram[k] }
        for k in m.initiatives.indices { m.initiatives[k] += b.initiatives[k] }
        m.successes += b.successes
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
