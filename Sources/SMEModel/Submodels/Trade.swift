import Foundation

/// Trade (MODEL.md §7 "Trade"): how attractive a firm is to consumers, and
/// how a market's demand is shared in proportion to attractiveness.
enum Trade {
    /// Fit of an offering to the consumer trend: 1 minus their Euclidean
    /// distance over the four attributes, scaled to [0, 1].
    @inline(__always)
    static func fit(_ offering: UnsafeMutablePointer<Double>, _ trend: SIMD4<Double>) -> Double {
        let d = UnsafeRawPointer(offering).loadUnaligned(as: SIMD4<Double>.self) - trend
        return Swift.max(0, 1 - (d * d).sum().squareRoot() / 2)
    }

    /// A = fit^α · (1 + β·sustainability) · brand · e^shock · priceWeight,
    /// priceWeight = price^−ε computed once per firm.
    @inline(__always)
    static func attractiveness(fit: Double, sustainability: Double, brand: Double, shock: Double, priceWeight: Double,
                               market: MarketParameters) -> Double {
        let fitTerm = market.fitExponent == 2 ? fit * fit : pow(fit, market.fitExponent)
        return fitTerm * (1 + market.sustainabilityPremium * sustainability) * brand * exp(shock) * priceWeight
    }

    /// Online visibility of a member's listing: better digital capability
    /// presents the catalogue better.
    @inline(__always)
    static func visibility(technology: Double) -> Double { 0.5 + technology }

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
