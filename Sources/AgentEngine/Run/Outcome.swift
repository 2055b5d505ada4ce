/// A named summary of one run's time series (a column's final value, its
/// value at a tick, or its mean, sum, least or greatest value over a range
/// of ticks), written to `runs.csv`.
///
/// Outcomes are computed from every tick a run steps, whatever ticks the
/// time series keeps (`every`), so they do not depend on thinning. Missing
/// values (empty fields) are skipped; an outcome with no value is missing.
public struct Outcome: Sendable, Equatable {
    public enum Statistic: String, Sendable, CaseIterable {
        /// The value at the run's last tick.
        case final
        /// The value at tick `from`.
        case at
        case mean, sum, min, max
    }

    public let name: String
    public let column: String
    public let statistic: Statistic
    /// First and last tick of the range (`at`: the tick); nil is the run's
    /// first (0) or last tick.
    public let from: Int?
    public let to: Int?

    public init(_ name: String, column: String, _ statistic: Statistic, from: Int? = nil, to: Int? = nil) {
        self.name = name
        self.column = column
        self.statistic = statistic
        self.from = from
        self.to = to
    }

    /// "mean of member_share over ticks 60–120", for the manifest.
    public var summary: String {
        switch statistic {
        case .final: return "\(column) at the run's last tick"
        case .at: return "\(column) at tick \(from ?? 0)"
        default:
            let range = "ticks \(from ?? 0)–\(to.map(String.init) ?? "last")"
            return "\(statistic.rawValue) of \(column) over \(range)"
        }
    }

    /// The outcome as a sweep file writes it.
    public var json: JSONValue {
        var object: JSONObject = ["column": .string(column), "stat": .string(statistic.rawValue)]
        if statistic == .at { object["tick"] = .int(from ?? 0) } else {
            if let from { object["from"] = .int(from) }
            if let to { object["to"] = .int(to) }
        }
        return .object(object)
    }
}

/// Accumulates one outcome over a run's ticks.
struct OutcomeAccumulator {
    let outcome: Outcome
    let column: Int
    let horizon: Int
    private var sum = 0.0, count = 0, least = Double.infinity, greatest = -Double.infinity
    private var value = Double.nan

    init(_ outcome: Outcome, column: Int, horizon: Int) {
        self.outcome = outcome
        self.column = column
        self.horizon = horizon
    }

    mutating func observe(tick: Int, _ fields: [FieldValue]) {
        let x = fields[column].number
        switch outcome.statistic {
        case .final:
            if tick == horizon { value = x }
        case .at:
            if tick == (outcome.from ?? 0) { value = x }
        case .mean, .sum, .min, .max:
            guard tick >= (outcome.from ?? 0), tick <= (outcome.to ?? horizon), x.isFinite else { return }
            sum += x
            count += 1
            least = Swift.min(least, x)
            greatest = Swift.max(greatest, x)
        }
    }

    var result: Double {
        switch outcome.statistic {
        case .final, .at: return value
        case .mean: return count > 0 ? sum / Double(count) : .nan
        case .sum: return count > 0 ? sum : .nan
        case .min: return count > 0 ? least : .nan
        case .max: return count > 0 ? greatest : .nan
        }
    }
}
