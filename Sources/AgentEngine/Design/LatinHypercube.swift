/// A Latin hypercube sample: `samples` points in [0, 1)^D such that, in
/// every dimension, each of the `samples` equal strata [k/n, (k+1)/n) holds
/// exactly one point (McKay, Beckman & Conover 1979).
///
/// Each dimension's strata are permuted independently and each point is
/// uniform within its stratum, all drawn from `generator`: the design is a
/// pure function of the generator's seed.
public enum LatinHypercube {
    public static func rows(samples: Int, dimensions: Int, generator: inout SplitMix64) -> [[Double]] {
        var rows = [[Double]](repeating: [Double](repeating: 0, count: dimensions), count: samples)
        for d in 0..<dimensions {
            var strata = Array(0..<samples)
            // Fisher–Yates with the seeded generator.
            for i in stride(from: samples - 1, to: 0, by: -1) {
                strata.swapAt(i, generator.index(below: i + 1))
            }
            for (row, stratum) in strata.enumerated() {
                // Kept inside the stratum, however the division rounds.
                let top = (Double(stratum + 1) / Double(samples)).nextDown
                rows[row][d] = Swift.min((Double(stratum) + generator.uniform()) / Double(samples), top)
            }
        }
        return rows
    }
}
