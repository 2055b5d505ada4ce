import Dispatch
import Foundation
import Synchronization

/// Runs a list of runs in parallel and records each in a `RunStore`.
///
/// With several runs, up to `threads` of them run at once, each on one
/// thread; with fewer runs than threads, the spare threads go inside each
/// run's tick. Each run streams its rows to part files of its own and is
/// recorded when it finishes, so memory stays flat in ticks and runs, an
/// interrupted experiment keeps every finished run, and the joined tables
/// (`RunStore.join`) do not depend on which run finished first.
public struct ExperimentRunner: Sendable {
    public let threads: Int
    public let chunkSize: Int
    /// Most runs held in memory at once (memory, not threads, may bound it).
    public let maxConcurrentRuns: Int

    public init(threads: Int, chunkSize: Int = ChunkedExecutor.defaultChunkSize, maxConcurrentRuns: Int = .max) {
        self.threads = Swift.max(1, threads)
        self.chunkSize = chunkSize
        self.maxConcurrentRuns = Swift.max(1, maxConcurrentRuns)
    }

    /// What a run that cannot be made does to the experiment.
    public enum FailurePolicy: Sendable {
        /// Record it as failed and go on (a sweep).
        case record
        /// Stop the experiment and throw (a single scenario's replicates).
        case stop
    }

    /// How threads are split between concurrent runs and each run's tick.
    public func plan(runCount: Int) -> (concurrentRuns: Int, threadsPerRun: Int) {
        let outer = Swift.max(1, Swift.min(threads, runCount, maxConcurrentRuns))
        return (outer, Swift.max(1, threads / outer))
    }

    /// Runs every spec of `runs` and records it in `store`. Table 0 is the
    /// model's time series (thinned to ticks that are multiples of `every`,
    /// and the last); tables 1... are the model's extra tables. Every row
    /// starts with the run's identity fields and the tick. Returns the
    /// number of runs recorded as failed; an error writing output stops the
    /// experiment and is thrown.
    public func run<Model: SteppedModel>(
        _ runs: [RunSpec],
        store: RunStore,
        extraTables: Int = 0,
        every: Int = 1,
        outcomes: [Outcome] = [],
        onFailure: FailurePolicy,
        progress: ProgressReporter? = nil,
        prepare: @escaping @Sendable (RunSpec, ChunkedExecutor) throws -> PreparedRun<Model>
    ) throws -> Int {
        let columns = outcomes.map { outcome -> Int in
            guard let column = Model.timeseries.index(of: outcome.column) else {
                preconditionFailure("outcome \(outcome.name) reads an unknown column \(outcome.column)")
            }
            return column
        }
        let plan = plan(runCount: runs.count)
        let executor = ChunkedExecutor(threads: plan.threadsPerRun, chunkSize: chunkSize)
        let next = Atomic<Int>(0)
        let failed = Atomic<Int>(0)
        let firstError = Mutex<(position: Int, error: any Error)?>(nil)
        let job = Job(store: store, tables: 1 + extraTables, every: Swift.max(1, every), outcomes: outcomes,
                      outcomeColumns: columns, progress: progress)

        DispatchQueue.concurrentPerform(iterations: plan.concurrentRuns) { _ in
            while !job.stopped.load(ordering: .relaxed) {
                let position = next.add(1, ordering: .relaxed).oldValue
                guard position < runs.count else { return }
                do {
                    if try !job.execute(runs[position], executor: executor, prepare: prepare, onFailure: onFailure) {
                        failed.add(1, ordering: .relaxed)
                    }
                } catch {
                    job.stopped.store(true, ordering: .relaxed)
                    firstError.withLock { first in
                        if first == nil || position < first!.position { first = (position, error) }
                    }
                }
            }
        }
        if let first = firstError.withLock({ $0 }) { throw first.error }
        return failed.load(ordering: .relaxed)
    }

    private final class Job: Sendable {
        let store: RunStore
        let tables: Int
        let every: Int
        let outcomes: [Outcome]
        let outcomeColumns: [Int]
        let progress: ProgressReporter?
        /// Set when an output error stops the experiment: runs in flight
        /// stop at their next tick and are not recorded.
        let stopped = Atomic<Bool>(false)

