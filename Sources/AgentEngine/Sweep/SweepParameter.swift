import Foundation

/// One swept key and the values it takes: a list, or a numeric interval
/// (linear or logarithmic, rounded for integer keys).
///
/// Designs work on the unit cube; `value(at:)` maps a coordinate u in
/// [0, 1] to the key's value, so the same parameter serves grids, Latin
/// hypercubes, Sobol' and Morris designs. A list is split into equal
/// slices of [0, 1] (u = 1 is the last value).
public struct SweepParameter: Sendable, Equatable {
    public enum Range: Sendable, Equatable {
        case values([JSONValue])
        /// `levels` is the number of grid points (grid designs only).
        case interval(min: Double, max: Double, logarithmic: Bool, integer: Bool, levels: Int?)
    }

    /// The key path in the scenario (`platform.commission`).
    public let path: String
    public let range: Range

    public init(path: String, range: Range) {
        self.path = path
        self.range = range
    }

    /// The value at unit coordinate `u`.
    public func value(at u: Double) -> JSONValue {
        switch range {
        case .values(let list):
            return list[Swift.min(Swift.max(Int(u * Double(list.count)), 0), list.count - 1)]
        case let .interval(low, high, logarithmic, integer, _):
            let x = logarithmic ? exp(log(low) + u * (log(high) - log(low))) : low + u * (high - low)
            // Exact bounds at the ends, whatever the rounding of exp and log;
            // inside, 12 significant digits (0.15, not 0.15000000000000002),
            // the value the run uses and the tables show.
            let bounded = u <= 0 ? low : u >= 1 ? high : Swift.min(Swift.max(significantDigits(x, 12), low), high)
            return integer ? .int(Int(bounded.rounded())) : .double(bounded)
        }
    }


    /// The values a grid takes: the list, or `levels` evenly spaced points
    /// of the interval (geometrically spaced when logarithmic); nil for an
    /// interval without levels.
    public var gridValues: [JSONValue]? {
        switch range {
        case .values(let list): return list
        case .interval(_, _, _, _, let levels):
            guard let levels, levels >= 2 else { return nil }
            var seen: [JSONValue] = []
            for k in 0..<levels {
                let value = value(at: Double(k) / Double(levels - 1))
                if seen.last != value { seen.append(value) }
            }
            return seen
        }
    }

    /// The parameter as a sweep file writes it.
    public var json: JSONValue {
        switch range {
        case .values(let list): return .object(["values": .array(list)])
        case let .interval(low, high, logarithmic, integer, levels):
            var object: JSONObject = [
                "min": integer ? .int(Int(low)) : .double(low),
                "max": integer ? .int(Int(high)) : .double(high),
                "scale": .string(logarithmic ? "log" : "linear"),
            ]
            if let levels { object["levels"] = .int(levels) }
            return .object(object)
        }
    }

    /// The value as a field of a CSV row (points.csv, identity columns):
    /// numbers and booleans as such, text as text, anything else as its
    /// compact JSON.
    public static func field(_ value: JSONValue) -> FieldValue {
        switch value {
        case .number(let number):
            if let integer = number.intValue { return .integer(integer) }
            return .number(number.doubleValue ?? .nan)
        case .bool(let flag): return .boolean(flag)
        case .string(let text): return .text(text)
        default: return .text(value.compact())
        }
    }
}
