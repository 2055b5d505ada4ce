/// The outcomes of a sweep's runs, as `runs.csv` holds them: one value per
/// run and outcome, NaN where the run failed or has no value. Run i is
/// replicate i % replicates of point i / replicates (as `SweepPlan`).
public struct SweepOutcomes: Sendable {
    public let names: [String]
    public let points: Int
    public let replicates: Int
    /// [run · names.count + outcome].
    private var values: [Double]

    /// Every value missing until set.
    public init(names: [String], points: Int, replicates: Int) {
        self.names = names
        self.points = points
        self.replicates = replicates
        values = [Double](repeating: .nan, count: points * replicates * names.count)
    }

    public mutating func set(_ value: Double, point: Int, replicate: Int, outcome: Int) {
        values[(point * replicates + replicate) * names.count + outcome] = value
    }

    public func value(point: Int, replicate: Int, outcome: Int) -> Double {
        values[(point * replicates + replicate) * names.count + outcome]
    }

    /// The outcome at each point in `replicate`, or (nil) its mean over
    /// the replicates with a value (NaN where none has one).
    public func series(_ outcome: Int, replicate: Int?) -> [Double] {
        (0..<points).map { point in
            if let replicate { return value(point: point, replicate: replicate, outcome: outcome) }
            return SampleSummary((0..<replicates).map { value(point: point, replicate: $0, outcome: outcome) }).mean
        }
    }

    /// Whether every run has a value of the outcome.
    public func isComplete(_ outcome: Int) -> Bool {
        stride(from: outcome, to: values.count, by: names.count).allSatisfy { values[$0].isFinite }
    }
}
