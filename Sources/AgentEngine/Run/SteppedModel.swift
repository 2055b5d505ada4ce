/// A model the engine can run: it advances in synchronous ticks and
/// reports one observation row per tick.
///
/// A run is a pure function of its `RunSpec` (and the parameters the model
/// was built from): the engine may run any number of them at once, in any
/// order, on any thread count, and the rows do not change.
public protocol SteppedModel: SendableMetatype {
    /// Agents stepped per tick, for progress and throughput figures.
    var agentCount: Int { get }

    /// Advances from the state at the end of `tick - 1` to the end of
    /// `tick` (ticks run 1...horizon; tick 0 is the initial state).
    mutating func step(tick: Int)

    /// The columns of the model's time series (after the experiment's
    /// identity columns and the tick), each read from the current state.
    static var timeseries: ColumnTable<Self> { get }

    /// Rows of extra table `table` (0-based: the experiment names how many)
    /// describing the current state at `tick`, each without the identity
    /// columns; empty when the table has nothing at this tick.
    func extraRows(table: Int, tick: Int) -> [CSVRecord]
}

extension SteppedModel {
    public func extraRows(table: Int, tick: Int) -> [CSVRecord] { [] }
}

/// One run of an experiment: which parameter point, which replicate, which
/// master seed. `index` orders the rows in the output.
public struct RunSpec: Sendable, Hashable {
    public let index: Int
    public let point: Int
    public let replicate: Int
    public let seed: UInt64

    public init(index: Int, point: Int = 0, replicate: Int, seed: UInt64) {
        self.index = index
        self.point = point
        self.replicate = replicate
        self.seed = seed
    }

    /// The random streams of this run.
    public var streams: RandomStreams { RandomStreams(seed: seed, replicate: replicate) }
}
