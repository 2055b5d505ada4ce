/// Saltelli's (2010) sampling scheme for first-order and total Sobol'
/// indices, in the row order SALib's `sobol.sample` writes and
/// `sobol.analyze` reads.
///
/// From the first `samples` points of a Sobol' sequence in 2·D dimensions,
/// A = the first D coordinates and B = the last D, each base sample j
/// gives the rows A_j, AB_j^(1) … AB_j^(D) (A_j with coordinate i from
/// B_j), then, with `secondOrder`, BA_j^(1) … BA_j^(D) (B_j with coordinate
/// i from A_j), then B_j: N·(D + 2) rows, or N·(2D + 2) with second order.
/// It equals SALib's `sobol.sample(problem, N, scramble=False,
/// calc_second_order=…)` before scaling.
public enum SaltelliDesign {
    public static func rows(samples: Int, dimensions: Int, secondOrder: Bool) -> [[Double]] {
        let base = SobolSequence(dimensions: 2 * dimensions).points(samples)
        var rows: [[Double]] = []
        rows.reserveCapacity(samples * (secondOrder ? 2 * dimensions + 2 : dimensions + 2))
        for point in base {
            let a = Array(point[0..<dimensions]), b = Array(point[dimensions...])
            rows.append(a)
            for i in 0..<dimensions {
                var ab = a
                ab[i] = b[i]
                rows.append(ab)
            }
            if secondOrder {
                for i in 0..<dimensions {
                    var ba = b
                    ba[i] = a[i]
                    rows.append(ba)
                }
            }
            rows.append(b)
        }
        return rows
    }
}
