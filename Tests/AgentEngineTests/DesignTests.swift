import Testing
@testable import AgentEngine

@Suite struct DesignTests {
    // MARK: Sobol' sequence

    // Reference values from SciPy 1.17.1 `qmc.Sobol(d, scramble=False)`
    // (Joe–Kuo new-joe-kuo-6.21201 direction numbers). SciPy's 1- and 4-D
    // sequences are the leading columns of its 10-D one.

    /// `qmc.Sobol(10, scramble=False).random(16)`.
    static let sobol10: [[Double]] = [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
        [0.75, 0.25, 0.25, 0.25, 0.75, 0.75, 0.25, 0.75, 0.75, 0.75],
        [0.25, 0.75, 0.75, 0.75, 0.25, 0.25, 0.75, 0.25, 0.25, 0.25],
        [0.375, 0.375, 0.625, 0.875, 0.375, 0.125, 0.375, 0.875, 0.875, 0.625],
        [0.875, 0.875, 0.125, 0.375, 0.875, 0.625, 0.875, 0.375, 0.375, 0.125],
        [0.625, 0.125, 0.875, 0.625, 0.625, 0.875, 0.125, 0.125, 0.125, 0.375],
        [0.125, 0.625, 0.375, 0.125, 0.125, 0.375, 0.625, 0.625, 0.625, 0.875],
        [0.1875, 0.3125, 0.9375, 0.4375, 0.5625, 0.3125, 0.4375, 0.9375, 0.9375, 0.3125],
        [0.6875, 0.8125, 0.4375, 0.9375, 0.0625, 0.8125, 0.9375, 0.4375, 0.4375, 0.8125],
        [0.9375, 0.0625, 0.6875, 0.1875, 0.3125, 0.5625, 0.1875, 0.1875, 0.1875, 0.5625],
        [0.4375, 0.5625, 0.1875, 0.6875, 0.8125, 0.0625, 0.6875, 0.6875, 0.6875, 0.0625],
        [0.3125, 0.1875, 0.3125, 0.5625, 0.9375, 0.4375, 0.0625, 0.0625, 0.0625, 0.9375],
        [0.8125, 0.6875, 0.8125, 0.0625, 0.4375, 0.9375, 0.5625, 0.5625, 0.5625, 0.4375],
        [0.5625, 0.4375, 0.0625, 0.8125, 0.1875, 0.6875, 0.3125, 0.8125, 0.8125, 0.1875],
        [0.0625, 0.9375, 0.5625, 0.3125, 0.6875, 0.1875, 0.8125, 0.3125, 0.3125, 0.6875],
    ]

    /// The first 16 points in 1, 4 and 10 dimensions are SciPy's, exactly.
    @Test func sobolMatchesSciPyInLowDimensions() {
        for d in [1, 4, 10] {
            #expect(SobolSequence(dimensions: d).points(16) == Self.sobol10.map { Array($0.prefix(d)) }, "dimensions: \(d)")
        }
    }

