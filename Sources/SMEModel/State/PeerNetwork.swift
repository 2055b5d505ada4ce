import AgentEngine

extension RandomPurpose {
    static let networkPeers = RandomPurpose("network.peers")
    static let networkRewire = RandomPurpose("network.rewire")
}

/// Who each firm watches, in compressed sparse rows: the peers of firm i are
/// `targets[offsets[i] ..< offsets[i + 1]]`. Built once per run from the
/// run's random streams, so it is the same for any thread count.
public final class PeerNetwork: Sendable {
    public let offsets: AgentColumn<Int>
    public let targets: AgentColumn<Int32>

    init(offsets: AgentColumn<Int>, targets: AgentColumn<Int32>) {
        self.offsets = offsets
        self.targets = targets
    }

    /// Share of firm `i`'s peers whose flag in `flags` is set (0 for a firm
    /// without peers): the F a firm sees in `peers` mode.
    @inline(__always)
    func memberShare(of i: Int, flags: UnsafeMutablePointer<UInt8>) -> Double {
        let lo = offsets.base[i], hi = offsets.base[i + 1]
        var members = 0
        for e in lo..<hi { members &+= Int(flags[Int(targets.base[e])]) }
        return hi > lo ? Double(members) / Double(hi - lo) : 0
    }

    public func peers(of firm: Int) -> [Int] {
        (offsets[firm]..<offsets[firm + 1]).map { Int(targets[$0]) }
    }

    /// Builds the network the parameters describe over `population`.
    static func build(
        _ parameters: PeerNetworkParameters, population: Population,
        streams: RandomStreams, executor: ChunkedExecutor
    ) -> PeerNetwork {
        switch parameters.kind {
        case .smallWorld:
            return smallWorld(parameters, population: population, streams: streams, executor: executor)
        case .sector, .locality, .sectorLocality:
            return withinGroups(parameters, population: population, streams: streams, executor: executor)
        }
    }

    /// Each firm draws `degree` distinct peers uniformly from the other
    /// firms of its group (all of them when the group is smaller).
    private static func withinGroups(
        _ parameters: PeerNetworkParameters, population: Population,
        streams: RandomStreams, executor: ChunkedExecutor
    ) -> PeerNetwork {
        let n = population.count
        let localities = Int(UInt8.max) + 1
        let groupOf: (Int) -> Int
        switch parameters.kind {
        case .sector: groupOf = { Int(population.sector[$0]) }
        case .locality: groupOf = { Int(population.locality[$0]) }
        default: groupOf = { Int(population.sector[$0]) * localities + Int(population.locality[$0]) }
        }
        let groups = GroupIndex(count: n, groupCount: 256 * localities, groupOf: groupOf)
        let degree = parameters.degree
        let offsets = AgentColumn<Int>(count: n + 1, repeating: 0)
        for i in 0..<n {
            offsets[i + 1] = offsets[i] + Swift.min(degree, groups.size(of: groupOf(i)) - 1)
        }
        let targets = AgentColumn<Int32>(count: offsets[n], repeating: 0)
        let stream = streams.stream(.networkPeers, tick: 0)
        let firmGroups = AgentColumn<Int32>((0..<n).map { Int32(groupOf($0)) })
        executor.forEach(count: n) { range in
            for i in range {
                let members = groups.members(of: Int(firmGroups[i]))
                let start = offsets[i], wanted = offsets[i + 1] - start
                if wanted == members.count - 1 {
                    var slot = start
                    for peer in members where peer != i { targets[slot] = Int32(peer); slot += 1 }
                    continue
                }
                var generator = stream.generator(for: i)
                var filled = 0
                while filled < wanted {
                    let peer = members[members.startIndex + generator.index(below: members.count)]
                    if peer == i { continue }
                    if (start..<(start + filled)).contains(where: { targets[$0] == Int32(peer) }) { continue }
                    targets[start + filled] = Int32(peer)
                    filled += 1
                }
            }
        }
        return PeerNetwork(offsets: offsets, targets: targets)
    }

    /// Watts & Strogatz (1998), directed: firms stand on a ring ordered by
    /// province, then sub-sector, then id, so lattice neighbours are local
    /// firms of the same trade; each firm watches its `degree` nearest on
    /// the ring, and each of those links is rewired to a uniformly random
    /// firm with probability `rewiring`.
    private static func smallWorld(
        _ parameters: PeerNetworkParameters, population: Population,
        streams: RandomStreams, executor: ChunkedExecutor
    ) -> PeerNetwork {
        let n = population.count
        let degree = Swift.min(parameters.degree, n - 1)
        let ring = GroupIndex(count: n, groupCount: 256 * 256) {
            Int(population.locality[$0]) * 256 + Int(population.sector[$0])
        }.order
        var positionValues = [Int32](repeating: 0, count: n)
        for (position, firm) in ring.enumerated() { positionValues[firm] = Int32(position) }
        let position = AgentColumn(positionValues)
        let ringColumn = AgentColumn(ring.map { Int32($0) })
        let offsets = AgentColumn<Int>((0...n).map { $0 * degree })
        let targets = AgentColumn<Int32>(count: n * degree, repeating: 0)
        let rewiring = parameters.rewiring
        let rewireStream = streams.stream(.networkRewire, tick: 0)
        let forward = (degree + 1) / 2
        executor.forEach(count: n) { range in
            for i in range {
                let start = i * degree
                let p = Int(position[i])
                var slot = 0
                // Lattice: `forward` ahead, the rest behind.
                for d in 1...Swift.max(forward, 1) where slot < degree {
                    targets[start + slot] = ringColumn[(p + d) % n]; slot += 1
                }
                var d = 1
                while slot < degree {
                    targets[start + slot] = ringColumn[((p - d) % n + n) % n]; slot += 1; d += 1
                }
                guard rewiring > 0 else { continue }
                var generator = rewireStream.generator(for: i)
                for s in 0..<degree where generator.uniform() < rewiring {
                    // Redraw until the new peer is neither the firm itself nor
                    // already a peer.
                    while true {
                        let candidate = Int32(generator.index(below: n))
                        if Int(candidate) == i { continue }
                        if (0..<degree).contains(where: { $0 != s && targets[start + $0] == candidate }) { continue }
                        targets[start + s] = candidate
                        break
                    }
                }
            }
        }
        return PeerNetwork(offsets: offsets, targets: targets)
    }
}

/// Firms grouped by a small integer key (counting sort): the firms of group
/// g are `order[start[g] ..< start[g + 1]]`, in increasing id.
struct GroupIndex: Sendable {
    let order: [Int]
    let start: [Int]

    init(count: Int, groupCount: Int, groupOf: (Int) -> Int) {
        var start = [Int](repeating: 0, count: groupCount + 1)
        for i in 0..<count { start[groupOf(i) + 1] += 1 }
        for g in 0..<groupCount { start[g + 1] += start[g] }
        var next = start
        var order = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let g = groupOf(i)
            order[next[g]] = i
            next[g] += 1
        }
        self.order = order
        self.start = start
    }

    func size(of group: Int) -> Int { start[group + 1] - start[group] }

    func members(of group: Int) -> ArraySlice<Int> { order[start[group]..<start[group + 1]] }
}
