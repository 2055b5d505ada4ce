/// Which tools a firm uses this month and how intensely (ODD §4
/// "Learning"): the platform's analytics and training for members whose
/// platform offers them, consultants and its own digital investment for
/// anyone. Nothing is given for being a member: a tool is used when the
/// gain the firm expects from it exceeds its cost in staff time or fees.
///
/// A tool used at intensity u in [0, 1] raises the firm's attractiveness by
/// value · (floor + technology) · u (times the analytics quality for
/// analytics): better-informed decisions on assortment, prices and
/// customers (seed 002 §4.2). The firm expects that much more revenue at its
/// contribution margin, V · u with V = value · (floor + T) · revenue ·
/// margin, and pays C · u² in staff time or fees; it chooses
/// u = min(1, V / 2C), which maximises V · u − C · u². What it learns
/// (`Learning`) and how it innovates (`Innovation`) follow from the use too.
struct ServiceUse: Sendable {
    var analytics = 0.0
    var training = 0.0
    var consulting = 0.0
    /// The platform's analytics quality the firm had access to.
    var quality = 0.0
    /// What using the tools costs this month (staff time and fees), euros.
    var cost = 0.0
    /// The net value the firm expects from the platform's tools (analytics
    /// and training) this month, euros: what keeps a member on the platform.
    var platformValue = 0.0
    /// The relative rise of attractiveness the tools bring.
    var gain = 0.0
    /// What public programmes pay of consultants and of training this month
    /// (within what is left of the firm's cap; `cost` is the firm's part).
    var consultingSubsidy = 0.0
    var trainingSubsidy = 0.0

    /// Analytics actually used, in quality units (use × quality).
    var analyticsUsed: Double { analytics * quality }

    /// The best use of a tool and its net value.
    @inline(__always)
    static func optimum(value: Double, cost: Double) -> (use: Double, net: Double) {
        guard value > 0 else { return (0, 0) }
        let use = cost > 0 ? Swift.min(1, value / (2 * cost)) : 1
        return (use, value * use - cost * use * use)
    }

    /// The best use of a tool whose cost C·u² a public programme pays
    /// `subsidy.share` of, up to `subsidy.left` euros (what is left of the
    /// firm's cap). The firm's own cost is (1 − s)·C·u² up to the use
    /// ū = √(left / (s·C)) where the cap binds, and C·u² − left beyond: convex,
    /// with a kink at ū, so the best use is V / 2C(1 − s) if that is below ū,
    /// else V / 2C if that is above ū, else ū (at most 1). Returns the use,
    /// the net value V·u − own cost, the own cost and the subsidy.
    @inline(__always)
    static func optimum(value: Double, cost: Double, subsidy: Subsidy) -> (use: Double, net: Double, paid: Double, subsidy: Double) {
        guard subsidy.share > 0 && subsidy.left > 0 else {
            let best = optimum(value: value, cost: cost)
            return (best.use, best.net, cost * best.use * best.use, 0)
        }
        guard value > 0 else { return (0, 0, 0, 0) }
        let s = subsidy.share
        let kink = (subsidy.left / (s * cost)).squareRoot()
        var use = s < 1 ? value / (2 * cost * (1 - s)) : .infinity
        if use > kink { use = Swift.max(kink, value / (2 * cost)) }
        use = Swift.min(1, use)
        let total = cost * use * use
        let paidByProgramme = Swift.min(s * total, subsidy.left)
        return (use, value * use - (total - paidByProgramme), total - paidByProgramme, paidByProgramme)
    }

    /// The money a tool's full use is expected to bring a firm: `effect` (its
    /// rise of attractiveness at full use) times revenue at the contribution
    /// margin.
    @inline(__always)
    static func stake(revenue: Double, variableCost: Double, economy: FirmEconomy) -> Double {
        Swift.max(0, revenue) * Swift.max(0, 1 - variableCost - economy.localLogistics)
    }

    /// 1 / (2·cost), taken once for `consultingOnly`; +∞ where that is not
    /// finite (a free tool, used in full).
    static func halfPerCost(_ cost: Double) -> Double {
        let half = 1 / (2 * cost)
        return half.isFinite ? half : .infinity
    }

