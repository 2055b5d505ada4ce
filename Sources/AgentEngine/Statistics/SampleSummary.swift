/// The size, mean and spread of a sample of numbers, with the 95 % t
/// interval of its mean:
///
///     mean = Σxᵢ / n,   s² = Σ(xᵢ − mean)² / (n − 1)   (two passes),
///     mean ± t_{0.975, n−1} · s / √n.
///
/// Sums are taken in the sample's order, so the same sample gives the same
/// bits. Values that are not finite (missing) are left out.
public struct SampleSummary: Sendable, Equatable {
    public let count: Int
    /// NaN when the sample is empty.
    public let mean: Double
    /// The sample variance s²; NaN when there are fewer than two values.
    public let variance: Double

    public init(_ values: some Sequence<Double>) {
        let finite = values.filter(\.isFinite)
        count = finite.count
        guard count > 0 else { mean = .nan; variance = .nan; return }
        let mean = finite.reduce(0, +) / Double(count)
        self.mean = mean
        variance = count < 2 ? .nan : finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
    }

    /// s / √n; NaN with fewer than two values.
    public var standardError: Double { (variance / Double(count)).squareRoot() }

    /// The 95 % t interval of the mean; nil with fewer than two values.
    public var meanInterval: ConfidenceInterval? {
        guard count >= 2 else { return nil }
        return ConfidenceInterval(around: mean, halfWidth: StudentT.critical95(degreesOfFreedom: Double(count - 1)) * standardError)
    }
}

/// A two-sided confidence interval, low ≤ high.
public struct ConfidenceInterval: Sendable, Equatable {
    public let low: Double
    public let high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }

    /// estimate ± halfWidth; an interval of width 0 is exactly the estimate.
    public init(around estimate: Double, halfWidth: Double) {
        self.init(low: estimate - halfWidth, high: estimate + halfWidth)
    }

    /// Whether 0 lies outside the interval.
    public var excludesZero: Bool { low > 0 || high < 0 }
}
