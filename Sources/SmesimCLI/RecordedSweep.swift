import AgentEngine
import SMEModel

/// A sweep read back from what its folder recorded, without the sweep file
/// or the files it names: `merge` rebuilds the sweep its shards ran, to
/// write the tables and the manifest a sweep writes.
///
/// The record holds the sweep file's name, the resolved sweep as the
/// manifest records it, and the base scenario's document. It is read with
/// the sweep file's own readers of parameters, designs and outcomes (a
/// points design from the rows it recorded), and the sweep read back must
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
              let plan = readPlan(sweep, base: base) else { return nil }
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

    /// The plan of a resolved sweep, checked as a sweep file's is.
    private static func readPlan(_ sweep: JSONValue, base: Scenario) -> SweepPlan? {
        let diagnostics = InputDiagnostics()
        let root = ObjectReader(document: sweep, diagnostics: diagnostics)
        var parameters: [SweepParameter] = []
        let parameterReader = root.object("parameters")
        if case .object(let entries)? = root.raw("parameters") {
            for (path, spec) in entries.entries {
                if let parameter = SweepFile.readParameter(path, spec, reader: parameterReader, base: base) {
                    parameters.append(parameter)
                }
            }
        }
        let design: SweepDesign?
        if case .string(let file)? = sweep.value(at: ["design", "file"]), case .array(let rows)? = sweep.value(at: ["design", "rows"]) {
            let points = rows.compactMap { row -> [JSONValue]? in
                if case .array(let values) = row, values.count == parameters.count { return values }
                return nil
            }
            design = points.count == rows.count && !points.isEmpty ? .points(file: file, rows: points) : nil
        } else {
            design = DesignReader(root: root, folder: "").read(root.raw("design"), parameters: &parameters, base: base)
        }
        let replicates = root.integer("replicates", default: 0, in: 1...SweepFile.maximumReplicates)
        let seed = root.unsigned64("seed", default: 0)
        let seeds = root.choice("seeds", default: "", oneOf: ["common", "independent"])
        let every = root.integer("every", default: 1, in: Scenario.tickStepLimit)
        let outcomes = SweepFile.readOutcomes(root, taken: [])
        guard diagnostics.problems.isEmpty, let design, !parameters.isEmpty,
              SweepFile.fits(pointCount: design.pointCount(parameters), replicates: replicates) else { return nil }
        return SweepPlan(parameters: parameters, design: design, replicates: replicates, seed: seed,
                         independentSeeds: seeds == "independent", every: every, outcomes: outcomes)
    }
}
