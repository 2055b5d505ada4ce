import AgentEngine
import Foundation
@testable import SMEModel

/// What a set of replicates of a scenario shows, for the pattern tests.
struct Observed {
    /// Difference in differences per dimension: the mean change since tick 0
    /// of firms that have been members for at least two years, minus that of
    /// firms of the initial population that never joined.
    var gap = [Double](repeating: 0, count: 4)
    var treated = 0, controls = 0
    /// The members' revenue advantage: mean revenue at the end over the
    /// firm's capacity at tick 0, treated minus controls.
    var revenueGap = 0.0
    /// Exits per year (years 1...), as a share of firms alive at the start of
    /// the year, averaged over replicates; and over years 2 to 10 by size
    /// class (1–2, 3–9, 10 or more employees).
    var yearlyExits: [Double] = []
    var exitsBySize = [Double](repeating: 0, count: 3)
    /// The denominators of `exitsBySize`: firms alive at the start of years
    /// 2 to 10, summed, per size class.
    var firmYearsBySize = [Double](repeating: 0, count: 3)
    var firmsAlive: [Double] = []
    var meanEmployees: [Double] = []
    var initiatives = [Int](repeating: 0, count: 7)
    var initiativesAllied = 0, networkRelationsAllied = 0, initiativesUnallied = 0, networkRelationsUnallied = 0
    var onlineRevenue = 0.0
    var members = 0
    /// Alliances formed by type, over all replicates.
    var formed = [Int](repeating: 0, count: 4)
    /// Non-members' 10th and 90th percentiles per dimension at the end.
    var spreadEnd = [Double](repeating: 0, count: 4)
    var spreadStart = [Double](repeating: 0, count: 4)
    /// Mean technology of living non-members at the end.
    var nonMemberTechnology = 0.0
    /// Living non-members at the end, over all replicates.
    var nonMembersAtEnd = 0
    var platformOpenAtEnd = 0

    var allianceFormedShares: [Double] {
        let total = Double(formed.reduce(0, +))
        return formed.map { total > 0 ? Double($0) / total : 0 }
    }
}

