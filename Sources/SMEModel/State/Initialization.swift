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
        let sizeTable = CategoricalTable(employeeProbabilities(firms.size))
        executor.forEach(count: firms.count) { range in
            for i in range {
                population.sector[i] = UInt8(sectorTable.index(for: sectorStream.uniform(i)))
                population.locality[i] = UInt8(localityTable.index(for: localityStream.uniform(i)))
                population.employees[i] = UInt16(1 + sizeTable.index(for: sizeStream.uniform(i)))
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

/// P(employees = k) for k = 1...maxEmployees when employees is a
/// log-normal draw rounded to the nearest whole number and clamped to that
/// range: the distribution is tabulated once, so each firm's size costs one
/// uniform and a table search instead of a logarithm, a cosine and an
/// exponential.
func employeeProbabilities(_ size: SizeDistribution) -> [Double] {
    let mu = log(size.medianEmployees)
    func below(_ x: Double) -> Double {
        // P(exp(mu + sigma Z) < x) = Phi((ln x - mu) / sigma)
        guard size.sigma > 0 else { return x > size.medianEmployees ? 1 : 0 }
        return 0.5 * erfc(-(log(x) - mu) / (size.sigma * 2.0.squareRoot()))
    }
    let top = size.maxEmployees
    return (1...top).map { k in
        let lower = k == 1 ? 0 : below(Double(k) - 0.5)
        let upper = k == top ? 1 : below(Double(k) + 0.5)
        return Swift.max(0, upper - lower)
    }
}

/// Inverse-CDF lookup for a categorical distribution.
struct CategoricalTable: Sendable {
    let cumulative: [Double]

    init(_ weights: [Double]) {
        let total = weights.reduce(0, +)
        var running = 0.0
        cumulative = weights.map { running += $0; return running / total }
    }

    /// The category of a uniform draw `u` in [0, 1): the first whose
    /// cumulative share exceeds `u` (binary search).
    func index(for u: Double) -> Int {
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if u < cumulative[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
