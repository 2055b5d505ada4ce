import AgentEngine
import SMEModel

/// Every point of a sweep checked against the rules between keys, with the
/// length and size of its runs (for progress, throughput and the memory
/// bound); points that break a rule have length and size 0.
struct PointSummary {
    var horizons: [Int] = []
    var firms: [Int] = []
    var largestBytesPerRun = 0.0
    var invalid = 0
    var firstInvalid: (point: Int, reason: String)?

    init(_ count: Int, scenario: (Int) throws(RunFailure) -> Scenario) {
        horizons.reserveCapacity(count)
        firms.reserveCapacity(count)
        for point in 0..<count {
            do {
                let run = try scenario(point)
                horizons.append(run.horizon)
                firms.append(run.firms.count)
                largestBytesPerRun = Swift.max(largestBytesPerRun, run.estimatedBytesPerRun)
            } catch {
                horizons.append(0)
                firms.append(0)
                invalid += 1
                if firstInvalid == nil { firstInvalid = (point, error.reason) }
            }
        }
    }

    /// The shortest horizon of a point that runs, and that point.
    var shortestHorizon: (ticks: Int, point: Int)? {
        var shortest: (ticks: Int, point: Int)?
        for (point, horizon) in horizons.enumerated() where firms[point] > 0 {
            if horizon < shortest?.ticks ?? .max { shortest = (horizon, point) }
        }
        return shortest
    }
}