func observe(_ scenario: Scenario, replicates: Int = 3, seed: UInt64? = nil) -> Observed {
    var observed = Observed()
    var changes = (treated: [Double](repeating: 0, count: 4), controls: [Double](repeating: 0, count: 4))
    var revenues = (treated: 0.0, controls: 0.0)
    let years = scenario.horizon / 12
    var exits = [Double](repeating: 0, count: years)
    var exitsBySize = SIMD4<Double>(), aliveBySize = SIMD4<Double>()
    observed.firmsAlive = [Double](repeating: 0, count: scenario.horizon + 1)
    observed.meanEmployees = [Double](repeating: 0, count: scenario.horizon + 1)
    var technologySum = 0.0, nonMembers = 0
    for replicate in 0..<replicates {
        var model = SMESimulation(scenario: scenario, run: RunSpec(index: replicate, replicate: replicate, seed: seed ?? scenario.seed),
                                  executor: ChunkedExecutor(threads: 2))
        let initial = Dimension.allCases.map { d in (0..<model.population.count).map { model.population.dimension(d, $0) } }
        let initialCapacity = model.population.capacity.toArray()
        func record(_ tick: Int) {
            observed.firmsAlive[tick] += Double(model.metrics.alive) / Double(replicates)
            observed.meanEmployees[tick] += Double(model.metrics.employees) / Double(max(1, model.metrics.alive)) / Double(replicates)
        }
        record(0)
        for d in 0..<4 { observed.spreadStart[d] += (model.metrics.quantile(d, 0.9) - model.metrics.quantile(d, 0.1)) / Double(replicates) }
        var aliveAtYearStart = Double(model.metrics.alive)
        var sizeAtYearStart = model.metrics.aliveBySize
        var exitsThisYear = 0
        var sizeExitsThisYear = SIMD4<Int>()
        for tick in 1...scenario.horizon {
            model.step(tick: tick)
            record(tick)
            let m = model.metrics
            exitsThisYear += m.exits
            sizeExitsThisYear &+= m.exitsBySize
            for (b, count) in m.initiatives.enumerated() { observed.initiatives[b] += count }
            observed.initiativesAllied += m.initiativesAllied
            observed.networkRelationsAllied += m.networkRelationsAllied
            observed.initiativesUnallied += m.initiativesUnallied
            observed.networkRelationsUnallied += m.networkRelationsUnallied
            observed.onlineRevenue += m.flows.revenueOnline
            for k in 0..<4 { observed.formed[k] += model.allianceTally.formedByType[k] }
            if tick % 12 == 0 {
                exits[tick / 12 - 1] += Double(exitsThisYear) / aliveAtYearStart / Double(replicates)
                if tick > 12 {
                    exitsBySize += SIMD4(sizeExitsThisYear.indices.map { Double(sizeExitsThisYear[$0]) })
                    aliveBySize += SIMD4(sizeAtYearStart.indices.map { Double(sizeAtYearStart[$0]) })
                }
                exitsThisYear = 0
                sizeExitsThisYear = SIMD4()
                aliveAtYearStart = Double(m.alive)
                sizeAtYearStart = m.aliveBySize
            }
        }
        observed.members += model.metrics.members
        observed.platformOpenAtEnd += model.platformState.open ? 1 : 0
        let p = model.population
        var nonMemberValues = [[Double]](repeating: [], count: 4)
        for i in 0..<p.count where p.alive[i] == 1 {
            if p.member[i] == 0 {
                technologySum += p.technology[i]
                nonMembers += 1
                for d in Dimension.allCases { nonMemberValues[d.rawValue].append(p.dimension(d, i)) }
            }
            guard p.bornTick[i] == 0 else { continue }
            let joined = Int(p.joinedTick[i])
            let isTreated = p.member[i] == 1 && joined >= 0 && joined <= scenario.horizon - 24
            let isControl = joined == -1
            guard isTreated || isControl else { continue }
            for d in Dimension.allCases {
                let change = p.dimension(d, i) - initial[d.rawValue][i]
                if isTreated { changes.treated[d.rawValue] += change } else { changes.controls[d.rawValue] += change }
            }
            let revenue = (p.revenueLocal[i] + p.revenueOnline[i]) / initialCapacity[i]
            if isTreated { revenues.treated += revenue } else { revenues.controls += revenue }
            if isTreated { observed.treated += 1 } else { observed.controls += 1 }
        }
        for d in 0..<4 where !nonMemberValues[d].isEmpty {
            let sorted = nonMemberValues[d].sorted()
            let p10 = sorted[sorted.count / 10], p90 = sorted[sorted.count * 9 / 10]
            observed.spreadEnd[d] += (p90 - p10) / Double(replicates)
        }
    }
    for d in 0..<4 where observed.treated > 0 && observed.controls > 0 {
        observed.gap[d] = changes.treated[d] / Double(observed.treated) - changes.controls[d] / Double(observed.controls)
    }
    if observed.treated > 0 && observed.controls > 0 {
        observed.revenueGap = revenues.treated / Double(observed.treated) - revenues.controls / Double(observed.controls)
    }
    observed.yearlyExits = exits
    observed.exitsBySize = (0..<3).map { aliveBySize[$0] > 0 ? exitsBySize[$0] / aliveBySize[$0] : 0 }
    observed.firmYearsBySize = (0..<3).map { aliveBySize[$0] }
    observed.nonMembersAtEnd = nonMembers
    observed.nonMemberTechnology = nonMembers > 0 ? technologySum / Double(nonMembers) : 0
    return observed
}

/// The default scenario at a test size.
func baselineForTests(firms: Int = 5_000) -> Scenario {
    smallEconomy(firms: firms, horizon: Scenario.default.horizon)
}
