import AgentEngine
import Foundation
import SMEModel

/// A sweep file read and checked: the base scenario (file or inline, with
/// `set` and `--set` applied), the swept keys and their values, the
/// design, replicates, seeds and outcomes, and every point checked.
struct SweepSetup {
    let file: String
    let name: String
    let description: String
    /// The scenario file as the sweep names it (nil: inline or the default).
    let scenarioFile: String?
    /// The sweep file's `set`, then the command line's, in the order applied
    /// (a later one for the same key wins).
    let set: [(path: String, value: JSONValue)]
    let plan: SweepPlan
    /// The resolved base scenario (the sweep's replicates and seed in it),
    /// onto which each point's values are set.
    let overlay: SchemaOverlay<Scenario>
    /// The base scenario's document, with `set`, `--set`, replicates and
    /// seed applied: the overlay is this document's (which keys it leaves
    /// to their defaults matters where a default derives from a swept key).
    let document: JSONValue
    /// The key of each swept parameter, in the plan's order.
    let keys: [Parameter<Scenario>]
    /// Every point checked: its length and size, or why it cannot run.
    let points: PointSummary

    var base: Scenario { overlay.base }

    /// The resolved sweep as the manifest records it: as given (name,
    /// description, files, `set`), then the plan.
    var json: JSONValue {
        var object: JSONObject = [
            "name": .string(name),
            "description": .string(description),
            "scenario_file": scenarioFile.map(JSONValue.string) ?? .null,
        ]
        var overrides = JSONObject()
        for (path, value) in set { overrides[path] = value }
        object["set"] = .object(overrides)
        if case .object(let settings) = plan.json {
            for (key, value) in settings.entries { object[key] = value }
        }
        if case .points(let pointsFile, _) = plan.design, let design = object["design"] {
            object["design"] = design.setting(["file"], to: .string(pointsFile))
        }
        return .object(object)
    }

    /// What the sweep's results are a function of, however the sweep was
    /// spelled (file names, description, the order and spelling of `set`
    /// and `--set`): the plan and the resolved base scenario (without its
    /// name and description; the plan holds its replicates and seed).
    var content: JSONObject {
        ["sweep": plan.json, "scenario": (try? JSONParser.parse(base.runDefinition)) ?? .null]
    }

    /// The point's scenario: the base with the point's values.
    func scenario(ofPoint point: Int) throws(RunFailure) -> Scenario {
        try Self.scenario(ofPoint: point, plan: plan, overlay: overlay, keys: keys)
    }

    static func scenario(ofPoint point: Int, plan: SweepPlan, overlay: SchemaOverlay<Scenario>,
                         keys: [Parameter<Scenario>]) throws(RunFailure) -> Scenario {
        do {
            return try overlay.root(setting: Array(zip(keys, plan.points[point])))
        } catch {
            throw RunFailure(error.problems.map(\.description).joined(separator: "; "))
        }
    }

    /// The identity columns of a sweep's tables: point, replicate, seed and
    /// one column per swept key (named by its key path).
    var identityColumns: [ColumnSpec] { Self.identityColumns(parameterColumns) }

    static func identityColumns(_ parameterColumns: [ColumnSpec]) -> [ColumnSpec] {
        [IdentityColumns.point, IdentityColumns.replicate, IdentityColumns.seed] + parameterColumns
    }

    var parameterColumns: [ColumnSpec] { Self.parameterColumns(plan.parameters) }

    static func parameterColumns(_ parameters: [SweepParameter]) -> [ColumnSpec] {
        parameters.map { parameter in
            let key = Scenario.schema.parameter(parameter.path)
            let kind: ColumnSpec.Kind
            switch key?.domain {
            case .integer?: kind = .integer
            case .number?: kind = .number
            case .boolean?: kind = .boolean
            default: kind = .string
            }
            return ColumnSpec(parameter.path, kind, unit: key?.unit ?? "", "Swept key: \(key?.meaning ?? parameter.path)")
        }
    }

    /// The fields of `identityColumns` for run `spec`.
    func identity(_ spec: RunSpec) -> CSVRecord {
        var row = CSVRecord()
        row.append(spec.point)
        row.append(spec.replicate)
        row.append(spec.seed)
        for value in plan.points[spec.point] { row.append(SweepParameter.field(value)) }
        return row
    }
}

/// Reads a sweep file strictly (see Simulations/README.md): every key and
/// every value is checked against the scenario schema before anything
/// runs, and every problem is reported with its key path.
enum SweepFile {
    static let maximumRuns = 10_000_000
    static let maximumPoints = 1_000_000
    static let maximumReplicates = 100_000
    /// Keys the sweep sets itself, or that change no result.
    static let unsweepable: [String: String] = [
        "replicates": "set by the sweep's own \"replicates\"",
        "seed": "set by the sweep's own \"seed\" and \"seeds\"",
        "name": "names the output, not a run",
        "description": "changes no result",
    ]

