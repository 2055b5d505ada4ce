import AgentEngine
import Testing
@testable import SMEModel

@Suite struct PeersAdoptionTests {
    /// Recomputes one tick of peers-mode adoption by hand from the state at
    /// the end of the previous tick and the adoption stream: every firm's
    /// decision must match, so a firm never sees a peer that joined in the
    /// same tick (the update is synchronous).
    @Test func aTickUsesOnlyThePreviousTicksState() {
        var scenario = smallScenario(firms: 3_000, mode: .peers)
        scenario.adoption.initialMembers = 600
        scenario.adoption.p = 0.02
        scenario.adoption.q = 0.9
        scenario.adoption.peers.degree = 6
        let run = RunSpec(index: 0, replicate: 0, seed: scenario.seed)
        var model = SMESimulation(scenario: scenario, run: run, executor: ChunkedExecutor(threads: 2, chunkSize: 100))
        for tick in 1...3 {
            let before = model.population.member.toArray()
            model.step(tick: tick)
            let after = model.population.member.toArray()
            let stream = run.streams.stream(.adoption, tick: tick)
            var joins = 0
            for i in 0..<scenario.firms.count {
                if before[i] == 1 { #expect(after[i] == 1); continue }
                let peers = model.network!.peers(of: i)
                let share = Double(peers.filter { before[$0] == 1 }.count) / Double(peers.count)
                let joins_i = stream.uniform(i) < min(1, scenario.adoption.p + scenario.adoption.q * share)
                #expect((after[i] == 1) == joins_i, "firm \(i) at tick \(tick)")
                if joins_i { joins += 1 }
            }
            #expect(model.joins == joins)
            #expect(joins > 0)
        }
    }

    @Test func clusteredNetworksSpreadSlowerThanRandomOnes() {
        // With little external influence, imitation along a ring lattice
        // stays local, while random links carry it across the population.
        var scenario = smallScenario(firms: 20_000, mode: .peers)
        scenario.horizon = 40
        scenario.adoption.p = 0.0005
        scenario.adoption.q = 0.5
        scenario.adoption.initialMembers = 20
        scenario.adoption.peers.kind = .smallWorld
        scenario.adoption.peers.degree = 4
        scenario.adoption.peers.rewiring = 0
        let lattice = memberShares(scenario, threads: 2).shares.last!
        scenario.adoption.peers.rewiring = 1
        let random = memberShares(scenario, threads: 2).shares.last!
        #expect(random > lattice + 0.2, "random \(random) vs lattice \(lattice)")
    }
}

@Suite struct PeerNetworkTests {
    func build(_ kind: PeerNetworkParameters.Kind, firms: Int = 4_000, degree: Int = 8, rewiring: Double = 0.1)
        -> (Population, PeerNetwork) {
        var scenario = smallScenario(firms: firms, mode: .peers)
        scenario.adoption.peers.kind = kind
        scenario.adoption.peers.degree = degree
        scenario.adoption.peers.rewiring = rewiring
        let model = SMESimulation(scenario: scenario, run: RunSpec(index: 0, replicate: 0, seed: 1), executor: ChunkedExecutor(threads: 2, chunkSize: 500))
        return (model.population, model.network!)
    }

    @Test(arguments: PeerNetworkParameters.Kind.allCases)
    func peersAreDistinctOthers(kind: PeerNetworkParameters.Kind) {
        let (population, network) = build(kind)
        for i in 0..<population.count {
            let peers = network.peers(of: i)
            #expect(!peers.contains(i))
            #expect(Set(peers).count == peers.count)
            #expect(peers.count <= 8)
        }
    }

    @Test func groupNetworksStayInsideTheGroup() {
        let (population, sector) = build(.sector)
        let (_, locality) = build(.locality)
        let (_, both) = build(.sectorLocality)
        for i in 0..<population.count {
            #expect(sector.peers(of: i).allSatisfy { population.sector[$0] == population.sector[i] })
            #expect(locality.peers(of: i).allSatisfy { population.locality[$0] == population.locality[i] })
            #expect(both.peers(of: i).allSatisfy {
                population.sector[$0] == population.sector[i] && population.locality[$0] == population.locality[i]
            })
        }
        // A firm alone in its group has no peers rather than foreign ones;
        // a group smaller than the degree gives all of its other firms.
        for i in 0..<population.count {
            let groupSize = (0..<population.count).lazy.filter {
                population.sector[$0] == population.sector[i] && population.locality[$0] == population.locality[i]
            }.prefix(9).count
            #expect(both.peers(of: i).count == min(8, groupSize - 1))
            if i > 200 { break }
        }
    }

    @Test func rewiringMovesLinksOffTheLattice() {
        // Without rewiring, a firm's peers are its ring neighbours: firms of
        // its own province (the ring is ordered by province) nearly always.
        let (population, lattice) = build(.smallWorld, rewiring: 0)
        let (_, random) = build(.smallWorld, rewiring: 1)
        func sameProvinceShare(_ network: PeerNetwork) -> Double {
            var same = 0, total = 0
            for i in 0..<population.count {
                for peer in network.peers(of: i) {
                    total += 1
                    if population.locality[peer] == population.locality[i] { same += 1 }
                }
            }
            return Double(same) / Double(total)
        }
        #expect(sameProvinceShare(lattice) > 0.97)
        // Random peers share a province at about the sum of squared shares (≈ 0.32).
        #expect(abs(sameProvinceShare(random) - 0.32) < 0.05)
    }
}
