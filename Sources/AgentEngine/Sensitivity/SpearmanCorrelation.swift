import Foundation

/// Spearman's rank correlation of two samples, paired by position (pairs
/// where either value is missing are left out): Pearson's correlation of
/// the ranks, ties given the mean of the ranks they span (as SciPy's
/// `spearmanr`), with the 95 % interval of Fisher's z transformation,
///
///     tanh(atanh ρ ± z_{0.975} / √(n − 3)),
///
/// the normal approximation of atanh ρ as for Pearson's r (Fieller et
/// al. 1957 put its variance for Spearman's ρ nearer 1.06 / (n − 3), so
/// the interval is slightly narrow for small n).
public struct SpearmanCorrelation: Sendable, Equatable {
    /// Pairs used.
    public let count: Int
    /// NaN when either sample is constant, or with fewer than two pairs.
    public let rho: Double
    /// Nil with fewer than four pairs or when ρ is NaN.
    public let interval: ConfidenceInterval?

    public init(_ x: [Double], _ y: [Double]) {
        let pairs = zip(x, y).filter { $0.0.isFinite && $0.1.isFinite }
        count = pairs.count
        let rho = Self.pearson(Self.ranks(pairs.map(\.0)), Self.ranks(pairs.map(\.1)))
        self.rho = rho
        guard count > 3, rho.isFinite else { interval = nil; return }
        let z = atanh(rho), half = StandardNormal.critical95 / Double(count - 3).squareRoot()
        interval = ConfidenceInterval(low: tanh(z - half), high: tanh(z + half))
    }

    /// The rank of each value, 1 for the least; tied values share the
    /// mean of their ranks.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
            let rank = Double(start + end + 1) / 2
            for position in start..<end { ranks[order[position]] = rank }
            start = end
        }
        return ranks
    }

    private static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count >= 2 else { return .nan }
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return .nan }
        return Swift.min(Swift.max(sxy / (sxx * syy).squareRoot(), -1), 1)
    }
}
