/// The difference between a scenario and a reference in one outcome, from
/// their values replicate by replicate, with two 95 % intervals:
///
/// - paired (common random numbers: replicate r of both scenarios draws
///   the same random streams): dᵣ = xᵣ − refᵣ over the n replicates where
///   both have a value, mean(d) ± t_{0.975, n−1} · s_d / √n;
/// - unpaired (Welch), on the same n replicates as if independent:
///   (mean x − mean ref) ± t_{0.975, ν} · √(s_x²/n + s_ref²/n), with
///   ν = (s_x²/n + s_ref²/n)² / ((s_x²/n)²/(n−1) + (s_ref²/n)²/(n−1))
///   (Welch–Satterthwaite; width 0 when both variances are 0).
///
/// Pairing removes the variance the two scenarios share, so the paired
/// interval is the narrower when their outcomes are positively correlated
/// across replicates. Both are nil when n < 2.
public struct DifferenceInterval: Sendable, Equatable {
    /// Replicates where both have a value.
    public let count: Int
    /// mean(d); NaN when n = 0. Exactly 0 when the values are the same.
    public let difference: Double
    public let paired: ConfidenceInterval?
    public let unpaired: ConfidenceInterval?

    /// `values` and `reference` are indexed by replicate (NaN: missing).
    public init(_ values: [Double], minus reference: [Double]) {
        let both = zip(values, reference).filter { $0.0.isFinite && $0.1.isFinite }
        let differences = SampleSummary(both.map { $0.0 - $0.1 })
        count = differences.count
        difference = differences.mean
        paired = differences.meanInterval
        unpaired = count < 2 ? nil : Self.welch(SampleSummary(both.map(\.0)), SampleSummary(both.map(\.1)))
    }

    private static func welch(_ x: SampleSummary, _ y: SampleSummary) -> ConfidenceInterval {
        let vx = x.variance / Double(x.count), vy = y.variance / Double(y.count)
        let estimate = x.mean - y.mean
        guard vx + vy > 0 else { return ConfidenceInterval(around: estimate, halfWidth: 0) }
        let nu = (vx + vy) * (vx + vy) / (vx * vx / Double(x.count - 1) + vy * vy / Double(y.count - 1))
        return ConfidenceInterval(around: estimate, halfWidth: StudentT.critical95(degreesOfFreedom: nu) * (vx + vy).squareRoot())
    }
}
