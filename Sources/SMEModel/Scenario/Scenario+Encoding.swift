import AgentEngine

extension Scenario {
    /// The scenario in full, every default filled in, in the scenario-file
    /// format: what the manifest records and `Simulations/default.json` holds.
    public var json: JSONValue {
        .object([
            "name": .string(name),
            "description": .string(description),
            "horizon": .int(horizon),
            "replicates": .int(replicates),
            "seed": .int(seed),
            "economy": .bool(economy),
            "firms": .object([
                "count": .int(firms.count),
                "sectors": Self.shares(firms.sectors),
                "localities": Self.shares(firms.localities),
                "size": .object([
                    "median_employees": .double(firms.size.medianEmployees),
                    "sigma": .double(firms.size.sigma),
                    "max_employees": .int(firms.size.maxEmployees),
                ]),
                "economy": firms.economy.economyJSON,
                "initial_dimensions": firms.economy.initialDimensionsJSON,
                "strategy": firms.economy.strategyJSON,
                "strategy_spread": .double(firms.economy.strategySpread),
            ]),
            "market": market.json,
            "platform": platform.json,
            "adoption": .object([
                "mode": .string(adoption.mode.rawValue),
                "p": .double(adoption.p),
                "q": .double(adoption.q),
                "initial_members": .int(adoption.initialMembers),
                "peers": .object([
                    "network": .string(adoption.peers.kind.rawValue),
                    "degree": .int(adoption.peers.degree),
                    "rewiring": .double(adoption.peers.rewiring),
                ]),
                "behavioural": adoption.behavioural.json,
            ]),
            "innovation": innovation.json,
            "alliances": alliances.json,
        ])
    }

    private static func shares(_ categories: [Category]) -> JSONValue {
        .object(JSONObject(categories.map { (key: $0.name, value: JSONValue.double($0.share)) }))
    }
}
