import Foundation
import Testing
@testable import AgentEngine

@Suite struct SensitivityTests {
    /// Ishigami's function, a = 7, b = 0.1, on x ∈ [−π, π]³.
    static func ishigami(_ x: [Double]) -> Double {
        sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0])
    }

    /// Saltelli's design (N = 4096, second order) scaled to [−π, π]³ and
    /// Ishigami's function on each row, through the sweep's code path
    /// (`SweepDesign.unitRows`) and the estimator.
    static func ishigamiIndices(samples: Int = 4_096) -> SobolEstimator {
        let rows = SweepDesign.sobol(samples: samples, secondOrder: true).unitRows(dimensions: 3, seed: 0) ?? []
        let values = rows.map { row in ishigami(row.map { -Double.pi + 2 * Double.pi * $0 }) }
        return SobolEstimator(values: values, dimensions: 3, secondOrder: true)
    }

    /// The analytic indices (Saltelli et al. 2008, §4.3): S1 = 0.3139,
    /// 0.4424, 0; ST = 0.5576, 0.4424, 0.2437; S2(1, 3) = 0.2437, the other
    /// pairs 0. ±0.03 is about the 95 % bootstrap half-width of S1 at
    /// N = 4096 (its random-sampling error falls as 1/√N); the quasi-random
    /// design does better, within 0.001 here.
    @Test func ishigamiIndicesAreTheAnalyticOnes() {
        let indices = Self.ishigamiIndices().indices()
        let tolerance = 0.03
        for (found, expected) in zip(indices.first + indices.total + indices.second,
                                     [0.3139, 0.4424, 0, 0.5576, 0.4424, 0.2437, 0, 0.2437, 0]) {
            #expect(abs(found - expected) < tolerance, "found \(found), expected \(expected)")
        }
    }

    /// The same design and outcomes give SALib 1.6.0's `sobol.analyze`
    /// point estimates (scripts/check_salib.py's tolerance: 1e-9).
    @Test func ishigamiIndicesAreSALibs() {
        // SALib 1.6.0: sobol.sample(problem, 4096, calc_second_order=True,
        // scramble=False) on [−π, π]³, Ishigami.evaluate, sobol.analyze.
        let salib: [Double] = [
            0.31410641868988276, 0.4424727521202115, -6.487943017086566e-05,
            0.5574345763096967, 0.4424541534958444, 0.24329312192218316,
            -0.00018676036945880492, 0.24332451100622365, -0.00017387283515751345,
        ]
        for (found, expected) in zip(Self.ishigamiIndices().indices().flattened, salib) {
            #expect(abs(found - expected) <= 1e-9, "found \(found), SALib \(expected)")
        }
    }

    /// The bootstrap intervals cover the analytic indices, are reproducible
    /// and change with the seed.
    @Test func bootstrapIntervalsCoverTheAnalyticIndices() throws {
        let estimator = Self.ishigamiIndices(samples: 1_024)
        let estimate = estimator.indices().flattened
        let bootstrap = Bootstrap(resamples: 200, seed: 7)
        let intervals = bootstrap.intervals(estimate, blocks: estimator.samples) { estimator.indices($0).flattened }
        for (interval, expected) in zip(intervals, [0.3139, 0.4424, 0, 0.5576, 0.4424, 0.2437, 0, 0.2437, 0]) {
            let interval = try #require(interval)
            #expect(interval.low <= expected && expected <= interval.high, "\(interval) misses \(expected)")
        }
        #expect(bootstrap.intervals(estimate, blocks: estimator.samples) { estimator.indices($0).flattened } == intervals)
        #expect(Bootstrap(resamples: 200, seed: 8).intervals(estimate, blocks: estimator.samples) { estimator.indices($0).flattened } != intervals)
    }

    /// An outcome that never varies has every index 0, as in SALib 1.6.
    @Test func aConstantOutcomeHasIndicesZero() {
        let estimator = SobolEstimator(values: [Double](repeating: 3, count: 8 * 5), dimensions: 3, secondOrder: false)
        #expect(estimator.indices() == SobolIndices(first: [0, 0, 0], total: [0, 0, 0], second: []))
    }

    /// NumPy 2.4.6's `np.sum` of these arrays, to the last bit (added in
    /// order, they give 7.485470860550343 and 450.00000000000034).
    @Test func pairwiseSumIsNumPys() {
        #expect(pairwiseSum((1...1_000).map { 1 / Double($0) }) == 7.485470860550345)
        #expect(pairwiseSum((0..<300).map { Double((($0 * 7_919) % 1_000)) / 7 - 70 }) == 449.9999999999999)
        #expect(pairwiseSum([1, 2, 3]) == 6 && pairwiseSum([]) == 0)
    }

    // MARK: Morris

    /// A linear function c·x over keys swept on [min, max]: every
    /// elementary effect is c·(max − min), so μ = c·(max − min), μ* = |μ|,
    /// σ = 0, and the ranking by μ* is by |c|·(max − min).
    @Test func morrisMeasuresOfALinearFunction() throws {
        var generator = SplitMix64(seed: 11)
        let rows = MorrisDesign.rows(trajectories: 20, dimensions: 4, levels: 4, generator: &generator)
        let c: [Double] = [2, -5, 0, 0.5], low: [Double] = [0, 10, -1, 100], high: [Double] = [1, 12, 1, 300]
        func linear(_ u: [Double]) -> Double {
            var sum = 0.0
            for j in 0..<4 { sum += c[j] * (low[j] + u[j] * (high[j] - low[j])) }
            return sum
        }
        let measures = try #require(ElementaryEffects(rows: rows, values: rows.map(linear), levels: 4)).measures()
        for j in 0..<4 {
            let effect = c[j] * (high[j] - low[j])
            #expect(abs(measures.mu[j] - effect) < 1e-9)
            #expect(abs(measures.muStar[j] - abs(effect)) < 1e-9)
            #expect(measures.sigma[j] < 1e-9)
        }
        let ranking = (0..<4).sorted { measures.muStar[$0] > measures.muStar[$1] }
        #expect(ranking == [3, 1, 0, 2])
    }

    /// An interaction x₀·x₁ has effects that vary with the other key (σ > 0)
    /// and a key that does not enter has μ* = 0.
    @Test func morrisSigmaShowsAnInteraction() throws {
        var generator = SplitMix64(seed: 3)
        let rows = MorrisDesign.rows(trajectories: 30, dimensions: 3, levels: 4, generator: &generator)
        let measures = try #require(ElementaryEffects(rows: rows, values: rows.map { $0[0] * $0[1] }, levels: 4)).measures()
        #expect(measures.sigma[0] > 0.1 && measures.sigma[1] > 0.1)
        #expect(measures.muStar[2] == 0 && measures.sigma[2] == 0)
    }

    /// Rows that are not trajectories are refused.
    @Test func elementaryEffectsNeedTrajectories() {
        let rows: [[Double]] = [[0, 0], [1, 1], [1, 0]]
        #expect(ElementaryEffects(rows: rows, values: [1, 2, 3], levels: 4) == nil)
        #expect(ElementaryEffects(rows: [[0, 0], [0, 1]], values: [1, 2], levels: 4) == nil)
    }

    // MARK: Spearman

    /// SciPy 1.17.1: spearmanr([1, 2, 2, 4, 5, 7], [3, 1, 4, 1, 5, 9]) = 0.6029411764705883,
    /// ties ranked by their mean rank.
    @Test func spearmanMatchesSciPyWithTies() {
        let correlation = SpearmanCorrelation([1, 2, 2, 4, 5, 7], [3, 1, 4, 1, 5, 9])
        #expect(SpearmanCorrelation.ranks([1, 2, 2, 4]) == [1, 2.5, 2.5, 4])
        #expect(abs(correlation.rho - 0.6029411764705883) < 1e-12, "\(correlation.rho)")
        let half = StandardNormal.critical95 / 3.0.squareRoot()
        #expect(correlation.interval == ConfidenceInterval(low: tanh(atanh(correlation.rho) - half), high: tanh(atanh(correlation.rho) + half)))
        #expect(SpearmanCorrelation([1, 2, 3], [3, 3, 3]).rho.isNaN)
        #expect(SpearmanCorrelation([1, 2, 3, 4, 5], [10, 20, 30, .nan, 50]).count == 4)
    }
}