    /// Consultants alone (what a firm without the platform's tools chooses):
    /// the common case of the per-firm loop, with `halfPerCost(cost)` taken
    /// once (at +∞, the use is min(1, ∞) = 1, the value being positive).
    /// A digital voucher (`subsidy`) lowers the firm's own part of the cost.
    @inline(__always)
    static func consultingOnly(stake: Double, technology: Double, learning: LearningParameters, halfPerCost: Double,
                               subsidy: Subsidy = .none) -> ServiceUse {
        var use = ServiceUse()
        let effect = learning.consulting.value * (learning.absorptiveFloor + technology)
        let value = effect * stake
        guard value > 0 else { return use }
        if subsidy.share > 0 {
            let best = optimum(value: value, cost: learning.consulting.cost, subsidy: subsidy)
            use.consulting = best.use
            use.cost = best.paid
            use.consultingSubsidy = best.subsidy
            use.gain = effect * best.use
            return use
        }
        let u = Swift.min(1, value * halfPerCost)
        use.consulting = u
        use.cost = learning.consulting.cost * u * u
        use.gain = effect * u
        return use
    }

    /// A member's choice this month (a firm without the platform's tools
    /// takes `consultingOnly`). `stake` is last month's revenue at its
    /// contribution margin (`stake(...)`), `quality` the platform's analytics
    /// quality, `analyticsOn` / `trainingOn` whether the platform offers them;
    /// `consulting` and `training` what public programmes offer on those
    /// costs (nothing by default).
    @inline(__always)
    static func choose(stake: Double, technology: Double, analyticsOn: Bool, trainingOn: Bool,
                       quality: Double, learning: LearningParameters,
                       consulting consultingSubsidy: Subsidy = .none, training trainingSubsidy: Subsidy = .none) -> ServiceUse {
        let capability = learning.absorptiveFloor + technology
        var use = ServiceUse()
        if analyticsOn {
            let effect = learning.analytics.value * capability * quality
            let best = optimum(value: effect * stake, cost: learning.analytics.cost)
            use.analytics = best.use
            use.quality = quality
            use.platformValue += best.net
            use.cost += learning.analytics.cost * best.use * best.use
            use.gain += effect * best.use
        }
        if trainingOn {
            let effect = learning.training.value * capability
            let best = optimum(value: effect * stake, cost: learning.training.cost, subsidy: trainingSubsidy)
            use.training = best.use
            use.platformValue += best.net
            use.cost += best.paid
            use.trainingSubsidy = best.subsidy
            use.gain += effect * best.use
        }
        let effect = learning.consulting.value * capability
        let consulting = optimum(value: effect * stake, cost: learning.consulting.cost, subsidy: consultingSubsidy)
        use.consulting = consulting.use
        use.cost += consulting.paid
        use.consultingSubsidy = consulting.subsidy
        use.gain += effect * consulting.use
        return use
    }
}

/// What a public programme offers on a tool's cost this month: `share` of
/// it, up to `left` euros (what is left of the firm's cap).
struct Subsidy: Sendable {
    var share = 0.0
    var left = 0.0
    static let none = Subsidy()
}

/// The logistics a firm pays on its orders this month: its own delivery,
/// or the platform's shared network where that is cheaper per order (a
/// member's choice, order by kind: online parcels and local deliveries).
struct LogisticsChoice: Sendable {
    /// Cost of the month's orders, euros.
    var cost = 0.0
    /// Orders shipped through the network, weighted by the sub-sector's
    /// handling cost (what the platform pays and charges for).
    var networkUnits = 0.0
    /// What the network saved the member against its own delivery, euros.
    var saving = 0.0

    /// `price` is the network's price per order this month (nil: no network
    /// for this firm), `handling` the sub-sector's logistics multiplier.
    @inline(__always)
    static func choose(localSales: Double, onlineSales: Double, orderValue: Double, perOrderValue: Double, handling: Double,
                       price: Double?, economy: FirmEconomy) -> LogisticsChoice {
        let localOrders = localSales * perOrderValue, onlineOrders = onlineSales * perOrderValue
        let ownLocal = economy.localLogistics * orderValue * handling
        let ownOnline = economy.ownOnlineLogistics * orderValue * handling
        var choice = LogisticsChoice()
        guard let price else {
            choice.cost = localOrders * ownLocal + onlineOrders * ownOnline
            return choice
        }
        let network = price * handling
        func ship(_ orders: Double, own: Double) {
            if network < own {
                choice.cost += orders * network
                choice.networkUnits += orders * handling
                choice.saving += orders * (own - network)
            } else {
                choice.cost += orders * own
            }
        }
        ship(localOrders, own: ownLocal)
        ship(onlineOrders, own: ownOnline)
        return choice
    }
}
