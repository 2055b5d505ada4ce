import Dispatch
import Synchronization

/// Runs the body of a synchronous tick over fixed-size chunks of agents.
///
/// Chunk boundaries depend only on `chunkSize`, never on `threads`, and
/// per-chunk results are returned in chunk order, so a reduction folded in
/// that order gives the same bits with one thread or many. Which worker runs
/// which chunk is decided at run time (each takes the next chunk not yet
/// taken), so a worker that finishes early is not left idle; that changes
/// nothing but the timing.
public struct ChunkedExecutor: Sendable {
    /// Default number of agents per chunk: large enough that scheduling cost
    /// vanishes next to the work, small enough to balance two to a few dozen
    /// cores on 10^5 agents.
    public static let defaultChunkSize = 16_384

    public let threads: Int
    public let chunkSize: Int

    public init(threads: Int, chunkSize: Int = ChunkedExecutor.defaultChunkSize) {
        self.threads = Swift.max(1, threads)
        self.chunkSize = Swift.max(1, chunkSize)
    }

    /// Number of chunks covering `count` agents.
    public func chunkCount(for count: Int) -> Int {
        count <= 0 ? 0 : (count + chunkSize - 1) / chunkSize
    }

    /// The agent range of chunk `index`.
    @inlinable
    public func range(ofChunk index: Int, count: Int) -> Range<Int> {
        let start = index * chunkSize
        return start..<Swift.min(start + chunkSize, count)
    }

    /// Calls `body` once per chunk of 0..<count and returns the results in
    /// chunk order.
    public func map<Result: Sendable>(
        count: Int, _ body: @Sendable (Range<Int>) -> Result
    ) -> [Result] {
        let chunks = chunkCount(for: count)
        if chunks == 0 { return [] }
        let workers = Swift.min(threads, chunks)
        if workers == 1 {
            return (0..<chunks).map { body(range(ofChunk: $0, count: count)) }
        }
        let slots = ResultSlots<Result>(count: chunks)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let chunk = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard chunk < chunks else { return }
                slots.store(body(range(ofChunk: chunk, count: count)), at: chunk)
            }
        }
        return slots.collect()
    }

    /// Calls `body` once per chunk of 0..<count.
    public func forEach(count: Int, _ body: @Sendable (Range<Int>) -> Void) {
        _ = map(count: count, body)
    }

    /// Maps every chunk and folds the results in chunk order.
    public func reduce<Partial: Sendable>(
        count: Int, _ initial: Partial,
        _ body: @Sendable (Range<Int>) -> Partial,
        _ combine: (Partial, Partial) -> Partial
    ) -> Partial {
        map(count: count, body).reduce(initial, combine)
    }

    /// Maps every chunk and folds the results in chunk order into a copy of
    /// `initial`, in place: for partials holding arrays, nothing is copied
    /// per fold.
    public func reduce<Partial: Sendable>(
        count: Int, into initial: Partial,
        _ body: @Sendable (Range<Int>) -> Partial,
        _ absorb: (inout Partial, Partial) -> Void
    ) -> Partial {
        var result = initial
        for partial in map(count: count, body) { absorb(&result, partial) }
        return result
    }
}

/// One write-once slot per chunk; each slot is written by exactly one worker.
final class ResultSlots<Result>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Result?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func store(_ value: Result, at index: Int) { storage[index] = value }

    func collect() -> [Result] {
        (0..<count).compactMap { storage[$0] }
    }
}
