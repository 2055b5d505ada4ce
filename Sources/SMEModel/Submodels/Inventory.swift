/// Inventory management (MODEL.md §7 "Logistics and inventory"): the
/// share of production a member's waste falls by.
enum Inventory {
    /// Waste as a share of production: the firm's base rate (its
    /// sub-sector's perishability), less circular practices, less the cut
    /// inventory management gives a member (more with technology).
    @inline(__always)
    static func wasteShare(technology: Double, circular: Double, managed: Bool, sectorWaste: Double, scenario: Scenario) -> Double {
        let base = scenario.firms.economy.waste * sectorWaste * (1 - circular)
        return managed ? base * (1 - cut(technology: technology, platform: scenario.platform)) : base
    }

    @inline(__always)
    static func cut(technology: Double, platform: PlatformParameters) -> Double {
        platform.inventoryWasteCut * (1 - platform.inventoryTechnologyWeight + platform.inventoryTechnologyWeight * technology)
    }

    /// What inventory management is worth to a member producing
    /// `production` this month: the waste avoided less the effort, when
    /// positive (the member uses it only then), else nil.
    @inline(__always)
    static func netSaving(production: Double, technology: Double, circular: Double, sectorWaste: Double, scenario: Scenario) -> Double? {
        let saving = production * avoidedWasteShare(technology: technology, circular: circular, sectorWaste: sectorWaste, scenario: scenario)
        let net = saving - scenario.platform.inventoryEffort
        return net > 0 ? net : nil
    }

    /// The share of production inventory management would save.
    @inline(__always)
    static func avoidedWasteShare(technology: Double, circular: Double, sectorWaste: Double, scenario: Scenario) -> Double {
        scenario.firms.economy.waste * sectorWaste * (1 - circular) * cut(technology: technology, platform: scenario.platform)
    }
}
