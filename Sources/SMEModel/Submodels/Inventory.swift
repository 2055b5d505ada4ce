/// Inventory management (ODD §7 "Logistics and inventory"): waste is
/// the firm's base rate (its sub-sector's perishability), less circular
/// practices, less the cut inventory management gives a member that uses
/// it (more with technology).
enum Inventory {
    /// The share of the base waste inventory management avoids.
    @inline(__always)
    static func cut(technology: Double, platform: PlatformParameters) -> Double {
        platform.inventoryWasteCut * (1 - platform.inventoryTechnologyWeight + platform.inventoryTechnologyWeight * technology)
    }

    /// A month's waste, and what inventory management saved net of its
    /// effort when it was `offered` and worth using (else nil): base and cut
    /// computed once.
    @inline(__always)
    static func month(production: Double, technology: Double, circular: Double, sectorWaste: Double, offered: Bool,
                      scenario: Scenario) -> (waste: Double, netSaving: Double?) {
        let base = scenario.firms.economy.waste * sectorWaste * (1 - circular)
        guard offered else { return (production * base, nil) }
        let cut = cut(technology: technology, platform: scenario.platform)
        let net = production * (base * cut) - scenario.platform.inventoryEffort
        return net > 0 ? (production * (base * (1 - cut)), net) : (production * base, nil)
    }
}
