/// How a sweep chooses its points in the space of its parameters.
///
/// The points are a pure function of the design, the parameters and the
/// sweep's seed (Latin hypercube and Morris draw from a stream of their
/// own), so a sweep always has the same points in the same order.
public enum SweepDesign: Sendable, Equatable {
    /// Every combination of the parameters' values (intervals need
    /// `levels`); the last parameter varies fastest.
    case grid
    case latinHypercube(samples: Int)
    /// Saltelli's scheme on a Sobol' sequence; `samples` (N) is a power of two.
    case sobol(samples: Int, secondOrder: Bool)
    case morris(trajectories: Int, levels: Int)
    /// Points listed in a CSV file, one value per parameter.
    case points(file: String, rows: [[JSONValue]])

    public var name: String {
        switch self {
        case .grid: return "grid"
        case .latinHypercube: return "latin_hypercube"
        case .sobol: return "sobol"
        case .morris: return "morris"
        case .points: return "points"
        }
    }

    /// The number of points for `parameters` (without building them).
    public func pointCount(_ parameters: [SweepParameter]) -> Int {
        let d = parameters.count
        switch self {
        case .grid:
            return parameters.reduce(1) { count, p in
                let (product, overflow) = count.multipliedReportingOverflow(by: p.gridValues?.count ?? 0)
                return overflow ? Int.max : product
            }
        case .latinHypercube(let samples): return samples
        case .sobol(let samples, let secondOrder): return samples * (secondOrder ? 2 * d + 2 : d + 2)
        case .morris(let trajectories, _): return trajectories * (d + 1)
        case .points(_, let rows): return rows.count
        }
    }

    /// The design's coordinates in the unit cube, one row per point, for
    /// designs built there (nil for grids and listed points).
    public func unitRows(dimensions: Int, seed: UInt64) -> [[Double]]? {
        switch self {
        case .grid, .points: return nil
        case .latinHypercube(let samples):
            var generator = Self.generator(seed, "design.latin_hypercube")
            return LatinHypercube.rows(samples: samples, dimensions: dimensions, generator: &generator)
        case .sobol(let samples, let secondOrder):
            return SaltelliDesign.rows(samples: samples, dimensions: dimensions, secondOrder: secondOrder)
        case .morris(let trajectories, let levels):
            var generator = Self.generator(seed, "design.morris")
            return MorrisDesign.rows(trajectories: trajectories, dimensions: dimensions, levels: levels, generator: &generator)
        }
    }

    /// Every point: one value per parameter, in the parameters' order.
    public func points(_ parameters: [SweepParameter], seed: UInt64) -> [[JSONValue]] {
        switch self {
        case .grid:
            var points: [[JSONValue]] = [[]]
            for parameter in parameters {
                let values = parameter.gridValues ?? []
                points = points.flatMap { point in values.map { point + [$0] } }
            }
            return points
        case .points(_, let rows):
            return rows
        default:
            let rows = unitRows(dimensions: parameters.count, seed: seed) ?? []
            return rows.map { row in zip(parameters, row).map { $0.value(at: $1) } }
        }
    }

    private static func generator(_ seed: UInt64, _ purpose: String) -> SplitMix64 {
        RandomStreams(seed: seed, replicate: 0).generator(RandomPurpose(purpose))
    }

    /// The design's settings as a sweep file writes them, with a points
    /// file's rows rather than its name: what the points are a function of
    /// (the resolved sweep records them; the caller adds the file's name).
    public var json: JSONValue {
        var object: JSONObject = ["type": .string(name)]
        switch self {
        case .grid: break
        case .latinHypercube(let samples): object["samples"] = .int(samples)
        case .sobol(let samples, let secondOrder):
            object["samples"] = .int(samples)
            object["second_order"] = .bool(secondOrder)
        case .morris(let trajectories, let levels):
            object["trajectories"] = .int(trajectories)
            object["levels"] = .int(levels)
        case .points(_, let rows):
            object["rows"] = .array(rows.map(JSONValue.array))
        }
        return .object(object)
    }
}
