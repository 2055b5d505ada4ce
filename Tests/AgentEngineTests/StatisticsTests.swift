import Testing
@testable import AgentEngine

@Suite struct StatisticsTests {
    /// t_{0.975, ν} against R's qt(0.975, ν).
    @Test(arguments: [(1.0, 12.7062047), (2, 4.30265273), (4, 2.77644511), (9, 2.26215716),
                      (19, 2.09302405), (100, 1.98397152), (1000, 1.96233908)])
    func studentQuantiles(nu: Double, expected: Double) {
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: nu) - expected) < 1e-6)
        #expect(abs(StudentT.quantile(0.025, degreesOfFreedom: nu) + expected) < 1e-6)
        #expect(abs(StudentT.distribution(expected, degreesOfFreedom: nu) - 0.975) < 1e-8)
    }

    @Test func quantileEdges() {
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 3) == 0)
        #expect(StudentT.quantile(0, degreesOfFreedom: 3).isNaN)
        #expect(StudentT.quantile(1, degreesOfFreedom: 3).isNaN)
        #expect(StudentT.quantile(0.9, degreesOfFreedom: 0).isNaN)
        // ν = 1 is the Cauchy distribution: t_p = tan(π(p − ½)).
        #expect(abs(StudentT.quantile(0.9, degreesOfFreedom: 1) - 3.0776835371752527) < 1e-9)
        // Fractional ν (Welch): between its neighbours.
        let t = StudentT.quantile(0.975, degreesOfFreedom: 4.5)
        #expect(t < 2.77644511 && t > 2.57058184)
        #expect(abs(regularizedIncompleteBeta(0.3, a: 2, b: 3) - 0.3483) < 1e-12)
    }

    @Test func sampleSummary() {
        let s = SampleSummary([1, 2, .nan, 3, 4])
        #expect(s.count == 4 && s.mean == 2.5 && abs(s.variance - 5.0 / 3) < 1e-15)
        let interval = s.meanInterval!
        #expect(abs(interval.high - 2.5 - 3.18244630528371 * (5.0 / 12).squareRoot()) < 1e-9)
        #expect(SampleSummary([7]).meanInterval == nil && SampleSummary([]).mean.isNaN)
    }

    @Test func pairedAndUnpairedDifferences() {
        // A shared replicate effect: paired removes it, Welch does not.
        let reference = [10.0, 20, 30, 40]
        let scenario = [11.0, 21.5, 30.5, 41]
        let d = DifferenceInterval(scenario, minus: reference)
        #expect(d.count == 4 && d.difference == 1)
        let paired = d.paired!, unpaired = d.unpaired!
        #expect(paired.high - paired.low < (unpaired.high - unpaired.low) / 10)
        #expect(paired.low < 1 && paired.high > 1)
        // The same values: exactly 0, a paired interval of width 0.
        let same = DifferenceInterval(reference, minus: reference)
        #expect(same.difference == 0 && same.paired == ConfidenceInterval(low: 0, high: 0))
        #expect(same.unpaired!.low == -same.unpaired!.high)
        // Missing values drop the replicate from both; n < 2 has no interval.
        let sparse = DifferenceInterval([1, .nan, 3], minus: [0, 1, .nan])
        #expect(sparse.count == 1 && sparse.difference == 1 && sparse.paired == nil && sparse.unpaired == nil)
        #expect(DifferenceInterval([.nan], minus: [1]).difference.isNaN)
    }

    /// Fieller's interval of a ratio of paired means: exact when a is a
    /// multiple of b; unbounded (nil) when b is not distinguishable from 0;
    /// otherwise it holds the ratio and is wider than the naive interval
    /// that ignores a's spread.
    @Test func ratioOfPairedMeans() throws {
        let b = [1.0, 2, 3, 4, 5]
        let exact = RatioInterval(b.map { 2 * $0 }, over: b)
        #expect(abs(exact.ratio - 2) < 1e-12)
        let interval = try #require(exact.interval)
        #expect(abs(interval.low - 2) < 1e-9 && abs(interval.high - 2) < 1e-9)
        #expect(RatioInterval([1, 2, 3], over: [-1, 1, 0.5]).interval == nil, "an effect not distinguishable from 0")
        let noisy = RatioInterval([10, 14, 9, 13, 11], over: [1, 1.2, 0.9, 1.1, 1.0])
        let wide = try #require(noisy.interval)
        #expect(wide.low < noisy.ratio && noisy.ratio < wide.high)
        // By hand: ā = 11.4, b̄ = 1.04, s_aa = 4.3, s_bb = 0.013, s_ab = 0.23,
        // q = 2.776445² / 5; the roots of A·R² − 2B·R + C.
        let q = 2.7764451052 * 2.7764451052 / 5
        let a = 1.04 * 1.04 - q * 0.013, bb = 11.4 * 1.04 - q * 0.23, c = 11.4 * 11.4 - q * 4.3
        let root = (bb * bb - a * c).squareRoot()
        #expect(abs(wide.low - (bb - root) / a) < 1e-6 && abs(wide.high - (bb + root) / a) < 1e-6)
        #expect(RatioInterval([], over: []).ratio.isNaN)
    }
}
