/// A sweep's runs: its points (from the design) times its replicates, in
/// a fixed order, each with its seed.
///
/// Run `index` is replicate `index % replicates` of point
/// `index / replicates`. With common seeds (the default), replicate r of
/// every point draws from the streams of (seed, r): points are compared on
/// common random numbers, so a difference between two points is the
/// parameters' effect, not noise. With independent seeds each point has a
/// seed of its own, mixed from the sweep's seed and the point's number.
public struct SweepPlan: Sendable {
    public let parameters: [SweepParameter]
    public let design: SweepDesign
    public let replicates: Int
    public let seed: UInt64
    public let independentSeeds: Bool
    /// Time-series rows are kept at ticks that are multiples of this (and
    /// at each run's last tick).
    public let every: Int
    public let outcomes: [Outcome]
    /// One value per parameter for every point.
    public let points: [[JSONValue]]

    public init(parameters: [SweepParameter], design: SweepDesign, replicates: Int, seed: UInt64,
                independentSeeds: Bool, every: Int, outcomes: [Outcome]) {
        self.parameters = parameters
        self.design = design
        self.replicates = replicates
        self.seed = seed
        self.independentSeeds = independentSeeds
        self.every = every
        self.outcomes = outcomes
        points = design.points(parameters, seed: seed)
    }

    public var runCount: Int { points.count * replicates }

    public func run(_ index: Int) -> RunSpec {
        let point = index / replicates
        return RunSpec(index: index, point: point, replicate: index % replicates, seed: seed(ofPoint: point))
    }

    public func seed(ofPoint point: Int) -> UInt64 {
        independentSeeds ? combineKey(mix64(seed ^ 0x7377_6565_702E_7074), UInt64(point)) : seed
    }

    /// The sweep's own settings as the resolved sweep records them.
    public var json: JSONValue {
        .object([
            "parameters": .object(JSONObject(parameters.map { (key: $0.path, value: $0.json) })),
            "design": design.json,
            "replicates": .int(replicates),
            "seed": .int(seed),
            "seeds": .string(independentSeeds ? "independent" : "common"),
            "every": .int(every),
            "outcomes": .object(JSONObject(outcomes.map { (key: $0.name, value: $0.json) })),
        ])
    }
}
