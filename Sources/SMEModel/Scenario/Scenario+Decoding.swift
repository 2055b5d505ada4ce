import AgentEngine

extension Scenario {
    /// Reads a scenario document strictly: unknown keys, wrong types and
    /// out-of-range values are all reported together, each with its key
    /// path and the allowed values. Keys left out take the defaults.
    public static func decode(_ document: JSONValue) throws(InputErrors) -> Scenario {
        let diagnostics = InputDiagnostics()
        let root = ObjectReader(document: document, diagnostics: diagnostics)
        let defaults = Scenario.default
        var scenario = Scenario()
        scenario.name = root.text("name", default: defaults.name, validate: validateName)
        scenario.description = root.text("description", default: defaults.description) { text in
            ScenarioLimits.descriptionLength.contains(text.count)
                ? nil : "at most \(ScenarioLimits.descriptionLength.upperBound) characters"
        }
        scenario.horizon = root.integer("horizon", default: defaults.horizon, in: ScenarioLimits.horizon)
        scenario.replicates = root.integer("replicates", default: defaults.replicates, in: ScenarioLimits.replicates)
        scenario.seed = root.unsigned64("seed", default: defaults.seed)
        scenario.economy = root.bool("economy", default: defaults.economy)
        scenario.firms = FirmParameters.decode(root.object("firms"))
        scenario.market = MarketParameters.decode(root.object("market"))
        scenario.platform = PlatformParameters.decode(root.object("platform"))
        scenario.adoption = AdoptionParameters.decode(root.object("adoption"), firms: scenario.firms.count)
        scenario.innovation = InnovationParameters.decode(root.object("innovation"))
        scenario.alliances = AllianceParameters.decode(root.object("alliances"))
        if !scenario.economy && scenario.adoption.mode == .behavioural {
            root.report("economy", "behavioural adoption needs the economy; set adoption.mode to \"bass\" or \"peers\", or economy to true")
        }
        root.finish()
        try diagnostics.check()
        return scenario
    }

    static func validateName(_ name: String) -> String? {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
        }
        guard ScenarioLimits.nameLength.contains(name.count), allowed,
              let first = name.first, first != ".", first != "-" else {
            return "\"\(name)\" is not a valid name; use 1 to 64 letters, digits, '.', '_' or '-', not starting with '.' or '-' (it names the output folder)"
        }
        return nil
    }
}

extension FirmParameters {
    static func decode(_ reader: ObjectReader) -> FirmParameters {
        let defaults = FirmParameters()
        var firms = FirmParameters()
        firms.count = reader.integer("count", default: defaults.count, in: ScenarioLimits.firms)
        firms.sectors = decodeCategories(reader, "sectors", default: defaults.sectors)
        firms.localities = decodeCategories(reader, "localities", default: defaults.localities)
        firms.size = SizeDistribution.decode(reader.object("size"))
        firms.economy = FirmEconomy.decode(reader)
        reader.finish()
        return firms
    }

    private static func decodeCategories(_ reader: ObjectReader, _ key: String, default fallback: [Category]) -> [Category] {
        let read = reader.shares(key, default: fallback.map { ($0.name, $0.share) })
        guard ScenarioLimits.categories.contains(read.count) else {
            reader.report(key, "has \(read.count) entries; allowed: \(ScenarioLimits.categories.lowerBound) to \(ScenarioLimits.categories.upperBound)")
            return fallback
        }
        return read.map { Category($0.name, $0.share) }
    }
}

extension SizeDistribution {
    static func decode(_ reader: ObjectReader) -> SizeDistribution {
        let defaults = SizeDistribution()
        var size = SizeDistribution()
        size.medianEmployees = reader.number("median_employees", default: defaults.medianEmployees, in: ScenarioLimits.medianEmployees)
        size.sigma = reader.number("sigma", default: defaults.sigma, in: ScenarioLimits.sigma)
        size.maxEmployees = reader.integer("max_employees", default: defaults.maxEmployees, in: ScenarioLimits.maxEmployees)
        if size.medianEmployees > Double(size.maxEmployees) {
            reader.report("median_employees", "\(formatDouble(size.medianEmployees)) exceeds max_employees (\(size.maxEmployees))")
        }
        reader.finish()
        return size
    }
}

extension AdoptionParameters {
    static func decode(_ reader: ObjectReader, firms: Int) -> AdoptionParameters {
        let defaults = AdoptionParameters()
        var adoption = AdoptionParameters()
        let mode = reader.choice("mode", default: defaults.mode.rawValue, oneOf: Mode.allCases.map(\.rawValue))
        adoption.mode = Mode(rawValue: mode) ?? defaults.mode
        adoption.p = reader.number("p", default: defaults.p, in: ScenarioLimits.probability)
        adoption.q = reader.number("q", default: defaults.q, in: ScenarioLimits.probability)
        if adoption.p + adoption.q > 1 {
            reader.report("q", "p + q = \(formatDouble(adoption.p + adoption.q)); it must be at most 1, so the joining probability p + q·F stays a probability")
        }
        // The default never exceeds the population; an explicit value must not.
        adoption.initialMembers = reader.integer("initial_members", default: Swift.min(defaults.initialMembers, firms),
                                                 in: 0...ScenarioLimits.firms.upperBound)
        if adoption.initialMembers > firms {
            reader.report("initial_members", "\(adoption.initialMembers) exceeds firms.count (\(firms))")
        }
        adoption.peers = PeerNetworkParameters.decode(reader.object("peers"))
        adoption.behavioural = BehaviouralAdoption.decode(reader.object("behavioural"))
        reader.finish()
        return adoption
    }
}

extension PeerNetworkParameters {
    static func decode(_ reader: ObjectReader) -> PeerNetworkParameters {
        let defaults = PeerNetworkParameters()
        var peers = PeerNetworkParameters()
        let kind = reader.choice("network", default: defaults.kind.rawValue, oneOf: Kind.allCases.map(\.rawValue))
        peers.kind = Kind(rawValue: kind) ?? defaults.kind
        peers.degree = reader.integer("degree", default: defaults.degree, in: ScenarioLimits.degree)
        peers.rewiring = reader.number("rewiring", default: defaults.rewiring, in: ScenarioLimits.probability)
        reader.finish()
        return peers
    }
}
