/// A recorded sweep plan that cannot be read back: the key path of the
/// first value that is missing or not as `SweepPlan.json` writes it.
public struct SweepPlanProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

extension SweepPlan {
    /// The plan a resolved sweep records (`json`, as a finished sweep's
    /// manifest holds it under `sweep`), read back: the inverse of `json`,
    /// so the sweep's points are rebuilt exactly. An interval whose bounds
    /// are written as whole numbers (`1`, not `1.0`) is an integer key's, as
    /// `SweepParameter.json` writes them. Keys it does not use (a manifest's
    /// `name`, `set`, …) are ignored. A plan of more than `maximumPoints`
    /// points is refused before any is built.
    public init(json: JSONValue, maximumPoints: Int) throws(SweepPlanProblem) {
        let root = try Self.object(json, at: "sweep")
        let parameters = try Self.object(root["parameters"], at: "sweep.parameters").entries.map { entry throws(SweepPlanProblem) in
            try Self.parameter(entry.key, entry.value)
        }
        if parameters.isEmpty { throw SweepPlanProblem("sweep.parameters", "is empty; a sweep varies at least one key") }
        let designPath = "sweep.design"
        let design = try Self.design(try Self.object(root["design"], at: designPath), at: designPath)
        if case .sobol = design, 2 * parameters.count > SobolSequence.maximumDimensions {
            throw SweepPlanProblem("sweep.parameters", "\(parameters.count) keys; a Sobol' design has at most \(SobolSequence.maximumDimensions / 2)")
        }
        let points = design.pointCount(parameters)
        guard points <= maximumPoints else {
            throw SweepPlanProblem(designPath, "\(points == Int.max ? "too many" : "\(points)") points; at most \(maximumPoints)")
        }
        let outcomes = try Self.object(root["outcomes"], at: "sweep.outcomes").entries.map { entry throws(SweepPlanProblem) in
            try Self.outcome(entry.key, entry.value)
        }
        let seeds = try Self.text(root["seeds"], at: "sweep.seeds")
        guard seeds == "common" || seeds == "independent" else {
            throw SweepPlanProblem("sweep.seeds", "\"\(seeds)\": expected \"common\" or \"independent\"")
        }
        guard let seed = Self.number(root["seed"])?.uint64Value else {
            throw SweepPlanProblem("sweep.seed", "missing or not a whole number from 0 to 2^64 − 1")
        }
        self.init(parameters: parameters, design: design,
                  replicates: try Self.count(root["replicates"], at: "sweep.replicates"), seed: seed,
                  independentSeeds: seeds == "independent", every: try Self.count(root["every"], at: "sweep.every"),
                  outcomes: outcomes)
    }

    private static func parameter(_ path: String, _ value: JSONValue) throws(SweepPlanProblem) -> SweepParameter {
        let at = "sweep.parameters.\(path)"
        let spec = try object(value, at: at)
        if case .array(let list)? = spec["values"] {
            guard !list.isEmpty else { throw SweepPlanProblem(at + ".values", "is empty") }
            return SweepParameter(path: path, range: .values(list))
        }
        guard let low = number(spec["min"]), let high = number(spec["max"]),
              let minimum = low.doubleValue, let maximum = high.doubleValue, minimum < maximum else {
            throw SweepPlanProblem(at, "expected {\"values\": [...]} or numbers \"min\" < \"max\"")
        }
        let scale = try text(spec["scale"], at: at + ".scale")
        guard scale == "linear" || scale == "log" else { throw SweepPlanProblem(at + ".scale", "\"\(scale)\": expected \"linear\" or \"log\"") }
        let levels = spec["levels"] == nil ? nil : try count(spec["levels"], at: at + ".levels", least: 2, most: 10_000)
        let integer = low.intValue != nil && high.intValue != nil
        return SweepParameter(path: path, range: .interval(min: minimum, max: maximum, logarithmic: scale == "log", integer: integer, levels: levels))
    }

    private static func design(_ spec: JSONObject, at path: String) throws(SweepPlanProblem) -> SweepDesign {
        let type = try text(spec["type"], at: path + ".type")
        switch type {
        case "grid": return .grid
        case "latin_hypercube": return .latinHypercube(samples: try count(spec["samples"], at: path + ".samples"))
        case "sobol":
            guard case .bool(let secondOrder)? = spec["second_order"] else {
                throw SweepPlanProblem(path + ".second_order", "missing or not true or false")
            }
            return .sobol(samples: try count(spec["samples"], at: path + ".samples"), secondOrder: secondOrder)
        case "morris":
            let levels = try count(spec["levels"], at: path + ".levels")
            guard levels >= 2, levels % 2 == 0 else { throw SweepPlanProblem(path + ".levels", "\(levels): expected an even number") }
            return .morris(trajectories: try count(spec["trajectories"], at: path + ".trajectories"), levels: levels)
        case "points":
            guard case .array(let rows)? = spec["rows"] else { throw SweepPlanProblem(path + ".rows", "missing or not a list") }
            var points: [[JSONValue]] = []
            for row in rows {
                guard case .array(let values) = row else { throw SweepPlanProblem(path + ".rows", "a row is not a list") }
                points.append(values)
            }
            return .points(file: (try? text(spec["file"], at: path + ".file")) ?? "", rows: points)
        default:
            throw SweepPlanProblem(path + ".type", "\"\(type)\": expected grid, latin_hypercube, sobol, morris or points")
        }
    }

    private static func outcome(_ name: String, _ value: JSONValue) throws(SweepPlanProblem) -> Outcome {
        let at = "sweep.outcomes.\(name)"
        let spec = try object(value, at: at)
        let stat = try text(spec["stat"], at: at + ".stat")
        guard let statistic = Outcome.Statistic(rawValue: stat) else { throw SweepPlanProblem(at + ".stat", "\"\(stat)\" is not a statistic") }
        let from = statistic == .at ? spec["tick"] : spec["from"]
        return Outcome(name, column: try text(spec["column"], at: at + ".column"), statistic,
                       from: from == nil ? nil : try count(from, at: at + (statistic == .at ? ".tick" : ".from"), least: 0),
                       to: spec["to"] == nil ? nil : try count(spec["to"], at: at + ".to", least: 0))
    }

    private static let largestCount = 10_000_000

    private static func object(_ value: JSONValue?, at path: String) throws(SweepPlanProblem) -> JSONObject {
        guard case .object(let object)? = value else { throw SweepPlanProblem(path, "missing or not an object") }
        return object
    }

    private static func text(_ value: JSONValue?, at path: String) throws(SweepPlanProblem) -> String {
        guard case .string(let text)? = value else { throw SweepPlanProblem(path, "missing or not text") }
        return text
    }

    private static func number(_ value: JSONValue?) -> JSONNumber? {
        guard case .number(let number)? = value else { return nil }
        return number
    }

    /// A whole number from `least` to `largestCount`: no count of a plan
    /// the tool writes is larger, and a product of two cannot overflow.
    private static func count(_ value: JSONValue?, at path: String, least: Int = 1, most: Int = largestCount) throws(SweepPlanProblem) -> Int {
        guard let count = number(value)?.intValue, count >= least, count <= most else {
            throw SweepPlanProblem(path, "missing or not a whole number from \(least) to \(most)")
        }
        return count
    }
}
