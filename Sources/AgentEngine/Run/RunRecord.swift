/// What became of one run: its identity, whether it finished, how long it
/// took and its outcomes. One line of the run journal, one row of `runs.csv`.
public struct RunRecord: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case ok
        /// The run could not be made or failed; the reason says why.
        case failed(String)

        public var name: String {
            if case .ok = self { return "ok" }
            return "failed"
        }

        public var reason: String {
            if case .failed(let reason) = self { return reason }
            return ""
        }
    }

    /// Position of the run in the experiment (orders every output table).
    public let index: Int
    /// Hash of what the run is a pure function of (see the caller); empty
    /// when the run could not be made.
    public let runID: String
    public let status: Status
    public let wallSeconds: Double
    /// One value per outcome, in the experiment's order; NaN is missing.
    public let outcomes: [Double]

    public init(index: Int, runID: String, status: Status, wallSeconds: Double, outcomes: [Double]) {
        self.index = index
        self.runID = runID
        self.status = status
        self.wallSeconds = wallSeconds
        self.outcomes = outcomes
    }

    /// The columns `fields` writes, after the experiment's identity columns.
    public static func columns(outcomes: [Outcome]) -> [ColumnSpec] {
        [
            ColumnSpec("run_id", .string, "Hash of the run's resolved scenario (without replicates and seed), replicate, seed and tool version: the same run has the same id in any experiment."),
            ColumnSpec("status", .string, "ok, or failed (the run could not be made, e.g. swept values that break a rule between keys)."),
            ColumnSpec("reason", .string, "Why the run failed; empty when it is ok."),
            ColumnSpec("wall_seconds", .number, unit: "s", "Wall time of the run (the only field that differs between repetitions of an experiment)."),
        ] + outcomes.map { ColumnSpec($0.name, .number, "Outcome: \($0.summary); empty when missing.") }
    }

    /// Appends the fields of `columns(outcomes:)`.
    public func appendFields(to record: inout CSVRecord) {
        record.append(text: runID)
        record.append(text: status.name)
        record.append(text: status.reason)
        record.append(wallSeconds)
        for value in outcomes { record.append(value) }
    }

    // MARK: Journal form

    var json: JSONValue {
        .object([
            "index": .int(index),
            "run_id": .string(runID),
            "status": .string(status.name),
            "reason": .string(status.reason),
            "wall_seconds": .double(wallSeconds),
            "outcomes": .array(outcomes.map(JSONValue.double)),
        ])
    }

    init?(json: JSONValue) {
        guard case .object(let o) = json,
              case .number(let index)? = o["index"], let i = index.intValue,
              case .string(let runID)? = o["run_id"],
              case .string(let status)? = o["status"],
              case .string(let reason)? = o["reason"],
              case .number(let wall)? = o["wall_seconds"], let seconds = wall.doubleValue,
              case .array(let values)? = o["outcomes"] else { return nil }
        self.index = i
        self.runID = runID
        self.status = status == "ok" ? .ok : .failed(reason)
        self.wallSeconds = seconds
        self.outcomes = values.map { value in
            if case .number(let number) = value { return number.doubleValue ?? .nan }
            return .nan
        }
    }
}

/// A run that cannot be made (e.g. a sweep point that breaks a rule
/// between keys): recorded as failed, and the experiment goes on.
public struct RunFailure: Error, Sendable, CustomStringConvertible {
    public let reason: String

    /// Line breaks become "; ", so a reason stays on one line of `runs.csv`.
    public init(_ reason: String) {
        self.reason = reason.split(whereSeparator: \.isNewline).joined(separator: "; ")
    }

    public var description: String { reason }
}
