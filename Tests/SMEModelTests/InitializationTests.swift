import AgentEngine
import Testing
@testable import SMEModel

@Suite struct InitializationTests {
    let scenario: Scenario = {
        var s = Scenario.default
        s.firms.count = 100_000
        s.adoption.initialMembers = 37
        return s
    }()

    func population() -> Population {
        let run = RunSpec(index: 0, replicate: 0, seed: 99)
        return SMESimulation(scenario: scenario, run: run, executor: ChunkedExecutor(threads: 2)).population
    }

    @Test func categoriesFollowTheirShares() {
        let population = population()
        let n = Double(population.count)
        for (index, category) in scenario.firms.sectors.enumerated() {
            let count = population.sector.toArray().filter { Int($0) == index }.count
            #expect(abs(Double(count) / n - category.share) < 0.006, "\(category.name)")
        }
        for (index, category) in scenario.firms.localities.enumerated() {
            let count = population.locality.toArray().filter { Int($0) == index }.count
            #expect(abs(Double(count) / n - category.share) < 0.006, "\(category.name)")
        }
    }

    @Test func sizesAreLogNormalAndMostlyMicro() {
        let sizes = population().employees.toArray().map(Int.init).sorted()
        #expect(sizes.first! >= 1)
        #expect(sizes.last! <= scenario.firms.size.maxEmployees)
        #expect(sizes[sizes.count / 2] == 3)
        // P(employees < 10) for log-normal(ln 3, 1) is Φ(ln(9.5/3)) ≈ 0.875 after rounding.
        let micro = Double(sizes.filter { $0 < 10 }.count) / Double(sizes.count)
        #expect(abs(micro - 0.875) < 0.01, "\(micro)")
    }

    @Test func initialMembersAreExact() {
        let population = population()
        #expect(population.member.toArray().filter { $0 == 1 }.count == 37)
        #expect(population.memberPrevious.toArray() == population.member.toArray())
    }

    @Test func floydSampleIsDistinctAndComplete() {
        var generator = SplitMix64(seed: 4)
        let picked = sample(50, from: 60, using: &generator)
        #expect(Set(picked).count == 50 && picked.allSatisfy { (0..<60).contains($0) })
        #expect(sample(70, from: 60, using: &generator) == Array(0..<60))
        #expect(sample(0, from: 60, using: &generator).isEmpty)
    }
}