    static func load(_ file: String, overrides: [ScenarioOverride], every everyOverride: Int?) throws(CLIError) -> SweepSetup {
        let document = try ScenarioLoader.parse(try ScenarioLoader.read(file), label: file)
        let folder = (file as NSString).deletingLastPathComponent
        let diagnostics = InputDiagnostics()
        let root = ObjectReader(document: document, diagnostics: diagnostics)
        func fail() throws(CLIError) -> Never {
            throw .usage(ScenarioLoader.describe(diagnostics.problems, omitted: diagnostics.omitted) { "\(file): \($0)" })
        }

        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        if !root.contains("name"), let problem = Scenario.validateName(stem) {
            root.report("name", "missing, and the file's name cannot stand for it: \(problem)")
        }
        let name = root.text("name", default: stem, validate: Scenario.validateName)
        let description = root.text("description", default: "")

        // The base scenario, then `set`, then --set; each problem is told
        // against the last of them that set one of its keys.
        var scenarioFile: String?
        var base = JSONValue.object(JSONObject())
        var baseLabel = "\(file): scenario (inline)"
        switch root.raw("scenario") {
        case nil:
            baseLabel = "\(file): the embedded default scenario"
        case .string(let path)?:
            let resolved = ScenarioLoader.resolve(path, relativeTo: folder)
            scenarioFile = path
            baseLabel = resolved
            do {
                base = try ScenarioLoader.parse(try ScenarioLoader.read(resolved), label: resolved)
            } catch {
                throw .usage("\(file): scenario: \(error.message)")
            }
        case .object?:
            base = root.raw("scenario") ?? base
        case let other?:
            root.report("scenario", "expected a scenario file path or an inline scenario object, found \(other.kindDescription)")
        }
        var set: [(path: String, value: JSONValue)] = []
        var sources: [ScenarioLoader.Source] = []
        let setReader = root.object("set")
        if case .object(let entries)? = root.raw("set") {
            for (path, value) in entries.entries {
                _ = setReader.raw(path)
                do {
                    base = try Scenario.schema.setting(path, to: value, in: base)
                    set.append((path, value))
                    sources.append(ScenarioLoader.Source(path: path) { problem in
                        problem.path == path ? "\(file): set.\(problem)" : "\(file): set.\(path): \(problem)"
                    })
                } catch {
                    setReader.report(path, error.message)
                }
                if ownKeys.contains(path), root.contains(path) {
                    setReader.report(path, "the sweep's own \"\(path)\" sets it too; give it once, as \"\(path)\"")
                }
            }
        }
        setReader.finish()
        try diagnostics.check(or: fail)
        // The sweep's own replicates and seed come after its `set`, and a
        // --set of either after them: the later wins, as every --set does.
        if root.contains("replicates") {
            let replicates = root.integer("replicates", default: 1, in: 1...maximumReplicates)
            base = (try? Scenario.schema.setting("replicates", to: .int(replicates), in: base)) ?? base
        }
        if root.contains("seed") {
            let seed = root.unsigned64("seed", default: 0)
            base = (try? Scenario.schema.setting("seed", to: .int(seed), in: base)) ?? base
        }
        for override in overrides { set.append((override.path, override.value)) }
        base = try ScenarioLoader.apply(overrides, to: base, label: baseLabel)
        sources += overrides.map(\.source)
        let baseScenario = try ScenarioLoader.decode(base, label: baseLabel, sources: sources)

        // What is swept, and how.
        let design = root.raw("design")
        let designReader = DesignReader(root: root, folder: folder)
        var parameters: [SweepParameter] = []
        let parameterReader = root.object("parameters")
        if case .object(let entries)? = root.raw("parameters") {
            for (path, spec) in entries.entries {
                _ = parameterReader.raw(path)
                if let parameter = readParameter(path, spec, reader: parameterReader, base: baseScenario) {
                    parameters.append(parameter)
                }
            }
        }
        parameterReader.finish()
        let readDesign = designReader.read(design, parameters: &parameters, base: baseScenario)

        let replicates = baseScenario.replicates, seed = baseScenario.seed
        let seeds = root.choice("seeds", default: "common", oneOf: ["common", "independent"])
        let taken = RunsTable.columns(identity: SweepSetup.identityColumns(SweepSetup.parameterColumns(parameters)), outcomes: [])
        let outcomes = readOutcomes(root, taken: Set(taken.map(\.name)))
        let every = everyOverride ?? root.integer("every", default: 1, in: Scenario.tickStepLimit)
        root.finish()
        try diagnostics.check(or: fail)
        guard let readDesign else { try fail() }
        if parameters.isEmpty {
            throw .usage("\(file): parameters: a sweep needs at least one swept key (see Simulations/README.md)")
        }
        let pointCount = readDesign.pointCount(parameters)
        if !fits(pointCount: pointCount, replicates: replicates) {
            throw .usage("\(file): the sweep has \(pointCount) points × \(replicates) replicates; at most \(maximumPoints) points and \(maximumRuns) runs are allowed (split it, or use a sampling design)")
        }
        let overlay = SchemaOverlay(schema: Scenario.schema, document: base, decoded: baseScenario)
        let plan = SweepPlan(parameters: parameters, design: readDesign, replicates: replicates, seed: seed,
                             independentSeeds: seeds == "independent", every: every, outcomes: outcomes)
        let keys = plan.parameters.compactMap { Scenario.schema.parameter($0.path) }
        let points = PointSummary(plan.points.count) { point throws(RunFailure) in
            try SweepSetup.scenario(ofPoint: point, plan: plan, overlay: overlay, keys: keys)
        }
        let setup = SweepSetup(file: file, name: name, description: description, scenarioFile: scenarioFile, set: set,
                               plan: plan, overlay: overlay, document: base, keys: keys, points: points)
        try checkPoints(setup)
        return setup
    }

