/// The unscrambled Sobol' low-discrepancy sequence in up to 1,024
/// dimensions, with Joe & Kuo's direction numbers, in Gray-code order.
///
/// Point n is exact in 32 bits, and equal to point n of SciPy's
/// unscrambled `qmc.Sobol(d, scramble=False)` (so also to SALib's base
/// sequence with `scramble=False`): point 0 is the origin, point 1 is
/// (0.5, …, 0.5). Nothing here is random; the sequence is a pure function
/// of the dimension count.
public struct SobolSequence: Sendable {
    public static let maximumDimensions = 1_024
    static let bits = 32

    public let dimensions: Int
    /// Direction numbers: `directions[d][k]` for bit k (0-based).
    private let directions: [[UInt32]]

    public init(dimensions: Int) {
        precondition((1...Self.maximumDimensions).contains(dimensions), "the Sobol' sequence has 1 to 1024 dimensions")
        self.dimensions = dimensions
        var directions: [[UInt32]] = [(0..<Self.bits).map { UInt32(1) << (31 - $0) }]
        for line in Self.table.prefix(dimensions - 1) {
            directions.append(Self.directionNumbers(s: line.s, a: line.a, m: line.m))
        }
        self.directions = directions
    }

    /// The first `count` points, each `dimensions` coordinates in [0, 1).
    public func points(_ count: Int) -> [[Double]] {
        var x = [UInt32](repeating: 0, count: dimensions)
        var out: [[Double]] = []
        out.reserveCapacity(count)
        for n in 0..<count {
            if n > 0 {
                // Gray code: flip the direction of the lowest zero bit of n − 1.
                let bit = (~UInt64(n - 1)).trailingZeroBitCount
                for d in 0..<dimensions { x[d] ^= directions[d][bit] }
            }
            out.append(x.map { Double($0) * 0x1.0p-32 })
        }
        return out
    }

    /// v_k = m_k · 2^(32−k) for k ≤ s, then Bratley & Fox's recurrence
    /// v_k = v_{k−s} ⊕ (v_{k−s} ≫ s) ⊕ ⨁_{j<s} a_j · v_{k−j}.
    private static func directionNumbers(s: Int, a: UInt32, m: [UInt32]) -> [UInt32] {
        var v = [UInt32](repeating: 0, count: bits)
        for k in 0..<Swift.min(s, bits) { v[k] = m[k] << (31 - k) }
        if s < bits {
            for k in s..<bits {
                var value = v[k - s] ^ (v[k - s] >> s)
                for j in 1..<s where (a >> (s - 1 - j)) & 1 == 1 { value ^= v[k - j] }
                v[k] = value
            }
        }
        return v
    }

    /// The parsed direction-number table, dimensions 2 … 1,024.
    private static let table: [(s: Int, a: UInt32, m: [UInt32])] = JoeKuoDirections.text
        .split(separator: "\n")
        .map { line in
            let numbers = line.split(separator: " ").compactMap { UInt32($0) }
            return (Int(numbers[1]), numbers[2], Array(numbers[3...]))
        }
}
