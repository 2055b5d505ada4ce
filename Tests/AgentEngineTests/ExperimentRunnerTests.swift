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
    }

    func observe(into record: inout CSVRecord) { record.append(total) }
}

struct Failing: SteppedModel {
    struct Boom: Error {}
    var agentCount: Int { 1 }
    mutating func step(tick: Int) {}
    func observe(into record: inout CSVRecord) {}
}

@Suite struct ExperimentRunnerTests {
    let columns = [ColumnSpec("total", .number, "sum of the walkers")]

    func table(threads: Int, runs: Int = 5, agents: Int = 3_000) throws -> String {
        let folder = NSTemporaryDirectory() + "runner-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let specs = (0..<runs).map { RunSpec(index: $0, replicate: $0, seed: 11) }
        try ExperimentRunner(threads: threads, chunkSize: 256).run(
            specs, horizon: 12, modelColumns: columns, tablePath: folder + "/t.csv"
        ) { spec, executor in RandomWalk(agents: agents, run: spec, executor: executor) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["t.csv"])
        return try String(contentsOfFile: folder + "/t.csv", encoding: .utf8)
    }

    @Test func rowsComeInRunOrderWithAHeader() throws {
        let lines = try table(threads: 3).components(separatedBy: "\r\n").dropLast()
        #expect(lines.first == "replicate,seed,tick,total")
        #expect(lines.count == 1 + 5 * 13)
        let keys = lines.dropFirst().map { $0.split(separator: ",").prefix(3).joined(separator: ",") }
        let expected = (0..<5).flatMap { r in (0...12).map { "\(r),11,\($0)" } }
        #expect(keys == expected)
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

    @Test func aFailingRunIsReported() throws {
        let folder = NSTemporaryDirectory() + "runner-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(throws: Failing.Boom.self) {
            try ExperimentRunner(threads: 2).run(
                [RunSpec(index: 0, replicate: 0, seed: 1), RunSpec(index: 1, replicate: 1, seed: 1)],
                horizon: 3, modelColumns: [], tablePath: folder + "/t.csv"
            ) { spec, _ -> Failing in
                if spec.replicate == 1 { throw Failing.Boom() }
                return Failing()
            }
        }
    }
}
