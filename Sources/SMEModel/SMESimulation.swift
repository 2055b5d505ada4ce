import AgentEngine

/// One run of the SME–platform model: the population, its peer network and
/// the schedule of MODEL.md §3, advanced one synchronous tick at a time.
public struct SMESimulation: SteppedModel {
    public let scenario: Scenario
    public let population: Population
    public let network: PeerNetwork?
    private let streams: RandomStreams
    private let executor: ChunkedExecutor
    public private(set) var members: Int
    public private(set) var joins = 0

    /// Builds the initial state (tick 0) of `run`.
    public init(scenario: Scenario, run: RunSpec, executor: ChunkedExecutor) {
        self.scenario = scenario
        self.executor = executor
        streams = run.streams
        population = Population.initial(scenario, streams: streams, executor: executor)
        network = scenario.adoption.mode == .peers
            ? PeerNetwork.build(scenario.adoption.peers, population: population, streams: streams, executor: executor)
            : nil
        members = population.memberCount(executor: executor)
    }

    public var agentCount: Int { population.count }

    public mutating func step(tick: Int) {
        // 1. Every firm will read the others as they were at the end of the
        //    previous tick.
        snapshot()
        // 2. Adoption.
        joins = Adoption.step(
            tick: tick, parameters: scenario.adoption, population: population,
            network: network, membersAtStart: members, streams: streams, executor: executor)
        members += joins
    }

    private func snapshot() {
        guard network != nil else { return }
        let current = population.member, previous = population.memberPrevious
        executor.forEach(count: population.count) { range in
            (previous.base + range.lowerBound).update(from: current.base + range.lowerBound, count: range.count)
        }
    }

    public func observe(into record: inout CSVRecord) {
        let firms = population.count
        record.append(firms)
        record.append(members)
        record.append(firms > 0 ? Double(members) / Double(firms) : 0)
        record.append(joins)
    }

    /// The model's columns of `timeseries.csv`, after the engine's identity
    /// columns.
    public static let columns: [ColumnSpec] = [
        ColumnSpec("firms", .integer, unit: "firms", "Firms in the population."),
        ColumnSpec("members", .integer, unit: "firms", "Platform members at the end of the tick."),
        ColumnSpec("member_share", .number, unit: "fraction", "members / firms."),
        ColumnSpec("joins", .integer, unit: "firms", "Firms that joined the platform during the tick (0 at tick 0)."),
    ]
}
