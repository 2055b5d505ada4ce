/// The elementary effects of one outcome on a Morris design (rows in
/// `MorrisDesign`'s layout: trajectories of D + 1 rows, each row changing
/// one coordinate of the row before), and their measures, exactly as
/// SALib 1.6's `morris.analyze` (unscaled) computes them:
///
///     EE_j = (y where x_j is higher − y where x_j is lower) / Δ,   Δ = p / (2(p − 1))
///     μ = mean(EE),   μ* = mean(|EE|),   σ = sd(EE)  (divisor r − 1)
///
/// over the r trajectories given (all of them, or a bootstrap resample).
/// With x in the unit cube and a key swept over [min, max], EE is the
/// change of the outcome over the key's whole range at that slope: an
/// outcome c·value has μ = c·(max − min), μ* = |μ| and σ = 0.
public struct ElementaryEffects: Sendable {
    public let dimensions: Int
    public let trajectories: Int
    /// effects[j][t]: parameter j's effect in trajectory t.
    public let effects: [[Double]]

    /// Nil when `rows` are not Morris trajectories of `dimensions`
    /// coordinates (a step that changes more or less than one coordinate,
    /// a coordinate changed twice in a trajectory) or `values` has not one
    /// value per row.
    public init?(rows: [[Double]], values: [Double], levels: Int) {
        guard let dimensions = rows.first?.count, dimensions > 0, levels >= 2,
              rows.count % (dimensions + 1) == 0, values.count == rows.count,
              rows.allSatisfy({ $0.count == dimensions }) else { return nil }
        let delta = Double(levels) / (2 * Double(levels - 1))
        let size = dimensions + 1
        var effects = [[Double]](repeating: [], count: dimensions)
        for start in stride(from: 0, to: rows.count, by: size) {
            var changed = Set<Int>()
            for step in start + 1..<start + size {
                let moved = (0..<dimensions).filter { rows[step][$0] != rows[step - 1][$0] }
                guard moved.count == 1, let j = moved.first, changed.insert(j).inserted else { return nil }
                let up = rows[step][j] > rows[step - 1][j]
                let change = up ? values[step] - values[step - 1] : values[step - 1] - values[step]
                effects[j].append(change / delta)
            }
        }
        self.dimensions = dimensions
        trajectories = rows.count / size
        self.effects = effects
    }

    /// μ, μ* and σ of every parameter over trajectories `rows` (nil: all).
    public func measures(_ rows: [Int]? = nil) -> MorrisMeasures {
        var measures = MorrisMeasures(mu: [], muStar: [], sigma: [])
        for effects in self.effects {
            let sample = rows.map { $0.map { effects[$0] } } ?? effects
            let summary = SampleSummary(sample)
            measures.mu.append(summary.mean)
            measures.muStar.append(sample.reduce(0) { $0 + abs($1) } / Double(sample.count))
            measures.sigma.append(summary.variance.squareRoot())
        }
        return measures
    }
}

/// Morris's measures of one outcome, by parameter.
public struct MorrisMeasures: Sendable, Equatable {
    public var mu: [Double]
    public var muStar: [Double]
    /// NaN with a single trajectory.
    public var sigma: [Double]

    public init(mu: [Double], muStar: [Double], sigma: [Double]) {
        self.mu = mu
        self.muStar = muStar
        self.sigma = sigma
    }

    /// μ, then μ*, then σ, in one list.
    public var flattened: [Double] { mu + muStar + sigma }
}
