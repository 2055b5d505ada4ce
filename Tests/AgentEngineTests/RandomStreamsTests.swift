import Testing
@testable import AgentEngine

@Suite struct RandomStreamsTests {
    @Test func splitMix64MatchesReferenceOutputs() {
        // Reference values of Vigna's splitmix64.c seeded with 0.
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func entityStreamIsTheSplitMixSequenceOfItsKey() {
        let stream = EntityStream(key: 12_345)
        var generator = SplitMix64(seed: 12_345)
        for entity in 0..<100 { #expect(stream.bits(entity) == generator.next()) }
    }

    @Test func drawsArePureFunctionsOfTheirKeys() {
        let a = RandomStreams(seed: 7, replicate: 3)
        let b = RandomStreams(seed: 7, replicate: 3)
        let purpose = RandomPurpose("test.purpose")
        for tick in 0..<5 {
            for entity in [0, 1, 999, 1_000_000] {
                #expect(a.stream(purpose, tick: tick).bits(entity) == b.stream(purpose, tick: tick).bits(entity))
            }
        }
    }

    @Test func everyKeyComponentChangesTheStream() {
        let purpose = RandomPurpose("p")
        let base = RandomStreams(seed: 1, replicate: 0).stream(purpose, tick: 1).key
        #expect(RandomStreams(seed: 2, replicate: 0).stream(purpose, tick: 1).key != base)
        #expect(RandomStreams(seed: 1, replicate: 1).stream(purpose, tick: 1).key != base)
        #expect(RandomStreams(seed: 1, replicate: 0).stream(RandomPurpose("q"), tick: 1).key != base)
        #expect(RandomStreams(seed: 1, replicate: 0).stream(purpose, tick: 2).key != base)
        #expect(RandomStreams(seed: 1, replicate: 0).stream(purpose, tick: 1, draw: 1).key != base)
    }

    @Test func uniformsAreUniform() {
        // Chi-square over 20 bins, 200,000 draws: the 99.9 % point of
        // chi-square with 19 degrees of freedom is 43.8.
        let stream = RandomStreams(seed: 42, replicate: 0).stream(RandomPurpose("uniformity"), tick: 0)
        let draws = 200_000, bins = 20
        var counts = [Int](repeating: 0, count: bins)
        var sum = 0.0
        for i in 0..<draws {
            let u = stream.uniform(i)
            #expect(u >= 0 && u < 1)
            counts[Int(u * Double(bins))] += 1
            sum += u
        }
        let expected = Double(draws) / Double(bins)
        let chiSquare = counts.reduce(0.0) { $0 + pow2(Double($1) - expected) / expected }
        #expect(chiSquare < 43.8)
        #expect(abs(sum / Double(draws) - 0.5) < 0.003)
    }

    @Test func theTwoUniformsOfOneDrawAreUniformAndIndependent() {
        // Each half: chi-square over 20 bins as above; the pair: chi-square
        // over a 10 x 10 grid of joint bins (99.9 % point with 99 degrees of
        // freedom: 148.3), and correlation within 4.5 standard errors of zero.
        let stream = RandomStreams(seed: 7, replicate: 3).stream(RandomPurpose("pair"), tick: 5)
        let n = 200_000, bins = 20, grid = 10
        var counts = [[Int]](repeating: [Int](repeating: 0, count: bins), count: 2)
        var joint = [Int](repeating: 0, count: grid * grid)
        var sx = 0.0, sy = 0.0, sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0..<n {
            let (x, y) = stream.uniformPair(i)
            #expect(x >= 0 && x < 1 && y >= 0 && y < 1)
            counts[0][Int(x * Double(bins))] += 1
            counts[1][Int(y * Double(bins))] += 1
            joint[Int(x * Double(grid)) * grid + Int(y * Double(grid))] += 1
            sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y
        }
        let expected = Double(n) / Double(bins)
        for half in counts {
            #expect(half.reduce(0.0) { $0 + pow2(Double($1) - expected) / expected } < 43.8)
        }
        let expectedJoint = Double(n) / Double(grid * grid)
        #expect(joint.reduce(0.0) { $0 + pow2(Double($1) - expectedJoint) / expectedJoint } < 148.3)
        let cov = sxy / Double(n) - sx * sy / Double(n * n)
        let correlation = cov / ((sxx / Double(n) - pow2(sx / Double(n))) * (syy / Double(n) - pow2(sy / Double(n)))).squareRoot()
        #expect(abs(correlation) < 4.5 / Double(n).squareRoot())
    }

    @Test func neighbouringTicksAreUncorrelated() {
        let streams = RandomStreams(seed: 9, replicate: 0)
        let purpose = RandomPurpose("correlation")
        let a = streams.stream(purpose, tick: 1), b = streams.stream(purpose, tick: 2)
        let n = 100_000
        var sxy = 0.0, sx = 0.0, sy = 0.0, sxx = 0.0, syy = 0.0
        for i in 0..<n {
            let x = a.uniform(i), y = b.uniform(i)
            sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y
        }
        let cov = sxy / Double(n) - sx * sy / Double(n * n)
        let correlation = cov / ((sxx / Double(n) - pow2(sx / Double(n))) * (syy / Double(n) - pow2(sy / Double(n)))).squareRoot()
        #expect(abs(correlation) < 0.015)
    }

    @Test func normalDeviatesHaveUnitVariance() {
        var generator = SplitMix64(seed: 5)
        let n = 100_000
        var sum = 0.0, squares = 0.0
        for _ in 0..<n {
            let z = generator.normal()
            sum += z; squares += z * z
        }
        #expect(abs(sum / Double(n)) < 0.02)
        #expect(abs(squares / Double(n) - 1) < 0.02)
    }

    @Test func indexBelowStaysInRange() {
        var generator = SplitMix64(seed: 3)
        var seen = Set<Int>()
        for _ in 0..<1_000 {
            let i = generator.index(below: 7)
            #expect((0..<7).contains(i))
            seen.insert(i)
        }
        #expect(seen.count == 7)
    }
}

func pow2(_ x: Double) -> Double { x * x }
