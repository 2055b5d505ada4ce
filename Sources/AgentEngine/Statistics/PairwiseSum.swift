/// The sum of `values` as NumPy's `add.reduce` computes it for a
/// contiguous float64 array (numpy/_core/src/umath/loops_utils.h.src,
/// `pairwise_sum`), to the last bit: fewer than 8 values are added in
/// order; up to 128 go to 8 running sums (value i to sum i mod 8, the
/// remainder of a multiple of 8 after them) combined as
/// ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7)); longer arrays are
/// split at half their length rounded down to a multiple of 8, each half
/// summed so. Estimators that mirror NumPy code use it, so an
/// ill-conditioned step (subtracting a mean close to every value) rounds
/// as NumPy's does.
public func pairwiseSum(_ values: [Double]) -> Double {
    values.withUnsafeBufferPointer { pairwiseSum($0[...]) }
}

private func pairwiseSum(_ values: Slice<UnsafeBufferPointer<Double>>) -> Double {
    let n = values.count, start = values.startIndex
    if n < 8 {
        var sum = 0.0
        for value in values { sum += value }
        return sum
    }
    if n <= 128 {
        var r = (0..<8).map { values[start + $0] }
        var i = 8
        while i < n - n % 8 {
            for j in 0..<8 { r[j] += values[start + i + j] }
            i += 8
        }
        var sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        while i < n {
            sum += values[start + i]
            i += 1
        }
        return sum
    }
    var half = n / 2
    half -= half % 8
    return pairwiseSum(values[start..<start + half]) + pairwiseSum(values[(start + half)...])
}

/// The mean as NumPy's `mean` computes it: `pairwiseSum` / count.
public func pairwiseMean(_ values: [Double]) -> Double {
    pairwiseSum(values) / Double(values.count)
}
