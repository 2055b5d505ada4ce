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

@Suite struct RunStoreTests {
    func store() throws -> (RunStore, String) {
        let folder = NSTemporaryDirectory() + "store-\(UUID().uuidString)"
        return (try RunStore(folder: folder), folder)
    }

    func record(_ index: Int, _ status: RunRecord.Status = .ok) -> RunRecord {
        RunRecord(index: index, runID: "r\(index)", status: status, wallSeconds: 0.5, outcomes: [1, .nan])
    }

    func writePart(_ store: RunStore, run: Int, _ text: String) throws {
        try text.write(toFile: store.partPath(table: 0, run: run, temporary: true), atomically: false, encoding: .utf8)
    }

    @Test func aRecordReadsBackAndTheLastOneWins() throws {
        let (store, _) = try store()
        try writePart(store, run: 0, "a\r\n")
        try store.commit(record(0), tables: 1)
        try store.commit(record(1, .failed("why, \"quoted\"")), tables: 1)
        try writePart(store, run: 1, "b\r\n")
        try store.commit(record(1), tables: 1)
        let records = try store.records()
        #expect(records[0]?.outcomes.first == 1 && records[0]?.outcomes.last?.isNaN == true)
        #expect(records[1]?.status == .ok)
        #expect(FileManager.default.fileExists(atPath: store.partPath(table: 0, run: 0)))
    }

    @Test func aTornJournalLineIsCutAndTheRunRedone() throws {
        let (store, folder) = try store()
        try writePart(store, run: 0, "a\r\n")
        try store.commit(record(0), tables: 1)
        // A crash in the middle of the second run's line.
        let handle = try #require(FileHandle(forWritingAtPath: folder + "/journal.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"index":1,"run_"#.utf8))
        try handle.close()
        let reopened = try RunStore(folder: folder)
        #expect(try reopened.records().keys.sorted() == [0])
        try writePart(reopened, run: 1, "b\r\n")
        try reopened.commit(record(1), tables: 1)
        #expect(try reopened.records().keys.sorted() == [0, 1])
    }

    @Test func partsOfUnrecordedRunsAreRemoved() throws {
        let (store, _) = try store()
        try writePart(store, run: 0, "a\r\n")
        try store.commit(record(0), tables: 1)
        try writePart(store, run: 1, "half")
        try "stale".write(toFile: store.partPath(table: 0, run: 2), atomically: false, encoding: .utf8)
        store.removeUnrecordedParts(recorded: [0])
        #expect(FileManager.default.fileExists(atPath: store.partPath(table: 0, run: 0)))
        #expect(!FileManager.default.fileExists(atPath: store.partPath(table: 0, run: 1, temporary: true)))
        #expect(!FileManager.default.fileExists(atPath: store.partPath(table: 0, run: 2)))
    }

    /// Retrying a failed run after the table was joined: the new join takes
    /// the other runs' rows from the earlier table, byte for byte.
    @Test func aLaterJoinMergesNewPartsIntoTheEarlierTable() throws {
        let (store, folder) = try store()
        var header = CSVRecord()
        header.append(text: "x")
        for run in [0, 2, 3] {
            try writePart(store, run: run, "row \(run)\r\nmore \(run)\r\n")
            try store.commit(record(run), tables: 1)
        }
        try store.join(table: 0, runs: [0, 1, 2, 3], header: header, into: folder + "/t.csv", blocks: folder + "/t.blocks")
        store.removeParts()
        let store2 = try RunStore(folder: folder)
        try writePart(store2, run: 1, "row 1\r\n")
        try store2.commit(record(1), tables: 1)
        try store2.join(table: 0, runs: [0, 1, 2, 3], header: header, into: folder + "/t2.csv", blocks: folder + "/t2.blocks",
                        previous: (folder + "/t.csv", folder + "/t.blocks"))
        #expect(try String(contentsOfFile: folder + "/t2.csv", encoding: .utf8)
            == "x\r\nrow 0\r\nmore 0\r\nrow 1\r\nrow 2\r\nmore 2\r\nrow 3\r\nmore 3\r\n")
        // A table changed by hand no longer matches its block list.
        try "x\r\n".write(toFile: folder + "/t.csv", atomically: false, encoding: .utf8)
        #expect(throws: OutputError.self) {
            try store2.join(table: 0, runs: [0, 1], header: header, into: folder + "/t3.csv", blocks: folder + "/t3.blocks",
                            previous: (folder + "/t.csv", folder + "/t.blocks"))
        }
    }

    @Test func runIDsAreStableAndTellRunsApart() {
        let id = RunIdentity.id(model: "{}", replicate: 0, seed: 1, version: "1")
        #expect(id.count == 32)
        #expect(id == RunIdentity.id(model: "{}", replicate: 0, seed: 1, version: "1"))
        #expect(id != RunIdentity.id(model: "{}", replicate: 1, seed: 1, version: "1"))
        #expect(id != RunIdentity.id(model: "{}", replicate: 0, seed: 2, version: "1"))
        #expect(id != RunIdentity.id(model: "{ }", replicate: 0, seed: 1, version: "1"))
        #expect(id != RunIdentity.id(model: "{}", replicate: 0, seed: 1, version: "2"))
    }
}
