/// Finance (ODD §7 "Finance"): a month's costs by kind, profit, cash,
/// distress and exit, and the financial dimension as an index of margin,
/// revenue growth and cash buffer.
enum Finance {
    /// A month of one firm's accounts.
    struct Month {
        var revenueLocal = 0.0, revenueOnline = 0.0
        var production = 0.0, waste = 0.0, logistics = 0.0
        var commission = 0.0, fee = 0.0, effort = 0.0, fixed = 0.0, innovation = 0.0, tools = 0.0
        /// Public money received this month (policy instruments' grants
        /// toward the costs above, which are booked in full).
        var grants = 0.0

        var revenue: Double { revenueLocal + revenueOnline }
        var costs: Double { production + waste + logistics + commission + fee + effort + fixed + innovation + tools }
        var profit: Double { revenue - costs + grants }
    }

    /// A month's fixed costs: `fixed_cost` of capacity (staff, premises,
    /// equipment) plus the `overhead` every firm pays whatever its size.
    @inline(__always)
    static func fixedCosts(capacity: Double, economy: FirmEconomy) -> Double {
        economy.fixedCost * capacity + economy.overhead
    }

    /// Books a month's profit: the owners' payout leaves, the rest goes to
    /// cash; returns the months in distress (cash negative) so far.
    @inline(__always)
    static func settle(_ i: Int, _ f: PopulationPointers, profit: Double, payout: Double) -> Int {
        f.cash[i] += profit - payout
        f.profit[i] = profit
        let distress = f.cash[i] < 0 ? Int(f.distressMonths[i]) + 1 : 0
        f.distressMonths[i] = UInt8(Swift.min(distress, 255))
        return distress
    }

    /// Moves the smoothed margin and revenue growth (growth de-seasonalised
    /// by `seasonRatio`, counted once there is a previous month to compare)
    /// and sets the financial dimension from them and the cash buffer.
    @inline(__always)
    static func updateIndex(_ i: Int, _ f: PopulationPointers, books: Month, profit: Double, previousRevenue: Double,
                            seasonRatio: Double, growthKnown: Bool) {
        let revenue = books.revenue
        let margin = revenue > 0 ? Swift.max(-1, profit / revenue) : -1
        let growth = previousRevenue > 0 && growthKnown
            ? (revenue * seasonRatio) / previousRevenue - 1 : 0
        f.marginTrend[i] += smoothing * (margin - f.marginTrend[i])
        f.growthTrend[i] += smoothing * (Swift.max(-1, Swift.min(1, growth)) - f.growthTrend[i])
        f.financial[i] = index(
            margin: f.marginTrend[i], growth: f.growthTrend[i],
            cash: f.cash[i], monthlyCosts: books.costs - books.innovation)
    }

    /// Weight of a new month in the smoothed margin and growth (about half a year).
    static let smoothing = 1.0 / 6

    /// The financial dimension: 0.4 · margin score + 0.3 · growth score +
    /// 0.3 · buffer score, each in [0, 1]: a smoothed margin of −10 % scores
    /// 0 and +10 % scores 1; smoothed monthly revenue growth of −5 % scores 0
    /// and +5 % scores 1; cash of six months of costs or more scores 1.
    @inline(__always)
    static func index(margin: Double, growth: Double, cash: Double, monthlyCosts: Double) -> Double {
        let m = clamp01(0.5 + margin * 5)
        let g = clamp01(0.5 + growth * 10)
        let b = cash >= 6 * monthlyCosts ? 1 : (monthlyCosts > 0 ? Swift.max(0, cash / (6 * monthlyCosts)) : 1)
        return 0.4 * m + 0.3 * g + 0.3 * b
    }
}

@inline(__always)
func clamp01(_ x: Double) -> Double { Swift.min(1, Swift.max(0, x)) }
