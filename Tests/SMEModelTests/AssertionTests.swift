import AgentEngine
import Testing
@testable import SMEModel

/// The test build keeps `assert` checked in the optimised engine and model
/// (`-assert-config Debug` in Package.swift): a violated assertion stops
/// the process instead of letting raw-pointer code run on. Shown with the
/// alliance matcher's guard, fed a searcher that has exited.
@Suite struct AssertionTests {
    @Test func aViolatedAssertionStopsTheTestBuild() async {
        await #expect(processExitsWith: .failure) {
            var scenario = Scenario()
            scenario.firms.count = 100
            let streams = RunSpec(index: 0, replicate: 0, seed: 1).streams
            let population = Population.initial(scenario, streams: streams, executor: ChunkedExecutor(threads: 1))
            population.alive[0] = 0
            var system = AllianceSystem()
            var tally = AllianceSystem.Tally()
            system.match(tick: 1, scenario: scenario, population: population,
                         searchers: [AllianceSystem.Searcher(pool: 0, key: 0, firm: 0)], streams: streams,
                         executor: ChunkedExecutor(threads: 1), tally: &tally)
        }
    }
}
