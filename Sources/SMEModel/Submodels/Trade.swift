import Foundation

/// Trade (ODD §7 "Trade"): how attractive a firm is to consumers, how
/// far it reaches, and how a market's demand is shared in proportion to
/// attractiveness × reach (× visibility online), within each firm's capacity.
enum Trade {
    /// Fit of an offering to the consumer trend: 1 minus their Euclidean
    /// distance over the four attributes, scaled to [0, 1].
    @inline(__always)
    static func fit(_ offering: UnsafeMutablePointer<Double>, _ trend: SIMD4<Double>) -> Double {
        let d = UnsafeRawPointer(offering).loadUnaligned(as: SIMD4<Double>.self) - trend
        return Swift.max(0, 1 - (d * d).sum().squareRoot() / 2)
    }

    /// A = fit^α · (1 + β·sustainability) · brand · e^shock · priceWeight ·
    /// season, priceWeight = price^−ε computed once per firm, season the
    /// firm's sub-sector's this month.
    @inline(__always)
    static func attractiveness(fit: Double, sustainability: Double, brand: Double, shock: Double, priceWeight: Double,
                               season: Double, market: MarketParameters) -> Double {
        let fitTerm = market.fitExponent == 2 ? fit * fit : pow(fit, market.fitExponent)
        return fitTerm * (1 + market.sustainabilityPremium * sustainability) * brand * exp(shock) * priceWeight * season
    }

    /// Reach (outlets, shelf space, customers) of a firm of `capacity`:
    /// (capacity / mean)^elasticity, so demand scales with what a firm can
    /// supply and sell; without it, every firm would get the same demand and
    /// large firms would starve.
    @inline(__always)
    static func reach(capacity: Double, meanCapacity: Double, elasticity: Double) -> Double {
        let relative = capacity / meanCapacity
        return elasticity == 1 ? relative : pow(relative, elasticity)
    }

    /// The part of a firm's reach that reaches local customers: all of its
    /// capacity but the part last month's online orders took (capacity
    /// built for parcels brings no shelf space in shops).
    @inline(__always)
    static func localReach(capacity: Double, lastOnline: Double, perOnlineEuro: Double) -> Double {
        lastOnline > 0 ? 1 - Swift.min(1, lastOnline * perOnlineEuro / capacity) : 1
    }

    /// Online weight relative to the reach: the listing's visibility
    /// (better digital capability presents the catalogue better) times the
    /// sub-sector's suitability for online sales.
    @inline(__always)
    static func onlineFactor(technology: Double, suitability: Double, market: MarketParameters) -> Double {
        (market.visibilityBase + market.visibilityTechnology * technology) * suitability
    }

    /// Next month's capacity and reach: capacity grows toward output wanted
    /// beyond it, by at most `capacity_growth`; it shrinks by
    /// `capacity_decline` while the wanted output is below
    /// `downsize_utilisation` of it, never below one employee's worth
    /// (`revenue_per_employee`). Reach follows: a step capped at the growth or decline rate
    /// multiplies it by that rate raised to the elasticity (`steps`, taken
    /// once a tick), any other step recomputes it.
    @inline(__always)
    static func resize(capacity: Double, reach: Double, wanted: Double, steps: ReachSteps,
                       economy: FirmEconomy) -> (capacity: Double, reach: Double) {
        let floor = economy.revenuePerEmployee
        if wanted > capacity {
            let grown = capacity * (1 + economy.capacityGrowth)
            return wanted >= grown ? (grown, reach * steps.growth) : (wanted, steps.reach(wanted))
        }
        if wanted < economy.downsizeUtilisation * capacity {
            let shrunk = capacity * (1 - economy.capacityDecline)
            if shrunk >= wanted && shrunk >= floor { return (shrunk, reach * steps.decline) }
            let resized = Swift.max(floor, wanted)
            return resized == capacity ? (capacity, reach) : (resized, steps.reach(resized))
        }
        return (capacity, reach)
    }

    /// The factors by which reach moves on a capped step, and reach itself.
    struct ReachSteps: Sendable {
        let growth: Double, decline: Double
        let meanCapacity: Double, elasticity: Double

        init(economy: FirmEconomy, meanCapacity: Double, elasticity: Double) {
            growth = pow(1 + economy.capacityGrowth, elasticity)
            decline = pow(1 - economy.capacityDecline, elasticity)
            self.meanCapacity = meanCapacity
            self.elasticity = elasticity
        }

        @inline(__always)
        func reach(_ capacity: Double) -> Double {
            Trade.reach(capacity: capacity, meanCapacity: meanCapacity, elasticity: elasticity)
        }
    }

    /// Serves this firm's shares of local and online demand within its
    /// capacity (output per month valued at the local price). Local buyers
    /// come first — they are the firm's existing trade — and online orders
    /// take what capacity is left; an online euro uses 1/(1 + premium) of a
    /// euro of capacity (`perOnlineEuro` = 1/(1 + premium)). Returns revenue
    /// by channel and the output used.
    @inline(__always)
    static func serve(local: Double, online: Double, capacity: Double, premium: Double, perOnlineEuro: Double)
        -> (local: Double, online: Double, output: Double) {
        let localSold = Swift.min(local, capacity)
        let onlineOutput = Swift.min(online * perOnlineEuro, capacity - localSold)
        return (localSold, onlineOutput * (1 + premium), localSold + onlineOutput)
    }
}
