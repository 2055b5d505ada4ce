import AgentEngine
import Foundation

/// Random purposes of the initial state; each has its own streams.
extension RandomPurpose {
    static let initSector = RandomPurpose("init.sector")
    static let initLocality = RandomPurpose("init.locality")
    static let initSize = RandomPurpose("init.size")
    static let initMembers = RandomPurpose("init.members")
}

extension Population {
    /// Draws every firm's sector, province and size independently from the
    /// scenario's distributions, then picks `initialMembers` firms uniformly
    /// at random as the platform's first members.
    static func initial(_ scenario: Scenario, streams: RandomStreams, executor: ChunkedExecutor) -> Population {
        let firms = scenario.firms
        let population = Population(count: firms.count)
        let sectorTable = CategoricalTable(firms.sectors.map(\.share))
        let localityTable = CategoricalTable(firms.localities.map(\.share))
        let sectorStream = streams.stream(.initSector, tick: 0)
        let localityStream = streams.stream(.initLocality, tick: 0)
        let sizeStream = streams.stream(.initSize, tick: 0)
        let logMedian = log(firms.size.medianEmployees)
        let sigma = firms.size.sigma
        let maxEmployees = Double(firms.size.maxEmployees)
        executor.forEach(count: firms.count) { range in
            for i in range {
                population.sector[i] = UInt8(sectorTable.index(for: sectorStream.uniform(i)))
                population.locality[i] = UInt8(localityTable.index(for: localityStream.uniform(i)))
                var generator = sizeStream.generator(for: i)
                let employees = exp(logMedian + sigma * generator.normal()).rounded()
                population.employees[i] = UInt16(Swift.min(Swift.max(employees, 1), maxEmployees))
            }
        }
        var generator = streams.generator(.initMembers)
        for i in sample(scenario.adoption.initialMembers, from: firms.count, using: &generator) {
            population.member[i] = 1
        }
        population.memberPrevious.assign(from: population.member)
        return population
    }
}

/// `k` distinct integers from 0..<n, uniformly (Floyd's algorithm), sorted.
func sample(_ k: Int, from n: Int, using generator: inout SplitMix64) -> [Int] {
    guard k > 0 else { return [] }
    if k >= n { return Array(0..<n) }
    var chosen = Set<Int>(minimumCapacity: k)
    for j in (n - k)..<n {
        let t = generator.index(below: j + 1)
        if !chosen.insert(t).inserted { chosen.insert(j) }
    }
    return chosen.sorted()
}

/// Inverse-CDF lookup for a small categorical distribution.
struct CategoricalTable: Sendable {
    let cumulative: [Double]

    init(_ weights: [Double]) {
        let total = weights.reduce(0, +)
        var running = 0.0
        cumulative = weights.map { running += $0; return running / total }
    }

    /// The category of a uniform draw `u` in [0, 1).
    func index(for u: Double) -> Int {
        for (index, bound) in cumulative.enumerated() where u < bound { return index }
        return cumulative.count - 1
    }
}
