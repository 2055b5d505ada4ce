/// The platform's matchmaking as a firm values it before joining: the
/// extra partner searches it would make through the platform, each
/// month, times the net value of an alliance over its planned operation,
/// times the weight firms give such an uncertain prospect.
enum Matchmaking {
    @inline(__always)
    static func expectedValue(relationship: Double, capacity: Double, scenario: Scenario) -> Double {
        let a = scenario.alliances
        let extraSearches = Swift.max(0, a.matchmakingBoost - 1) * a.searchRate * (0.5 + relationship)
        let net = (a.sharing.value - a.sharing.integration + a.specialization.value - a.specialization.integration
            + a.allocation.value - a.allocation.integration) / 3
        let commitment = 1 - a.commitmentSpread / 2
        return scenario.adoption.behavioural.matchmakingWeight * extraSearches * Double(a.operationMonths)
            * Swift.max(0, net) * commitment * capacity
    }
}
