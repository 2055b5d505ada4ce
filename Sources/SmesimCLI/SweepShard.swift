import AgentEngine

/// A shard of a sweep (`--shard I/N`): the runs that shard I of N runs.
///
/// The rule, from the resolved sweep alone: each run's estimated cost is
/// its point's firms × ticks (at least 1; a point that breaks a rule
/// between keys costs 1), and the runs are dealt onto the N shards by
/// `ShardAssignment` — costliest first (ties by run index), each to the
/// shard that costs least so far (ties by shard number). Equal costs are
/// dealt round robin. Every shard, and `merge`, computes the same deal.
struct SweepShard {
    let spec: ShardSpec
    /// The shard's runs, in run order.
    let runs: [Int]
    /// Every shard's estimated cost (firms × ticks), shard 1 first.
    let costs: [Int]

    /// Shard `spec` of the sweep; more shards than runs is a usage error.
    init(_ spec: ShardSpec, of setup: SweepSetup) throws(CLIError) {
        let runCount = setup.plan.runCount
        guard spec.count <= runCount else {
            throw .usage("--shard \(spec): the sweep has \(runCount) runs, so at most \(runCount) shards; expected \(ShardSpec.form)")
        }
        let assignment = Self.assignment(setup, shards: spec.count)
        self.spec = spec
        runs = assignment.runs(of: spec)
        costs = assignment.costs
    }

    /// The deal of the sweep's runs onto `shards` shards.
    static func assignment(_ setup: SweepSetup, shards: Int) -> ShardAssignment {
        let points = setup.points
        let costs = zip(points.firms, points.horizons).map { firms, ticks in
            let (product, overflow) = firms.multipliedReportingOverflow(by: ticks)
            return overflow ? Int.max / SweepFile.maximumRuns : Swift.max(1, product)
        }
        return ShardAssignment(pointCosts: costs, replicates: setup.plan.replicates, shards: shards)
    }

    /// The default folder of the shard: `shard-I-of-N` in the sweep's.
    static func defaultFolder(_ spec: ShardSpec?, sweep name: String) -> String {
        "Results/\(name)" + (spec.map { "/" + $0.folderName } ?? "")
    }

    /// "2.03e+08 agent-steps (0.2 % of the sweep's; shards from 2.02e+08 to
    /// 2.03e+08)": the shard's estimated cost, firms × ticks, and the range.
    var cost: String {
        let total = Double(costs.reduce(0, +))
        func steps(_ cost: Int?) -> String { String(format: "%.4g", Double(cost ?? 0)) }
        let share = String(format: "%.3g %%", 100 * Double(costs[spec.index - 1]) / Swift.max(1, total))
        return "\(steps(costs[spec.index - 1])) agent-steps (\(share) of the sweep's; shards from \(steps(costs.min())) to \(steps(costs.max())))"
    }
}