        init(store: RunStore, tables: Int, every: Int, outcomes: [Outcome], outcomeColumns: [Int], progress: ProgressReporter?) {
            self.store = store
            self.tables = tables
            self.every = every
            self.outcomes = outcomes
            self.outcomeColumns = outcomeColumns
            self.progress = progress
        }

        /// Runs one spec and records it; false when it was recorded as failed.
        func execute<Model: SteppedModel>(
            _ spec: RunSpec, executor: ChunkedExecutor,
            prepare: (RunSpec, ChunkedExecutor) throws -> PreparedRun<Model>, onFailure: FailurePolicy
        ) throws -> Bool {
            let started = DispatchTime.now().uptimeNanoseconds
            var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }
            let prepared: PreparedRun<Model>
            do {
                prepared = try prepare(spec, executor)
            } catch let failure as RunFailure {
                guard onFailure == .record else { throw failure }
                try store.commit(RunRecord(index: spec.index, runID: "", status: .failed(failure.reason), wallSeconds: seconds,
                                           outcomes: outcomes.map { _ in .nan }), tables: tables)
                progress?.runCompleted(failed: true)
                return false
            }
            let values = try step(prepared, spec: spec)
            guard !stopped.load(ordering: .relaxed) else { return true }
            try store.commit(RunRecord(index: spec.index, runID: prepared.runID, status: .ok, wallSeconds: seconds, outcomes: values),
                             tables: tables)
            progress?.runCompleted(failed: false)
            return true
        }

        static let comma = [UInt8(ascii: ",")]

        /// Steps the run through its horizon, writing its rows to temporary
        /// part files; returns its outcomes.
        private func step<Model: SteppedModel>(_ prepared: PreparedRun<Model>, spec: RunSpec) throws -> [Double] {
            var model = prepared.model
            let horizon = prepared.horizon
            let writers = try (0..<tables).map { table throws(OutputError) in
                try BufferedFileWriter(path: store.partPath(table: table, run: spec.index, temporary: true))
            }
            var accumulators = zip(outcomes, outcomeColumns).map { OutcomeAccumulator($0, column: $1, horizon: horizon) }
            func record(_ tick: Int) throws {
                var start = prepared.identity
                start.append(tick)
                let fields = Model.timeseries.values(model)
                for k in accumulators.indices { accumulators[k].observe(tick: tick, fields) }
                if tick % every == 0 || tick == horizon {
                    var row = start
                    for field in fields { row.append(field) }
                    try writers[0].write(bytes: row.bytes)
                    try writers[0].write(bytes: CSVRecord.lineEnd)
                }
                // Extra tables can have thousands of rows a tick: written
                // field by field, no row copied.
                for table in 1..<Swift.max(1, tables) {
                    for fields in model.extraRows(table: table - 1, tick: tick) {
                        try writers[table].write(bytes: start.bytes)
                        if fields.fieldCount > 0 { try writers[table].write(bytes: Self.comma) }
                        try writers[table].write(bytes: fields.bytes)
                        try writers[table].write(bytes: CSVRecord.lineEnd)
                    }
                }
            }
            try record(0)
            if horizon > 0 {
                for tick in 1...horizon {
                    if stopped.load(ordering: .relaxed) { break }
                    model.step(tick: tick)
                    try record(tick)
                    progress?.tickCompleted(agentSteps: model.agentCount)
                }
            }
            for writer in writers { try writer.close() }
            return accumulators.map(\.result)
        }
    }
}

/// A run ready to step: the model in its initial state, its length, its id
/// and the values of the identity columns that start each of its rows.
public struct PreparedRun<Model: SteppedModel> {
    public var model: Model
    public let horizon: Int
    public let runID: String
    public let identity: CSVRecord

    public init(model: Model, horizon: Int, runID: String, identity: CSVRecord) {
        self.model = model
        self.horizon = horizon
        self.runID = runID
        self.identity = identity
    }
}
