import Testing
@testable import AgentEngine

/// The deal of a sweep's runs onto shards, and the `I/N` spec.
@Suite struct ShardAssignmentTests {
    @Test func equalCostsAreDealtRoundRobin() {
        let deal = ShardAssignment(pointCosts: [5, 5, 5, 5, 5], replicates: 2, shards: 3)
        #expect(deal.runs == [[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]])
        #expect(deal.costs == [20, 15, 15])
    }

    /// Every run in exactly one shard; the costliest shard exceeds the
    /// cheapest by at most the costliest run; the same deal every time.
    @Test(arguments: [1, 2, 3, 4, 7, 16])
    func shardsAreDisjointCoverEveryRunAndBalance(shards: Int) {
        var generator = SplitMix64(seed: 11)
        let costs = (0..<40).map { _ in 1 + generator.index(below: 1_000) }
        let deal = ShardAssignment(pointCosts: costs, replicates: 3, shards: shards)
        let all = deal.runs.flatMap { $0 }
        #expect(all.count == 120 && Set(all) == Set(0..<120))
        #expect(deal.runs.allSatisfy { $0 == $0.sorted() })
        #expect(deal.costs == deal.runs.map { $0.reduce(0) { $0 + costs[$1 / 3] } })
        #expect((deal.costs.max() ?? 0) - (deal.costs.min() ?? 0) <= (costs.max() ?? 0))
        #expect(ShardAssignment(pointCosts: costs, replicates: 3, shards: shards).runs == deal.runs)
    }

    /// Costliest first: the two costly points' runs go to different shards.
    @Test func costlyRunsAreSpreadFirst() {
        let deal = ShardAssignment(pointCosts: [1, 100, 1, 100], replicates: 1, shards: 2)
        #expect(deal.runs == [[0, 1], [2, 3]])
        #expect(deal.costs == [101, 101])
        // A point that costs nothing counts as 1.
        #expect(ShardAssignment(pointCosts: [0, 0, 0], replicates: 1, shards: 3).runs == [[0], [1], [2]])
    }

    @Test func specsReadOnlyTheirForm() {
        #expect(ShardSpec("2/4") == ShardSpec(index: 2, count: 4))
        #expect(ShardSpec("1/1")?.folderName == "shard-1-of-1")
        for bad in ["0/4", "5/4", "1/0", "junk", "", "/", "1/", "/4", "+1/4", "-1/4", "1/4/2", " 1/4", "1/4 ", "1.0/4", "1/100001",
                    "99999999999999999999/4", "１/4"] {
            #expect(ShardSpec(bad) == nil, "\(bad)")
        }
        #expect(ShardSpec(json: ShardSpec(index: 3, count: 8)!.json) == ShardSpec(index: 3, count: 8))
    }
}
