import AgentEngine

/// The top of a report — what the folder is, where it came from, how big
/// — and its "Scenario" section: the key settings, those that differ from
/// this smesim's defaults (or, in a comparison, between the scenarios), and
/// each resolved scenario in full under a `<details>` element.
enum HeaderSection {
    static func header(_ data: ReportData) -> String {
        let folder = data.folder, manifest = folder.manifest
        var facts: [(String, String)] = [("kind", folder.kind.title)]
        switch folder.kind {
        case .run:
            facts.append(("scenario", scenarioName(manifest)))
        case .sweep:
            facts.append(("base scenario", scenarioName(manifest)))
            if let design = manifest.string(["run", "design"]) { facts.append(("design", design)) }
        case .comparison:
            facts.append(("scenarios", folder.scenarios.map(\.name).joined(separator: ", ")))
        }
        facts.append(("made by", manifest.build))
        if let created = manifest.created { facts.append(("created", created)) }
        if !manifest.commandLine.isEmpty { facts.append(("command", manifest.commandLine)) }
        facts.append((folder.kind == .sweep ? "runs" : "replicates", runs(data)))
        facts.append(("firms", setting(["firms", "count"], data) { "\($0) at the start" }))
        facts.append(("horizon", setting(["horizon"], data) { "\($0) months" }))
        let title = "\(manifest.name): \(folder.kind.title)"
        return "<h1>\(HTML.escape(title))</h1>\n<p class=\"lede\">A report of smesim's results, written from the folder's own files.</p>\n" + HTML.facts(facts)
    }

    private static func scenarioName(_ manifest: ResultManifest) -> String {
        let name = manifest.string(["scenario", "name"]) ?? manifest.name
        let description = manifest.string(["scenario", "description"]) ?? ""
        return description.isEmpty ? name : "\(name): \(description)"
    }

    private static func runs(_ data: ReportData) -> String {
        let manifest = data.folder.manifest
        switch data.folder.kind {
        case .run:
            return NumberFormat.fixed(Double(data.groups.first?.summary.runs ?? 0), decimals: 0)
        case .sweep:
            let points = manifest.integer(["run", "points"]).map { "\(NumberFormat.fixed(Double($0), decimals: 0)) points × " } ?? ""
            let replicates = manifest.integer(["sweep", "replicates"]).map { "\($0) replicates = " } ?? ""
            let failed = manifest.integer(["run", "failed_runs"]).map { $0 > 0 ? " (\($0) failed)" : "" } ?? ""
            return points + replicates + NumberFormat.fixed(Double(manifest.integer(["run", "runs"]) ?? data.groups.first?.summary.runs ?? 0), decimals: 0) + " runs" + failed
        case .comparison:
            return data.groups.map { "\($0.name): \($0.summary.runs)" }.joined(separator: ", ")
        }
    }

    /// A setting of the scenario(s), e.g. the firms: one value, or each
    /// scenario's when they differ, or "swept" when a sweep varies it.
    private static func setting(_ path: [String], _ data: ReportData, _ form: (String) -> String) -> String {
        let folder = data.folder
        let read = { (manifest: ResultManifest) -> String in
            manifest.integer(["scenario"] + path).map { NumberFormat.fixed(Double($0), decimals: 0) } ?? "?"
        }
        if folder.kind == .sweep, folder.manifest.object(["sweep", "parameters"])?[path.joined(separator: ".")] != nil {
            return "swept (base scenario: \(form(read(folder.manifest))))"
        }
        guard folder.kind == .comparison else { return form(read(folder.manifest)) }
        let values = folder.scenarios.map { read($0.folder.manifest) }
        return Set(values).count == 1 ? form(values[0]) : zip(folder.scenarios, values).map { "\($0.0.name): \(form($0.1))" }.joined(separator: ", ")
    }

    static func scenario(_ data: ReportData) -> ReportSection {
        let folder = data.folder
        var body = ""
        switch folder.kind {
        case .run, .sweep:
            let document = folder.manifest.scenario ?? .object(JSONObject())
            body += "<div class=\"cols\">\n" + keyTable(document) + changedTable(document) + "</div>\n"
            if folder.kind == .sweep, let sweep = folder.manifest.document.value(at: ["sweep"]) {
                body += HTML.details("The sweep (as run, JSON)", preformatted: sweep.formatted())
            }
            body += HTML.details("The resolved \(folder.kind == .sweep ? "base " : "")scenario (JSON)", preformatted: document.formatted())
        case .comparison:
            // The comparison's own record of each scenario, else its run folder's.
            let documents = folder.scenarios.map { folder.manifest.object(["scenarios"])?[$0.name] ?? $0.folder.manifest.scenario ?? .object(JSONObject()) }
            let rows = ScenarioSettings.differing(documents).map { [$0.path] + $0.values }
            body += rows.isEmpty ? HTML.paragraph("The scenarios have the same settings.", note: true)
                : HTML.table(["setting"] + folder.scenarios.map(\.name), rows, caption: "Settings that differ between the scenarios")
            for (scenario, document) in zip(folder.scenarios, documents) {
                body += HTML.details("Scenario \(scenario.name), resolved (JSON)", preformatted: document.formatted())
            }
        }
        return ReportSection(id: "scenario", title: folder.kind == .comparison ? "Scenarios" : "Scenario", body: body)
    }

    private static func keyTable(_ document: JSONValue) -> String {
        let rows = ScenarioSettings.keySettings.compactMap { path in
            document.value(at: path.split(separator: ".").map(String.init)).map { [path, ScenarioSettings.text($0, path: path)] }
        }
        return HTML.table(["setting", "value"], rows, caption: "Key settings")
    }

    private static func changedTable(_ document: JSONValue) -> String {
        let changed = ScenarioSettings.changed(document)
        guard !changed.isEmpty else { return HTML.paragraph("Every setting has smesim \(ToolInfo.version)'s default value.", note: true) }
        return HTML.table(["setting", "value", "default"], changed.map { [$0.path, $0.value, $0.standard] },
                          caption: "Settings that differ from the defaults of smesim \(ToolInfo.version) (the version writing this report)")
    }
}
