import AgentEngine
import Testing
@testable import SMEModel

@Suite struct DeterminismTests {
    @Test(arguments: [
        (AdoptionParameters.Mode.bass, PeerNetworkParameters.Kind.smallWorld),
        (.peers, .smallWorld), (.peers, .sector), (.peers, .locality), (.peers, .sectorLocality),
    ])
    func resultsDoNotDependOnThreadsOrChunks(mode: AdoptionParameters.Mode, kind: PeerNetworkParameters.Kind) {
        var scenario = smallScenario(firms: 5_000, mode: mode)
        scenario.adoption.peers.kind = kind
        let reference = memberShares(scenario, threads: 1, chunkSize: 5_000)
        for (threads, chunk) in [(2, 1_000), (3, 333), (4, 64)] {
            let other = memberShares(scenario, threads: threads, chunkSize: chunk)
            #expect(other.shares == reference.shares)
            #expect(other.flags == reference.flags)
        }
    }

    /// The full model, alliances included, one run on one thread and on
    /// four: every row of the time series, every alliance event and the
    /// final state are the same bits. The alliance pool spans many chunks
    /// (a chunk of 32 alliances with population chunks of 512).
    @Test func theFullModelWithAlliancesDoesNotDependOnThreads() {
        var scenario = Scenario.default
        scenario.firms.count = 4_000
        scenario.horizon = 36
        scenario.alliances.searchRate = 0.02
        func trace(threads: Int) -> (rows: [[UInt8]], events: [[UInt8]], cash: [Double], mostActive: Int) {
            let executor = ChunkedExecutor(threads: threads, chunkSize: 512)
            var model = SMESimulation(scenario: scenario, run: RunSpec(index: 0, replicate: 0, seed: scenario.seed), executor: executor)
            var rows: [[UInt8]] = [], events: [[UInt8]] = []
            var mostActive = 0
            for tick in 1...scenario.horizon {
                model.step(tick: tick)
                rows.append(SMESimulation.timeseries.record(model).bytes)
                events += model.extraRows(table: 0, tick: tick).map(\.bytes)
                mostActive = Swift.max(mostActive, model.alliances.active.count)
            }
            return (rows, events, model.population.cash.toArray(), mostActive)
        }
        let one = trace(threads: 1), four = trace(threads: 4)
        #expect(one.mostActive > 4 * AllianceSystem.chunkSize(populationChunk: 512), "alliances must span several chunks")
        #expect(one.events.count > 1_000)
        // Compared quietly, with the first difference named (a failure
        // would otherwise print every byte).
        let firstRow = zip(one.rows, four.rows).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(firstRow == nil && four.rows.count == one.rows.count, "time series differs from tick \((firstRow ?? -1) + 1)")
        let firstEvent = zip(one.events, four.events).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(firstEvent == nil && four.events.count == one.events.count, "alliance events differ from event \(firstEvent ?? -1)")
        let sameCash = four.cash.map(\.bitPattern) == one.cash.map(\.bitPattern)
        #expect(sameCash, "final cash differs")
    }

    @Test func replicatesAndSeedsDiffer() {
        let scenario = smallScenario()
        let a = memberShares(scenario, replicate: 0).flags
        #expect(memberShares(scenario, replicate: 1).flags != a)
        var reseeded = scenario
        reseeded.seed += 1
        #expect(memberShares(reseeded, replicate: 0).flags != a)
    }
}
