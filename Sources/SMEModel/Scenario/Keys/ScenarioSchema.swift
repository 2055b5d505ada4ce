import AgentEngine

/// A key of a scenario file.
typealias Key = Parameter<Scenario>
/// A number key's place in the scenario, for tables of similar keys.
typealias NumberPath = WritableKeyPath<Scenario, Double> & Sendable

extension Scenario {
    /// Every key of a scenario file, declared once: path, allowed values,
    /// unit, meaning, evidence and the `Scenario` property it sets; the
    /// default is the property's value in `Scenario()`.
    ///
    /// Decoding (`decode`), encoding (`json`), `--set`, sweep keys,
    /// `smesim help keys` and the key tables of Simulations/README.md and
    /// the model documentation are derived from it.
    public static let schema = ParameterSchema<Scenario>(
        defaults: Scenario(),
        parameters: runKeys + firmKeys + marketKeys + platformKeys + adoptionKeys + learningKeys + relationshipKeys + innovationKeys + allianceKeys + policyKeys,
        rules: rules + policyRules)

    /// Reads a scenario document strictly: unknown keys, wrong types,
    /// out-of-range values and broken rules between keys are all reported
    /// together, each with its key path and the allowed values. Keys left
    /// out take the defaults.
    public static func decode(_ document: JSONValue) throws(InputErrors) -> Scenario {
        try schema.decode(document)
    }

    /// The scenario in full, every default filled in, in the scenario-file
    /// format: what the manifest records and `Simulations/default.json` holds.
    public var json: JSONValue { Self.schema.encode(self) }

    /// The scenario as a run's results depend on it, for run ids: every key
    /// but `name` and `description` (which change no result) and
    /// `replicates` and `seed` (which each run's replicate and seed
    /// replace), as compact JSON.
    public var runDefinition: String {
        guard case .object(var object) = json else { return "" }
        for key in ["name", "description", "replicates", "seed"] { object[key] = nil }
        return JSONValue.object(object).compact()
    }

    static let runKeys: [Key] = [
        .text("name", \.name, allowed: "1–64 of `A–Z a–z 0–9 . _ -`, not starting with `.` or `-`",
              "Names the run and its default output folder `Results/<name>/`.", .setting(), validate: validateName),
        .text("description", \.description, allowed: "up to 4,000 characters",
              "Free text, copied to the manifest.", .setting()) { text in
            text.count <= 4_000 ? nil : "at most 4000 characters"
        },
        .integer("horizon", \.horizon, Scenario.horizonLimit, unit: "month", "Months simulated after the initial state (tick 0).", .setting()),
        .integer("replicates", \.replicates, 1...100_000, "Independent runs with the same parameters (replicate r uses the streams of (seed, r)).", .setting()),
        .unsigned64("seed", \.seed, "Master seed; with the replicate index it keys every random stream.", .setting()),
        .flag("economy", \.economy,
              "`false` runs the adoption core alone (no trade, finance, exits or innovation); needs adoption.mode `bass` or `peers`.", .setting("switch")),
    ]

    /// Why `name` cannot name an output folder, or nil when it can.
    public static func validateName(_ name: String) -> String? {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
        }
        guard (1...64).contains(name.count), allowed, let first = name.first, first != ".", first != "-" else {
            return "\"\(name)\" is not a valid name; use 1 to 64 letters, digits, '.', '_' or '-', not starting with '.' or '-' (it names the output folder)"
        }
        return nil
    }

    static let rules: [CrossKeyRule<Scenario>] = [
        CrossKeyRule(["economy", "adoption.mode"], "`economy` false needs `adoption.mode` `\"bass\"` or `\"peers\"`.") { s in
            !s.economy && s.adoption.mode == .behavioural
                ? "behavioural adoption needs the economy; set adoption.mode to \"bass\" or \"peers\", or economy to true" : nil
        },
        CrossKeyRule(["firms.size.median_employees", "firms.size.max_employees"], "`firms.size.median_employees` ≤ `firms.size.max_employees`.") { s in
            s.firms.size.medianEmployees > Double(s.firms.size.maxEmployees)
                ? "\(messageNumber(s.firms.size.medianEmployees)) exceeds max_employees (\(s.firms.size.maxEmployees))" : nil
        },
        CrossKeyRule(["firms.strategy"], "The seven `firms.strategy` weights sum to 1 (±0.001).") { s in
            let total = s.firms.economy.strategy.reduce(0, +)
            return abs(total - 1) > 0.001 ? "strategy weights sum to \(messageNumber(total)); they must sum to 1" : nil
        },
        CrossKeyRule(["market.online.initial_consumers_per_firm", "market.online.consumers_per_firm"],
                     "`market.online.initial_consumers_per_firm` ≤ `market.online.consumers_per_firm`.") { s in
            let m = s.market
            return m.initialConsumersPerFirm > m.consumersPerFirm
                ? "\(messageNumber(m.initialConsumersPerFirm)) exceeds consumers_per_firm (\(messageNumber(m.consumersPerFirm)))" : nil
        },
        CrossKeyRule(["platform.logistics.floor", "platform.logistics.start"], "`platform.logistics.floor` ≤ `platform.logistics.start`.") { s in
            s.platform.logisticsFloor > s.platform.logisticsStart
                ? "\(messageNumber(s.platform.logisticsFloor)) exceeds start (\(messageNumber(s.platform.logisticsStart))); costs fall with volume" : nil
        },
        CrossKeyRule(["adoption.q", "adoption.p"], "`adoption.p` + `adoption.q` ≤ 1.") { s in
            let sum = s.adoption.p + s.adoption.q
            return sum > 1 ? "p + q = \(messageNumber(sum)); it must be at most 1, so the joining probability p + q·F stays a probability" : nil
        },
        CrossKeyRule(["adoption.initial_members", "firms.count"], "`adoption.initial_members` ≤ `firms.count`.") { s in
            s.adoption.initialMembers > s.firms.count
                ? "\(s.adoption.initialMembers) exceeds firms.count (\(s.firms.count))" : nil
        },
        CrossKeyRule(["innovation.success_base", "innovation.success_technology", "innovation.success_relationship", "innovation.success_analytics"],
                     "`innovation.success_base` + `success_technology` + `success_relationship` + `success_analytics` ≤ 1.") { s in
            let i = s.innovation
            return i.successBase + i.successTechnology + i.successRelationship + i.successAnalytics > 1
                ? "success_base + success_technology + success_relationship + success_analytics must be at most 1" : nil
        },
    ]
}
