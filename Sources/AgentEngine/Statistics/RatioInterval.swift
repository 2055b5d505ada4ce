/// The ratio of two means from paired samples, R = mean(a) / mean(b), with
/// Fieller's 95 % interval — the set of R for which mean(a) − R·mean(b) is
/// not distinguishable from 0:
///
///     (ā − R·b̄)² ≤ q · (s_aa − 2R·s_ab + R²·s_bb),   q = t²_{0.975, n−1} / n
///
/// with s the sample variances and covariance of the n pairs. That is the
/// quadratic A·R² − 2B·R + C ≤ 0, A = b̄² − q·s_bb, B = ā·b̄ − q·s_ab,
/// C = ā² − q·s_aa. When A > 0 (b̄ is distinguishable from 0) the interval
/// is bounded, (B ∓ √(B² − A·C)) / A, and holds R; otherwise it is unbounded
/// and `interval` is nil. Used for euros per unit of effect: a = extra
/// public money, b = the effect, both paired by replicate.
public struct RatioInterval: Sendable, Equatable {
    public let ratio: Double
    public let interval: ConfidenceInterval?

    /// `a` and `b` are indexed by replicate (NaN: missing; pairs with a
    /// missing value are left out).
    public init(_ a: [Double], over b: [Double]) {
        let pairs = zip(a, b).filter { $0.0.isFinite && $0.1.isFinite }
        let n = pairs.count
        guard n > 0 else {
            ratio = .nan
            interval = nil
            return
        }
        let meanA = pairs.reduce(0) { $0 + $1.0 } / Double(n), meanB = pairs.reduce(0) { $0 + $1.1 } / Double(n)
        let r = meanA / meanB
        ratio = r.isFinite ? r : .nan
        guard n >= 2 else {
            interval = nil
            return
        }
        var saa = 0.0, sbb = 0.0, sab = 0.0
        for (x, y) in pairs {
            saa += (x - meanA) * (x - meanA)
            sbb += (y - meanB) * (y - meanB)
            sab += (x - meanA) * (y - meanB)
        }
        let m = Double(n - 1)
        saa /= m; sbb /= m; sab /= m
        let t = StudentT.critical95(degreesOfFreedom: m)
        let q = t * t / Double(n)
        let quadratic = meanB * meanB - q * sbb
        let linear = meanA * meanB - q * sab
        let constant = meanA * meanA - q * saa
        guard quadratic > 0 else {
            interval = nil
            return
        }
        let root = Swift.max(0, linear * linear - quadratic * constant).squareRoot()
        interval = ConfidenceInterval(low: (linear - root) / quadratic + 0, high: (linear + root) / quadratic + 0)
    }
}