    /// Whether a sweep of `pointCount` points × `replicates` is within the
    /// limits on points and runs.
    static func fits(pointCount: Int, replicates: Int) -> Bool {
        let runs = pointCount.multipliedReportingOverflow(by: replicates)
        return pointCount <= maximumPoints && !runs.overflow && runs.partialValue <= maximumRuns
    }

    /// Keys of a scenario the sweep sets with its own key of the same name.
    static let ownKeys: Set<String> = ["replicates", "seed"]

    /// A sweep in which no point can run is an input error, as is an outcome
    /// read at a tick past the horizon (it would be empty in every run).
    static func checkPoints(_ setup: SweepSetup) throws(CLIError) {
        let points = setup.points
        guard let shortest = points.shortestHorizon else {
            let first = points.firstInvalid.map { " (point \($0.point): \($0.reason))" } ?? ""
            throw .usage("\(setup.file): every point of the sweep breaks a rule between keys\(first); nothing could run")
        }
        let varies = points.horizons.indices.contains { points.firms[$0] > 0 && points.horizons[$0] != shortest.ticks }
        var problems: [InputProblem] = []
        for outcome in setup.plan.outcomes {
            let ticks = outcome.statistic == .at ? [outcome.from ?? 0] : [outcome.from, outcome.to].compactMap { $0 }
            guard ticks.contains(where: { $0 > shortest.ticks }) else { continue }
            let told = ticks.count == 1 ? "tick \(ticks[0]) is" : "ticks \(ticks[0])–\(ticks[1]) reach"
            let horizon = varies ? "the shortest horizon of the sweep (\(shortest.ticks) ticks, at point \(shortest.point))"
                                 : "the horizon (\(shortest.ticks) ticks)"
            problems.append(InputProblem(path: "outcomes.\(outcome.name)", message: "\(told) past \(horizon); the outcome would be empty or cut short"))
        }
        if !problems.isEmpty {
            throw .usage(ScenarioLoader.describe(problems) { "\(setup.file): \($0)" })
        }
    }

