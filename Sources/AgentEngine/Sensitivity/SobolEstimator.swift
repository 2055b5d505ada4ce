/// Sobol' indices of one outcome from its values on a Saltelli design (in
/// `SaltelliDesign`'s row order: per base sample A, AB₁ … AB_D, [BA₁ …
/// BA_D,] B), computed exactly as SALib 1.6's `sobol.analyze`:
///
///     Y  ← (Y − mean Y) / sd Y          over all rows, sd with divisor n
///     V  = var([A; B])                  divisor 2N
///     S1_j  = mean(B · (AB_j − A)) / V                   (Saltelli et al. 2010)
///     ST_j  = ½ · mean((A − AB_j)²) / V                  (Jansen 1999)
///     S2_jk = mean(BA_j · AB_k − A · B) / V − S1_j − S1_k   (Saltelli 2002)
///
/// Means run over the base samples given (all N, or a bootstrap resample),
/// each summed as NumPy sums (`pairwiseSum`), so even an outcome whose
/// mean nearly cancels its values is normalized to the same bits.
/// As in SALib, an index is 0 when [A; B] spans no more than the machine
/// epsilon or V is not above it — so an outcome that never varies has
/// every index 0. One rule is added: an outcome whose values span no more
/// than `roundingSpread` (10⁻¹²) of their largest magnitude varies by
/// rounding only, and has every index 0 too: SALib normalizes such an
/// outcome into numbers of order 1 and reports the indices of its rounding
/// noise (S1 above 1 is common). scripts/check_salib.py applies the same
/// rule before calling SALib.
public struct SobolEstimator: Sendable {
    public let samples: Int
    public let dimensions: Int
    public let secondOrder: Bool
    private let a: [Double], b: [Double]
    /// ab[j][k]: AB_j of base sample k; ba likewise (empty without second order).
    private let ab: [[Double]], ba: [[Double]]
    /// Whether the values span no more than `roundingSpread` of their
    /// largest magnitude (or are not numbers): every index is then 0.
    public let variesByRoundingOnly: Bool

    public static let roundingSpread = 1e-12

    /// `values` has one value per row of the design: N·(D + 2), or
    /// N·(2D + 2) with second order.
    public init(values: [Double], dimensions: Int, secondOrder: Bool) {
        let step = secondOrder ? 2 * dimensions + 2 : dimensions + 2
        precondition(dimensions > 0 && values.count % step == 0, "values must fill whole Saltelli blocks")
        let low = values.min() ?? 0, high = values.max() ?? 0
        variesByRoundingOnly = !(high - low > Self.roundingSpread * Swift.max(abs(low), abs(high)))
        let mean = pairwiseMean(values)
        let sd = pairwiseMean(values.map { ($0 - mean) * ($0 - mean) }).squareRoot()
        let y = values.map { ($0 - mean) / sd }
        samples = values.count / step
        self.dimensions = dimensions
        self.secondOrder = secondOrder
        let rows = 0..<samples
        a = rows.map { y[$0 * step] }
        b = rows.map { y[$0 * step + step - 1] }
        ab = (0..<dimensions).map { j in rows.map { y[$0 * step + 1 + j] } }
        ba = secondOrder ? (0..<dimensions).map { j in rows.map { y[$0 * step + 1 + dimensions + j] } } : []
    }

    /// The indices over base samples `rows` (nil: all of them, in order).
    public func indices(_ rows: [Int]? = nil) -> SobolIndices {
        let rows = rows ?? Array(0..<samples)
        let a = rows.map { self.a[$0] }, b = rows.map { self.b[$0] }
        guard !variesByRoundingOnly, let variance = Self.variance(a + b) else {
            return SobolIndices(first: zeros(dimensions), total: zeros(dimensions), second: zeros(SobolIndices.pairCount(dimensions, secondOrder)))
        }
        let first = (0..<dimensions).map { j in
            pairwiseMean(rows.indices.map { b[$0] * (ab[j][rows[$0]] - a[$0]) }) / variance
        }
        let total = (0..<dimensions).map { j in
            0.5 * pairwiseMean(rows.indices.map { (a[$0] - ab[j][rows[$0]]) * (a[$0] - ab[j][rows[$0]]) }) / variance
        }
        var second: [Double] = []
        if secondOrder {
            let ab0 = zip(a, b).map { $0 * $1 }
            for (j, k) in SobolIndices.pairs(dimensions) {
                let joint = pairwiseMean(rows.indices.map { ba[j][rows[$0]] * ab[k][rows[$0]] - ab0[$0] }) / variance
                second.append(joint - first[j] - first[k])
            }
        }
        return SobolIndices(first: first, total: total, second: second)
    }

    /// var(y) with divisor n, or nil when y spans no more than the machine
    /// epsilon, or its variance is not above it (or not a number).
    private static func variance(_ y: [Double]) -> Double? {
        guard let low = y.min(), let high = y.max(), high - low > .ulpOfOne else { return nil }
        let mean = pairwiseMean(y)
        let variance = pairwiseMean(y.map { ($0 - mean) * ($0 - mean) })
        return variance > .ulpOfOne ? variance : nil
    }

    private func zeros(_ count: Int) -> [Double] { [Double](repeating: 0, count: count) }
}

/// First-order, total and second-order Sobol' indices of one outcome, by
/// parameter (second order by pair of parameters).
public struct SobolIndices: Sendable, Equatable {
    public var first: [Double]
    public var total: [Double]
    /// S2 of each pair of `pairs(D)`; empty without second order.
    public var second: [Double]

    public init(first: [Double], total: [Double], second: [Double]) {
        self.first = first
        self.total = total
        self.second = second
    }

    /// The pairs (j, k), j < k, in SALib's order: (0, 1), (0, 2), …, (1, 2), ….
    public static func pairs(_ dimensions: Int) -> [(Int, Int)] {
        (0..<dimensions).flatMap { j in (j + 1..<dimensions).map { (j, $0) } }
    }

    static func pairCount(_ dimensions: Int, _ secondOrder: Bool) -> Int {
        secondOrder ? dimensions * (dimensions - 1) / 2 : 0
    }

    /// S1, then ST, then S2, in one list.
    public var flattened: [Double] { first + total + second }
}
