import AgentEngine
import SMEModel

/// A sweep read back from what its folder recorded, without the sweep file
/// or the files it names: `merge` rebuilds the sweep its shards ran, to
/// write the tables and the manifest a sweep writes.
///
/// The record holds the sweep file's name, the resolved sweep as the
/// manifest records it, and the base scenario's document. The plan is read
/// with `SweepPlan(json:)`, the inverse of what the sweep recorded (as
/// `analyze` reads it), and the sweep read back must
/// have the content the folder recorded — the same plan and resolved base
/// scenario (`SweepSetup.content`) — or it is not read at all.
extension SweepSetup {
    /// What a sweep folder records to read its sweep back.
    var record: JSONValue {
        .object(["file": .string(file), "sweep": json, "scenario": document])
    }

    /// The sweep of `record`, if it reads back with exactly `content`.
    static func reading(_ record: JSONValue, content: JSONObject) -> SweepSetup? {
        guard case .string(let file)? = record.value(at: ["file"]), let sweep = record.value(at: ["sweep"]),
              case .string(let name)? = sweep.value(at: ["name"]), case .string(let description)? = sweep.value(at: ["description"]),
              case .object(let set)? = sweep.value(at: ["set"]),
              let document = record.value(at: ["scenario"]), let base = try? Scenario.decode(document),
              let plan = try? SweepPlan(json: sweep, maximumPoints: SweepFile.maximumPoints),
              SweepFile.fits(pointCount: plan.points.count, replicates: plan.replicates) else { return nil }
        var scenarioFile: String?
        if case .string(let path)? = sweep.value(at: ["scenario_file"]) { scenarioFile = path }
        let overlay = SchemaOverlay(schema: Scenario.schema, document: document, decoded: base)
        let keys = plan.parameters.compactMap { Scenario.schema.parameter($0.path) }
        let points = PointSummary(plan.points.count) { point throws(RunFailure) in
            try SweepSetup.scenario(ofPoint: point, plan: plan, overlay: overlay, keys: keys)
        }
        let setup = SweepSetup(file: file, name: name, description: description, scenarioFile: scenarioFile,
                               set: set.entries.map { (path: $0.key, value: $0.value) }, plan: plan, overlay: overlay,
                               document: document, keys: keys, points: points)
        return keys.count == plan.parameters.count && setup.content == content ? setup : nil
    }
}