    /// One entry of `parameters`: `{"values": [...]}` or `{"min", "max",
    /// "scale", "levels"}`, each value checked against the key's domain.
    static func readParameter(_ path: String, _ spec: JSONValue, reader: ObjectReader, base: Scenario) -> SweepParameter? {
        let key: Parameter<Scenario>
        switch sweepableKey(path) {
        case .success(let found): key = found
        case .failure(let problem):
            reader.report(path, problem.message)
            return nil
        }
        guard case .object = spec else {
            reader.report(path, "expected {\"values\": [...]} or {\"min\": a, \"max\": b}, found \(spec.kindDescription)")
            return nil
        }
        let spec = ObjectReader(document: spec, diagnostics: reader.diagnostics, path: keyPath(reader.path, path))
        defer { spec.finish() }
        if let values = spec.raw("values") {
            guard case .array(let list) = values, !list.isEmpty else {
                spec.report("values", "expected a non-empty array of values, found \(values.kindDescription)")
                return nil
            }
            var valid = true
            var canonical: [JSONValue] = []
            for (index, value) in list.enumerated() {
                switch key.canonical(value, in: base) {
                case .success(let value): canonical.append(value)
                case .failure(let problem):
                    spec.report("values[\(index)]", problem.message)
                    valid = false
                }
            }
            for name in ["min", "max", "scale", "levels"] where spec.contains(name) {
                spec.report(name, "give either \"values\" or \"min\" and \"max\", not both")
                valid = false
            }
            return valid ? SweepParameter(path: path, range: .values(canonical)) : nil
        }
        guard key.domain.isNumeric else {
            for name in ["min", "max", "scale", "levels"] { _ = spec.contains(name) }
            spec.report(nil, "\(path) takes \(key.domain.allowed.replacingOccurrences(of: "`", with: "")); list the values: {\"values\": [...]}")
            return nil
        }
        guard let low = spec.raw("min"), let high = spec.raw("max") else {
            spec.report(nil, "expected {\"values\": [...]} or {\"min\": a, \"max\": b}")
            return nil
        }
        var problems = false
        for (name, value) in [("min", low), ("max", high)] {
            if let problem = key.problem(with: value, in: base) {
                spec.report(name, problem)
                problems = true
            }
        }
        let scale = spec.choice("scale", default: "linear", oneOf: ["linear", "log"])
        let levels = spec.contains("levels") ? spec.integer("levels", default: 2, in: 2...10_000) : nil
        guard !problems, case .number(let a) = low, case .number(let b) = high,
              let minimum = a.doubleValue, let maximum = b.doubleValue else { return nil }
        guard minimum < maximum else {
            spec.report("max", "\(b.text) is not above min (\(a.text))")
            return nil
        }
        if scale == "log" && minimum <= 0 {
            spec.report("min", "a log scale needs min above 0, found \(a.text)")
            return nil
        }
        var integer = false
        if case .integer = key.domain { integer = true }
        return SweepParameter(path: path, range: .interval(min: minimum, max: maximum, logarithmic: scale == "log", integer: integer, levels: levels))
    }

    /// The key a sweep may vary at `path`, or why it cannot be swept (a
    /// group, an unknown key, one the sweep sets itself, free text).
    static func sweepableKey(_ path: String) -> Result<Parameter<Scenario>, ValueProblem> {
        let schema = Scenario.schema
        guard let key = schema.parameter(path) else {
            return .failure(ValueProblem(schema.isGroup(path)
                ? "is a group of keys; sweep its keys one by one (e.g. \(path).\(schema.parameters.first { $0.path.hasPrefix(path + ".") }?.keys.last ?? "…"))"
                : schema.unknownPathMessage(path)))
        }
        if let why = unsweepable[path] { return .failure(ValueProblem("cannot be swept (\(why))")) }
        if case .text = key.domain { return .failure(ValueProblem("free text cannot be swept")) }
        return .success(key)
    }

    /// `outcomes`: name → {"column", "stat", "tick" | "from", "to"}; the
    /// model's defaults when absent. A name must not be one of `taken`, the
    /// other columns of runs.csv.
    static func readOutcomes(_ root: ObjectReader, taken: Set<String>) -> [Outcome] {
        guard case .object(let entries)? = root.raw("outcomes") else {
            if let other = root.raw("outcomes") { root.report("outcomes", "expected an object of name: {column, stat}, found \(other.kindDescription)") }
            return SMESimulation.defaultOutcomes
        }
        let reader = root.object("outcomes")
        let columns = SMESimulation.timeseries.specs.map(\.name)
        var outcomes: [Outcome] = []
        for (name, spec) in entries.entries {
            _ = reader.raw(name)
            let valid = !name.isEmpty && name.count <= 64 && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
            }
            guard valid, !taken.contains(name) else {
                reader.report(name, valid ? "is the name of a column runs.csv already has (\(taken.sorted().joined(separator: ", "))); choose another"
                                          : "outcome names are 1 to 64 of a–z, 0–9 and _ (they name columns of runs.csv)")
                continue
            }
            let o = ObjectReader(document: spec, diagnostics: root.diagnostics, path: keyPath(reader.path, name))
            let column = o.choice("column", default: "", oneOf: columns)
            let stat = Outcome.Statistic(rawValue: o.choice("stat", default: "final", oneOf: Outcome.Statistic.allCases.map(\.rawValue))) ?? .final
            if !o.contains("column") { o.report("column", "missing; name a column of timeseries.csv, e.g. \"member_share\"") }
            var from: Int?, to: Int?
            if stat == .at {
                if !o.contains("tick") { o.report("tick", "missing; \"at\" needs the tick") }
                from = o.integer("tick", default: 0, in: Scenario.horizonLimit)
            } else if stat != .final {
                from = o.contains("from") ? o.integer("from", default: 0, in: Scenario.horizonLimit) : nil
                to = o.contains("to") ? o.integer("to", default: 0, in: Scenario.horizonLimit) : nil
                if let from, let to, from > to { o.report("to", "\(to) is before from (\(from))") }
            }
            o.finish()
            outcomes.append(Outcome(name, column: column, stat, from: from, to: to))
        }
        reader.finish()
        return outcomes
    }
}

extension InputDiagnostics {
    /// Calls `fail` when problems were found.
    func check(or fail: () throws(CLIError) -> Never) throws(CLIError) {
        if !problems.isEmpty { try fail() }
    }
}
