import Foundation
import Testing
@testable import AgentEngine

/// A toy model: each agent's value performs a random walk; the observation
/// is the sum. Enough to check ordering, determinism and error handling.
struct RandomWalk: SteppedModel {
    let values: AgentColumn<Double>
    let streams: RandomStreams
    let executor: ChunkedExecutor
    var total = 0.0
    var steps = 0

    init(agents: Int, run: RunSpec, executor: ChunkedExecutor) {
        values = AgentColumn(count: agents, repeating: 0)
        streams = run.streams
        self.executor = executor
    }

    var agentCount: Int { values.count }

    mutating func step(tick: Int) {
        let stream = streams.stream(RandomPurpose("walk"), tick: tick)
        let values = self.values
        total = executor.reduce(count: values.count, 0.0, { range in
            var sum = 0.0
            for i in range {
                values[i] += stream.uniform(i) - 0.5
                sum += values[i]
            }
            return sum
        }, +)
        steps += 1
    }

    static let timeseries = ColumnTable<RandomWalk>([
        .number("total", "sum of the walkers") { $0.total },
        .integer("steps", "ticks stepped") { $0.steps },
        // Missing on odd ticks, to check outcomes skip missing values.
        .number("even", "steps on even ticks") { $0.steps % 2 == 0 ? Double($0.steps) : .nan },
    ])
}

@Suite struct ExperimentRunnerTests {
    func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "runner-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    func prepare(_ spec: RunSpec, _ executor: ChunkedExecutor, agents: Int = 3_000, horizon: Int = 12) -> PreparedRun<RandomWalk> {
        var identity = CSVRecord()
        identity.append(spec.replicate)
        identity.append(spec.seed)
        return PreparedRun(model: RandomWalk(agents: agents, run: spec, executor: executor), horizon: horizon,
                           runID: "id\(spec.index)", identity: identity)
    }

    /// Runs `runs` replicates and joins the time series.
    func table(threads: Int, runs: Int = 5, agents: Int = 3_000, every: Int = 1) throws -> String {
        let folder = try folder()
        let store = try RunStore(folder: folder + "/store")
        let specs = (0..<runs).map { RunSpec(index: $0, replicate: $0, seed: 11) }
        let failed = try ExperimentRunner(threads: threads, chunkSize: 256).run(
            specs, store: store, every: every, onFailure: .stop
        ) { spec, executor in prepare(spec, executor, agents: agents) }
        #expect(failed == 0)
        let header = CSVRecord.header([IdentityColumns.replicate, IdentityColumns.seed, IdentityColumns.tick] + RandomWalk.timeseries.specs)
        try store.join(table: 0, runs: specs.map(\.index), header: header, into: folder + "/t.csv", blocks: folder + "/t.blocks")
        return try String(contentsOfFile: folder + "/t.csv", encoding: .utf8)
    }

    @Test func rowsComeInRunOrderWithAHeader() throws {
        let lines = try table(threads: 3).components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "replicate,seed,tick,total,steps,even")
        #expect(lines.count == 1 + 5 * 13)
        let keys = lines.dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        let expected = (0..<5).flatMap { r in (0...12).map { "\(r),11,\($0)" } }
        #expect(keys == expected)
    }

    @Test func everyKeepsMultiplesOfKAndTheLastTick() throws {
        let lines = try table(threads: 2, runs: 2, every: 5).components(separatedBy: "\r\n").dropLast().dropFirst()
        let ticks = lines.map { $0.split(separator: ",")[2] }
        #expect(ticks == ["0", "5", "10", "12", "0", "5", "10", "12"])
    }

    @Test func theTableDoesNotDependOnThreads() throws {
        let reference = try table(threads: 1)
        #expect(try table(threads: 2) == reference)
        #expect(try table(threads: 4) == reference)
        // One run on several threads parallelises inside the tick.
        #expect(try table(threads: 1, runs: 1, agents: 20_000) == table(threads: 2, runs: 1, agents: 20_000))
    }

    @Test func planSplitsThreadsBetweenRunsAndTicks() {
        #expect(ExperimentRunner(threads: 8).plan(runCount: 1) == (1, 8))
        #expect(ExperimentRunner(threads: 8).plan(runCount: 2) == (2, 4))
        #expect(ExperimentRunner(threads: 2).plan(runCount: 10) == (2, 1))
    }

    @Test func outcomesSummariseEveryTickAndSkipMissingValues() throws {
        let store = try RunStore(folder: try folder())
        let outcomes = [
            Outcome("last", column: "steps", .final), Outcome("at3", column: "steps", .at, from: 3),
            Outcome("sum", column: "steps", .sum), Outcome("late", column: "steps", .mean, from: 10, to: 12),
            Outcome("evens", column: "even", .mean), Outcome("most", column: "steps", .max, to: 4),
            Outcome("never", column: "steps", .at, from: 99),
        ]
        // Thinning the rows does not change the outcomes.
        _ = try ExperimentRunner(threads: 1).run([RunSpec(index: 0, replicate: 0, seed: 3)], store: store, every: 7, outcomes: outcomes,
                                                 onFailure: .stop) { spec, executor in prepare(spec, executor, agents: 10) }
        let values = try #require(try store.records()[0]).outcomes
        #expect(Array(values.prefix(6)) == [12, 3, 78, 11, 6, 4])
        #expect(values[6].isNaN)
    }

    @Test func aRunThatCannotBeMadeIsRecordedOrStopsTheExperiment() throws {
        let specs = (0..<4).map { RunSpec(index: $0, replicate: $0, seed: 1) }
        let store = try RunStore(folder: try folder())
        let failed = try ExperimentRunner(threads: 2).run(specs, store: store, onFailure: .record) { spec, executor in
            if spec.replicate % 2 == 1 { throw RunFailure("odd replicate\nsecond line") }
            return prepare(spec, executor, agents: 10)
        }
        #expect(failed == 2)
        let records = try store.records()
        #expect(records.count == 4)
        #expect(records[1]?.status == .failed("odd replicate; second line"))
        #expect(records[2]?.status == .ok && records[2]?.runID == "id2")
        #expect(throws: RunFailure.self) {
            try ExperimentRunner(threads: 2).run(specs, store: try RunStore(folder: try folder()), onFailure: .stop) { spec, executor in
                if spec.replicate == 1 { throw RunFailure("no") }
                return prepare(spec, executor, agents: 10)
            }
        }
    }
}
