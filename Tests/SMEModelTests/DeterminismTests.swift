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

    @Test func replicatesAndSeedsDiffer() {
        let scenario = smallScenario()
        let a = memberShares(scenario, replicate: 0).flags
        #expect(memberShares(scenario, replicate: 1).flags != a)
        var reseeded = scenario
        reseeded.seed += 1
        #expect(memberShares(reseeded, replicate: 0).flags != a)
    }
}
