import Dispatch
import Foundation
import Synchronization

/// Runs a list of runs and streams their rows into one CSV table.
///
/// With several runs, up to `threads` of them run at once, each on one
/// thread; with fewer runs than threads, the spare threads go inside each
/// run's tick. Each run streams its rows to a part file of its own; the
/// parts are joined in run order at the end, so the table is the same
/// whatever ran first, and memory stays flat in ticks and runs.
public struct ExperimentRunner: Sendable {
    /// Columns the runner writes before the model's own.
    public static let identityColumns: [ColumnSpec] = [
        ColumnSpec("replicate", .integer, "Replicate index, 0-based; with the seed it names the run's random streams."),
        ColumnSpec("seed", .integer, "Master seed of the experiment."),
        ColumnSpec("tick", .integer, unit: "month", "Tick; 0 is the initial state, then one row per month at its end."),
    ]

    public let threads: Int
    public let chunkSize: Int
    /// Most runs held in memory at once (memory, not threads, may bound it).
    public let maxConcurrentRuns: Int

    public init(threads: Int, chunkSize: Int = ChunkedExecutor.defaultChunkSize, maxConcurrentRuns: Int = .max) {
        self.threads = Swift.max(1, threads)
        self.chunkSize = chunkSize
        self.maxConcurrentRuns = Swift.max(1, maxConcurrentRuns)
    }

    /// How threads are split between concurrent runs and each run's tick.
    public func plan(runCount: Int) -> (concurrentRuns: Int, threadsPerRun: Int) {
        let outer = Swift.max(1, Swift.min(threads, runCount, maxConcurrentRuns))
        return (outer, Swift.max(1, threads / outer))
    }

    /// Runs every spec for `horizon` ticks and writes the table to `path`
    /// (header, then each run's rows in `runs` order).
    public func run<Model: SteppedModel>(
        _ runs: [RunSpec],
        horizon: Int,
        modelColumns: [ColumnSpec],
        tablePath: String,
        extraTables: [TableOutput] = [],
        progress: ProgressReporter? = nil,
        makeModel: @escaping @Sendable (RunSpec, ChunkedExecutor) throws -> Model
    ) throws {
        let plan = plan(runCount: runs.count)
        let executor = ChunkedExecutor(threads: plan.threadsPerRun, chunkSize: chunkSize)
        let partsFolder = (tablePath as NSString).deletingLastPathComponent + "/.parts"
        do {
            try FileManager.default.createDirectory(atPath: partsFolder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: partsFolder, reason: "cannot create (\(error.localizedDescription))")
        }
        let partPaths = runs.map { "\(partsFolder)/run-\($0.index).csv" }
        let extraPartPaths = extraTables.indices.map { table in
            runs.map { "\(partsFolder)/table-\(table)-run-\($0.index).csv" }
        }
        let next = Atomic<Int>(0)
        let failures = Mutex<[Int: any Error]>([:])

        DispatchQueue.concurrentPerform(iterations: plan.concurrentRuns) { _ in
            while true {
                let position = next.add(1, ordering: .relaxed).oldValue
                guard position < runs.count else { return }
                do {
                    try Self.execute(
                        runs[position], horizon: horizon, executor: executor,
                        partPath: partPaths[position], extraPartPaths: extraPartPaths.map { $0[position] },
                        progress: progress, makeModel: makeModel)
                } catch {
                    failures.withLock { $0[position] = error }
                }
            }
        }
        if let first = failures.withLock({ $0.min { $0.key < $1.key } }) { throw first.value }
        try Self.join(parts: partPaths, into: tablePath, columns: Self.identityColumns + modelColumns)
        for (table, output) in extraTables.enumerated() {
            try Self.join(parts: extraPartPaths[table], into: output.path, columns: Self.identityColumns + output.columns)
        }
        try? FileManager.default.removeItem(atPath: partsFolder)
    }

    private static func execute<Model: SteppedModel>(
        _ spec: RunSpec, horizon: Int, executor: ChunkedExecutor, partPath: String, extraPartPaths: [String],
        progress: ProgressReporter?, makeModel: (RunSpec, ChunkedExecutor) throws -> Model
    ) throws {
        var model = try makeModel(spec, executor)
        let writer = try BufferedFileWriter(path: partPath)
        let extraWriters = try extraPartPaths.map { path throws(OutputError) in try BufferedFileWriter(path: path) }
        var identity = CSVRecord()
        identity.append(spec.replicate)
        identity.append(spec.seed)
        func record(_ tick: Int) throws {
            var row = identity
            row.append(tick)
            model.observe(into: &row)
            try writer.write(bytes: row.bytes)
            try writer.write(bytes: CSVRecord.lineEnd)
            // The identity and tick fields start every extra row of the tick.
            var start = identity
            start.append(tick)
            for (table, extra) in extraWriters.enumerated() {
                for fields in model.extraRows(table: table, tick: tick) {
                    try extra.write(bytes: start.bytes)
                    if fields.fieldCount > 0 { try extra.write(bytes: Self.comma) }
                    try extra.write(bytes: fields.bytes)
                    try extra.write(bytes: CSVRecord.lineEnd)
                }
            }
        }
        try record(0)
        if horizon > 0 {
            for tick in 1...horizon {
                model.step(tick: tick)
                try record(tick)
                progress?.tickCompleted(agentSteps: model.agentCount)
            }
        }
        try writer.close()
        for extra in extraWriters { try extra.close() }
        progress?.runCompleted()
    }

    private static let comma = [UInt8(ascii: ",")]

    private static func join(parts: [String], into path: String, columns: [ColumnSpec]) throws {
        let writer = try BufferedFileWriter(path: path)
        try writer.write(bytes: CSVRecord.header(columns).bytes)
        try writer.write(bytes: CSVRecord.lineEnd)
        for part in parts {
            guard let handle = FileHandle(forReadingAtPath: part) else {
                throw OutputError(path: part, reason: "cannot reopen the run's rows")
            }
            defer { try? handle.close() }
            while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
                try writer.write(bytes: block)
            }
        }
        try writer.close()
    }
}
