/// Bootstrap 95 % intervals of statistics computed from blocks of a
/// design (Saltelli base samples, Morris trajectories), by SALib's normal
/// approximation:
///
///     estimate ± z_{0.975} · sd(θ*₁ … θ*_R)     (sd with divisor R − 1)
///
/// where θ*_b is the statistic on resample b: `count` block indices drawn
/// uniformly with replacement. Resample b draws from the stream (seed,
/// "sensitivity.bootstrap", b), so the intervals are a pure function of the
/// sweep's seed, the resample count and the data, and every statistic (of
/// every outcome) is computed on the same resamples.
///
/// An interval is nil when there are fewer than two resamples, when the
/// estimate is not finite, or when a resampled statistic is not.
public struct Bootstrap: Sendable {
    public let resamples: Int
    public let seed: UInt64

    public static let purpose = RandomPurpose("sensitivity.bootstrap")

    public init(resamples: Int, seed: UInt64) {
        self.resamples = resamples
        self.seed = seed
    }

    /// The block indices of resample `b`.
    public func indices(_ b: Int, count: Int) -> [Int] {
        var generator = RandomStreams(seed: seed, replicate: 0).generator(Self.purpose, entity: b)
        return (0..<count).map { _ in generator.index(below: count) }
    }

    /// The interval of each element of `estimate`; `statistic` computes the
    /// same elements from the block indices of a resample.
    public func intervals(_ estimate: [Double], blocks count: Int, statistic: ([Int]) -> [Double]) -> [ConfidenceInterval?] {
        guard resamples >= 2, count > 0, estimate.contains(where: \.isFinite) else { return estimate.map { _ in nil } }
        var draws = [[Double]](repeating: [], count: estimate.count)
        for b in 0..<resamples {
            for (k, value) in statistic(indices(b, count: count)).enumerated() { draws[k].append(value) }
        }
        return zip(estimate, draws).map { estimate, draws in
            let summary = SampleSummary(draws)
            guard estimate.isFinite, summary.count == resamples else { return nil }
            return ConfidenceInterval(around: estimate, halfWidth: StandardNormal.critical95 * summary.variance.squareRoot())
        }
    }
}