    /// Points 0..<8 of the 200-dimensional sequence, dimensions 190..<200, are SciPy's.
    @Test func sobolMatchesSciPyInHighDimensions() {
        // `qmc.Sobol(200, scramble=False).random(8)[:, 190:200]`.
        let expected: [[Double]] = [
            [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
            [0.25, 0.25, 0.25, 0.25, 0.75, 0.75, 0.25, 0.25, 0.25, 0.25],
            [0.75, 0.75, 0.75, 0.75, 0.25, 0.25, 0.75, 0.75, 0.75, 0.75],
            [0.375, 0.625, 0.125, 0.375, 0.375, 0.375, 0.125, 0.125, 0.125, 0.875],
            [0.875, 0.125, 0.625, 0.875, 0.875, 0.875, 0.625, 0.625, 0.625, 0.375],
            [0.125, 0.875, 0.375, 0.125, 0.625, 0.625, 0.375, 0.375, 0.375, 0.625],
            [0.625, 0.375, 0.875, 0.625, 0.125, 0.125, 0.875, 0.875, 0.875, 0.125],
        ]
        #expect(SobolSequence(dimensions: 200).points(8).map { Array($0[190..<200]) } == expected)
    }

    /// Points 1000 and 1023 of the 1,024-dimensional sequence, dimensions
    /// 1014..<1024, are SciPy's: ten bits deep, so the recurrence and the
    /// end of the direction table are checked too.
    @Test func sobolMatchesSciPyAtTheLastDimensionsTenBitsDeep() {
        // `qmc.Sobol(1024, scramble=False).random(1024)[[1000, 1023], 1014:]`.
        let expected: [[Double]] = [
            [0.0361328125, 0.0771484375, 0.7275390625, 0.1728515625, 0.8583984375,
             0.9326171875, 0.5751953125, 0.2939453125, 0.1376953125, 0.7138671875],
            [0.9423828125, 0.7333984375, 0.6337890625, 0.1416015625, 0.3896484375,
             0.4638671875, 0.8564453125, 0.4501953125, 0.1689453125, 0.9951171875],
        ]
        let points = SobolSequence(dimensions: SobolSequence.maximumDimensions).points(1_024)
        #expect([1_000, 1_023].map { Array(points[$0][1_014...]) } == expected)
    }

    // MARK: Saltelli design

    /// With D = 3, N = 4, the rows are SALib's, in SALib's order, without and with second order.
    @Test func saltelliRowsMatchSALib() {
        // SALib 1.6.0 `sobol.sample(problem, 4, calc_second_order=…,
        // scramble=False)`, bounds [0, 1] for all three variables; one line
        // per base sample: A, AB(1…3), [BA(1…3),] B.
        let firstOrder: [[Double]] = [
            [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0],
            [0.5, 0.5, 0.5], [0.5, 0.5, 0.5], [0.5, 0.5, 0.5], [0.5, 0.5, 0.5], [0.5, 0.5, 0.5],
            [0.75, 0.25, 0.25], [0.25, 0.25, 0.25], [0.75, 0.75, 0.25], [0.75, 0.25, 0.75], [0.25, 0.75, 0.75],
            [0.25, 0.75, 0.75], [0.75, 0.75, 0.75], [0.25, 0.25, 0.75], [0.25, 0.75, 0.25], [0.75, 0.25, 0.25],
        ]
        let secondOrder: [[Double]] = [
            [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0],
            [0.5, 0.5, 0.5], [0.5, 0.5, 0.5], [0.5, 0.5, 0.5], [0.5, 0.5, 0.5],
            [0.5, 0.5, 0.5], [0.5, 0.5, 0.5], [0.5, 0.5, 0.5], [0.5, 0.5, 0.5],
            [0.75, 0.25, 0.25], [0.25, 0.25, 0.25], [0.75, 0.75, 0.25], [0.75, 0.25, 0.75],
            [0.75, 0.75, 0.75], [0.25, 0.25, 0.75], [0.25, 0.75, 0.25], [0.25, 0.75, 0.75],
            [0.25, 0.75, 0.75], [0.75, 0.75, 0.75], [0.25, 0.25, 0.75], [0.25, 0.75, 0.25],
            [0.25, 0.25, 0.25], [0.75, 0.75, 0.25], [0.75, 0.25, 0.75], [0.75, 0.25, 0.25],
        ]
        let first = SaltelliDesign.rows(samples: 4, dimensions: 3, secondOrder: false)
        let second = SaltelliDesign.rows(samples: 4, dimensions: 3, secondOrder: true)
        #expect(first.count == 4 * (3 + 2))
        #expect(second.count == 4 * (2 * 3 + 2))
        #expect(first == firstOrder)
        #expect(second == secondOrder)
    }

    // MARK: Latin hypercube

    /// Every dimension has exactly one of the 50 points in each stratum [k/50, (k+1)/50).
    @Test func latinHypercubeHasOnePointPerStratum() {
        let n = 50, d = 4
        var generator = SplitMix64(seed: 2_024)
        let rows = LatinHypercube.rows(samples: n, dimensions: d, generator: &generator)
        #expect(rows.count == n)
        #expect(rows.allSatisfy { $0.count == d })
        for dimension in 0..<d {
            // The k-th smallest value must lie in stratum k.
            let sorted = rows.map { $0[dimension] }.sorted()
            for (k, x) in sorted.enumerated() {
                #expect(Double(k) / Double(n) <= x && x < Double(k + 1) / Double(n), "dimension \(dimension), stratum \(k): \(x)")
            }
        }
    }

    /// The design is a function of the generator's seed: same seed, same rows; another seed, other rows.
    @Test func latinHypercubeDependsOnlyOnTheSeed() {
        func rows(_ seed: UInt64) -> [[Double]] {
            var generator = SplitMix64(seed: seed)
            return LatinHypercube.rows(samples: 50, dimensions: 4, generator: &generator)
        }
        #expect(rows(7) == rows(7))
        #expect(rows(7) != rows(8))
    }

    // MARK: Morris design

    /// Trajectories of D + 1 grid points, consecutive points one step of Δ = 2/3
    /// apart in exactly one coordinate, each coordinate stepping once, trajectory after trajectory.
    @Test func morrisTrajectoriesStepEachCoordinateOnceByDelta() {
        let trajectories = 20, d = 5, levels = 4
        #expect(MorrisDesign.delta(levels: levels) == 2.0 / 3.0)
        var generator = SplitMix64(seed: 99)
        let rows = MorrisDesign.rows(trajectories: trajectories, dimensions: d, levels: levels, generator: &generator)
        #expect(rows.count == trajectories * (d + 1))
        let grid: [Double] = [0, 1.0 / 3.0, 2.0 / 3.0, 1]
        // Level indices 0…3; a step of Δ = 2/3 is two levels.
        let level = rows.map { row in row.map { x in grid.firstIndex(of: x) ?? -100 } }
        #expect(rows.allSatisfy { $0.count == d && $0.allSatisfy { grid.contains($0) } })
        var sawUp = false, sawDown = false
        for t in 0..<trajectories {
            var changed = [Int](repeating: 0, count: d)
            for r in t * (d + 1) + 1 ..< (t + 1) * (d + 1) {
                let moved = (0..<d).filter { level[r][$0] != level[r - 1][$0] }
                #expect(moved.count == 1, "trajectory \(t), row \(r)")
                for i in moved {
                    changed[i] += 1
                    let step = level[r][i] - level[r - 1][i]
                    #expect(abs(step) == 2, "trajectory \(t), row \(r)")
                    #expect(abs(abs(rows[r][i] - rows[r - 1][i]) - 2.0 / 3.0) < 1e-15)
                    if step > 0 { sawUp = true } else { sawDown = true }
                }
            }
            #expect(changed == [Int](repeating: 1, count: d), "trajectory \(t)")
        }
        // Steps go both ways (a design stepping only up would pass the rest).
        #expect(sawUp && sawDown)
    }

    /// The Morris design is a function of the generator's seed.
    @Test func morrisDependsOnlyOnTheSeed() {
        func rows(_ seed: UInt64) -> [[Double]] {
            var generator = SplitMix64(seed: seed)
            return MorrisDesign.rows(trajectories: 20, dimensions: 5, levels: 4, generator: &generator)
        }
        #expect(rows(3) == rows(3))
        #expect(rows(3) != rows(4))
    }

    // MARK: Sweep design

    static func interval(_ path: String, _ low: Double, _ high: Double, log: Bool = false, integer: Bool = false, levels: Int? = nil) -> SweepParameter {
        SweepParameter(path: path, range: .interval(min: low, max: high, logarithmic: log, integer: integer, levels: levels))
    }

    /// A grid is every combination, the last parameter varying fastest.
    @Test func gridIsEveryCombinationLastParameterFastest() {
        let a = SweepParameter(path: "a", range: .values([.int(1), .int(2)]))
        let b = SweepParameter(path: "b", range: .values([.string("x"), .string("y"), .string("z")]))
        let expected: [[JSONValue]] = [1, 2].flatMap { i in ["x", "y", "z"].map { [.int(i), .string($0)] } }
        #expect(SweepDesign.grid.points([a, b], seed: 1) == expected)
        #expect(expected.count == 6 && expected[1] == [.int(1), .string("y")])
    }

    /// An interval's grid values are evenly spaced, or geometrically when logarithmic.
    @Test func gridValuesOfIntervals() {
        #expect(SweepDesign.grid.points([Self.interval("a", 0, 1, levels: 3)], seed: 1) == [[.double(0)], [.double(0.5)], [.double(1)]])
        #expect(Self.interval("a", 1, 100, log: true, levels: 3).gridValues == [.double(1), .double(10), .double(100)])
    }

    /// `pointCount` is the number of points `points` builds, for every kind of design.
    @Test func pointCountAgreesWithPoints() {
        let parameters = [
            Self.interval("a", 0, 1, levels: 3),
            SweepParameter(path: "b", range: .values([.string("x"), .string("y"), .string("z")])),
            Self.interval("c", 1, 100, log: true, levels: 4),
        ]
        let designs: [SweepDesign] = [
            .grid, .latinHypercube(samples: 10), .sobol(samples: 8, secondOrder: false),
            .sobol(samples: 8, secondOrder: true), .morris(trajectories: 5, levels: 4),
            .points(file: "points.csv", rows: [[.double(0.5), .string("x"), .double(2)], [.double(1), .string("z"), .double(3)]]),
        ]
        let expected = [36, 10, 40, 64, 20, 2]
        for (design, count) in zip(designs, expected) {
            let points = design.points(parameters, seed: 5)
            #expect(design.pointCount(parameters) == count, "\(design.name)")
            #expect(points.count == count, "\(design.name)")
            #expect(points.allSatisfy { $0.count == parameters.count }, "\(design.name)")
        }
    }

    // MARK: Sweep parameter

    /// u = 0 and u = 1 give the bounds exactly, linear or logarithmic.
    @Test func valueAtEndsIsTheBoundsExactly() {
        for parameter in [Self.interval("p", 0.1, 0.7), Self.interval("p", 0.003, 17.3, log: true), Self.interval("p", 1e-3, 1e3, log: true)] {
            guard case let .interval(low, high, _, _, _) = parameter.range else { continue }
            #expect(parameter.value(at: 0) == .double(low))
            #expect(parameter.value(at: 1) == .double(high))
        }
        #expect(Self.interval("p", 0.1, 0.7).value(at: 0.5) == .double(0.4))
    }

    /// Integer intervals round to the nearest integer.
    @Test func integerIntervalsRound() {
        let p = Self.interval("n", 1, 10, integer: true)
        #expect(p.value(at: 0) == .int(1))
        #expect(p.value(at: 1) == .int(10))
        #expect(p.value(at: 0.3) == .int(4))   // 3.7
        #expect(p.value(at: 0.5) == .int(6))   // 5.5, away from zero
        #expect(p.value(at: 0.1) == .int(2))   // 1.9
    }

    /// A list of values splits [0, 1] into equal slices; u = 1 is the last value.
    @Test func valuesListSplitsTheUnitIntervalEqually() {
        let two = SweepParameter(path: "p", range: .values([.string("a"), .string("b")]))
        #expect(two.value(at: 0) == .string("a"))
        #expect(two.value(at: 0.49) == .string("a"))
        #expect(two.value(at: 0.5) == .string("b"))
        #expect(two.value(at: 1) == .string("b"))
        let three = SweepParameter(path: "p", range: .values([.int(1), .int(2), .int(3)]))
        #expect([0, 0.33, 0.34, 0.66, 0.67, 0.999, 1].map { three.value(at: $0) } == [1, 1, 2, 2, 3, 3, 3].map { .int($0) })
    }

    // MARK: Sweep plan

    static func plan(independentSeeds: Bool, replicates: Int = 3) -> SweepPlan {
        SweepPlan(parameters: [SweepParameter(path: "a", range: .values([.int(1), .int(2), .int(3), .int(4)]))],
                  design: .grid, replicates: replicates, seed: 42, independentSeeds: independentSeeds, every: 1, outcomes: [])
    }

    /// Run i is replicate i % replicates of point i / replicates.
    @Test func runIndexMapsToPointAndReplicate() {
        let plan = Self.plan(independentSeeds: false)
        #expect(plan.runCount == 12)
        for i in 0..<plan.runCount {
            let run = plan.run(i)
            #expect(run.index == i && run.point == i / 3 && run.replicate == i % 3, "run \(i)")
        }
        #expect(plan.run(7).point == 2 && plan.run(7).replicate == 1)
    }

    /// With common seeds every run has the sweep's seed.
    @Test func commonSeedsAreTheSweepSeed() {
        let plan = Self.plan(independentSeeds: false)
        #expect((0..<plan.runCount).allSatisfy { plan.run($0).seed == 42 })
    }

    /// With independent seeds each point has its own seed, shared by its
    /// replicates and the same in every plan with the sweep's seed.
    @Test func independentSeedsDifferBetweenPointsAndAreStable() {
        let plan = Self.plan(independentSeeds: true)
        let seeds = (0..<4).map { plan.seed(ofPoint: $0) }
        #expect(Set(seeds).count == 4)
        #expect(!seeds.contains(42))
        for i in 0..<plan.runCount { #expect(plan.run(i).seed == seeds[i / 3], "run \(i)") }
        let again = Self.plan(independentSeeds: true, replicates: 5)
        #expect((0..<4).map { again.seed(ofPoint: $0) } == seeds)
    }
}
