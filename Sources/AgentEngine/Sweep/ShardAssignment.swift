/// Which runs of a sweep each of its N shards runs: every run in exactly
/// one shard, the shards balanced by estimated cost, and the whole a
/// function of the runs' costs and N alone (so every shard, and a merge,
/// computes the same assignment from the resolved sweep).
///
/// The rule is greedy longest processing time first: runs are taken in
/// order of decreasing cost, ties by run index, and each goes to the shard
/// whose runs cost least so far, ties by the lower shard number. Runs of
/// equal cost are so dealt round robin (when every run costs the same, run
/// k goes to shard k mod N + 1), and the costliest shard exceeds the
/// cheapest by at most the costliest run. A sweep's run k is replicate
/// k mod R of point k / R (R replicates) and costs what its point costs.
public struct ShardAssignment: Sendable {
    /// Each shard's runs in increasing order, shard 1 first.
    public let runs: [[Int]]
    /// Each shard's total estimated cost.
    public let costs: [Int]

    /// `pointCosts`: each point's estimated cost of a run (e.g. firms ×
    /// ticks), at least 1 is assumed; `shards` from 1 up.
    public init(pointCosts: [Int], replicates: Int, shards: Int) {
        let count = Swift.max(1, shards)
        // Decreasing cost, ties by point: each point's runs are consecutive
        // in run order, so this is the runs' order by (cost, index).
        let order = pointCosts.indices.sorted { a, b in
            let x = Swift.max(1, pointCosts[a]), y = Swift.max(1, pointCosts[b])
            return x != y ? x > y : a < b
        }
        var runs = [[Int]](repeating: [], count: count)
        var heap = LoadHeap(count: count)
        for point in order {
            let cost = Swift.max(1, pointCosts[point])
            for replicate in 0..<replicates {
                runs[heap.add(cost)].append(point * replicates + replicate)
            }
        }
        self.runs = runs.map { $0.sorted() }
        costs = heap.loads
    }

    public func runs(of shard: ShardSpec) -> [Int] {
        runs.indices.contains(shard.index - 1) ? runs[shard.index - 1] : []
    }
}

/// The shards ordered by (cost so far, shard number), least first: a
/// binary min-heap of shard numbers.
private struct LoadHeap {
    private(set) var loads: [Int]
    private var heap: [Int]

    init(count: Int) {
        loads = Array(repeating: 0, count: count)
        heap = Array(0..<count)
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        loads[a] != loads[b] ? loads[a] < loads[b] : a < b
    }

    /// Adds `cost` to the least loaded shard and returns that shard.
    mutating func add(_ cost: Int) -> Int {
        let shard = heap[0]
        loads[shard] += cost
        var position = 0
        while true {
            let left = 2 * position + 1, right = left + 1
            var least = position
            if left < heap.count && less(heap[left], heap[least]) { least = left }
            if right < heap.count && less(heap[right], heap[least]) { least = right }
            if least == position { return shard }
            heap.swapAt(position, least)
            position = least
        }
    }
}
