import Foundation

/// The regularized incomplete beta function
///
///     I_x(a, b) = B(x; a, b) / B(a, b),  B(x; a, b) = ∫₀ˣ t^(a−1) (1 − t)^(b−1) dt,
///
/// for 0 ≤ x ≤ 1 and a, b > 0, to about 1e-14 relative: the continued
/// fraction of Numerical Recipes (3rd ed., §6.4, eq. 6.4.5), evaluated by the
/// modified Lentz method, on x < (a + 1)/(a + b + 2) where it converges
/// fast, and through the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) beyond.
/// The prefactor x^a (1 − x)^b / (a B(a, b)) is taken from `lgamma`.
public func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
    guard a > 0, b > 0, x.isFinite, a.isFinite, b.isFinite else { return .nan }
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logPrefactor = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    if x < (a + 1) / (a + b + 2) {
        return exp(logPrefactor) * betaContinuedFraction(x, a: a, b: b) / a
    }
    return 1 - exp(logPrefactor) * betaContinuedFraction(1 - x, a: b, b: a) / b
}

/// The continued fraction of I_x(a, b) (without its prefactor), by the
/// modified Lentz method: terms d_{2m+1} = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)),
/// d_{2m} = m(b−m)x / ((a+2m−1)(a+2m)).
private func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
    let tiny = 1e-300, epsilon = 1e-16
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var fraction = d
    func advance(_ numerator: Double) {
        d = 1 + numerator * d
        if abs(d) < tiny { d = tiny }
        c = 1 + numerator / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        fraction *= d * c
    }
    for m in 1...10_000 {
        let m = Double(m), twoM = 2 * m
        advance(m * (b - m) * x / ((a + twoM - 1) * (a + twoM)))
        advance(-(a + m) * (a + b + m) * x / ((a + twoM) * (a + twoM + 1)))
        if abs(d * c - 1) < epsilon { break }
    }
    return fraction
}
