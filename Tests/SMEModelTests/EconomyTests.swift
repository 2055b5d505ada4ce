import AgentEngine
import Foundation
import Testing
@testable import SMEModel

/// A small economy for fast tests.
func smallEconomy(firms: Int = 2_000, horizon: Int = 36) -> Scenario {
    var scenario = Scenario.default
    scenario.firms.count = firms
    scenario.horizon = horizon
    return scenario
}

@Suite struct AccountingTests {
    /// Money is conserved: every tick, the change in all firms' cash equals
    /// their profits less owners' payouts, onboarding and switching costs,
    /// plus entrants' capital less the cash of the exited firms they
    /// replace; the platform's cash changes by its income less its costs;
    /// no firm sells more than its capacity or its demand.
    @Test(arguments: [false, true])
    func moneyIsConservedAndCapacityRespected(declining: Bool) {
        var scenario = smallEconomy(firms: 3_000, horizon: 48)
        if declining { scenario.market.localGrowth = -0.1 }
        var model = SMESimulation(scenario: scenario, run: RunSpec(index: 0, replicate: 0, seed: 5),
                                  executor: ChunkedExecutor(threads: 2, chunkSize: 500))
        let premium = scenario.market.onlinePricePremium
        var exits = 0
        for tick in 1...scenario.horizon {
            let cashBefore = model.population.cash.toArray().reduce(0, +)
            let platformBefore = model.platformState.cash
            let capacityBefore = model.population.capacity.toArray()
            model.step(tick: tick)
            let m = model.metrics.flows
            let cashAfter = model.population.cash.toArray().reduce(0, +)
            let alliances = model.allianceTally
            let expected = m.profit - m.payout - model.onboardingPaid - model.switchingPaid + model.entryCapital - model.writtenOff
                + alliances.captured - alliances.integration - alliances.exitCosts
            #expect(abs((cashAfter - cashBefore) - expected) <= 1e-6 * max(1, abs(cashBefore)), "tick \(tick)")
            // The profit is the sum of its parts.
            let costs = m.production + m.waste + m.logistics + m.commissions + m.fees + m.effort + m.fixedCosts + m.innovation + m.tools
            #expect(abs(m.revenueLocal + m.revenueOnline - costs - m.profit) <= 1e-6 * max(1, abs(m.profit)))
            // What members paid for the platform's network is part of their
            // logistics costs, and the platform's income.
            #expect(m.logisticsCharges <= m.logistics * (1 + 1e-12))
            if model.platformState.open {
                #expect(abs((model.platformState.cash - platformBefore) - (model.platformState.income - model.platformState.costs)) <= 1e-6 * max(1, abs(platformBefore)))
                #expect(abs(model.platformState.income - (m.commissions + m.fees + model.onboardingPaid + m.logisticsCharges)) <= 1e-6 * max(1, model.platformState.income))
            }
            // Demand served never exceeds demand, output never exceeds capacity.
            #expect(m.revenueLocal <= m.demandLocal * (1 + 1e-12))
            #expect(m.revenueOnline <= m.demandOnline * (1 + 1e-12))
            #expect(m.demandLocal <= model.marketState.localDemand.reduce(0, +) * (1 + 1e-9))
            for i in 0..<scenario.firms.count where model.population.alive[i] == 1 || model.population.revenueLocal[i] > 0 {
                let output = model.population.revenueLocal[i] + model.population.revenueOnline[i] / (1 + premium)
                // An entrant this tick had its capacity set on entry.
                let capacity = model.population.bornTick[i] == tick ? model.population.capacity[i] : capacityBefore[i]
                #expect(output <= capacity * (1 + 1e-12))
            }
            exits += model.metrics.exits
        }
        #expect(exits > 0, "the test must see firms exit")
        #expect(model.alliances.active.count > 0, "the test must see alliances")
        #expect(model.metrics.flows.revenueOnline > 0)
        #expect(model.metrics.flows.logisticsCharges > 0, "the test must see the network used")
    }
}

@Suite struct OutputSanityTests {
    /// Every dimension stays in [0, 1], and no field of the output is NaN or
    /// infinite, across the shipped scenarios' switches.
    @Test(arguments: ["baseline", "no-platform", "declining", "services-off"])
    func dimensionsStayInRangeAndOutputIsFinite(variant: String) throws {
        var scenario = smallEconomy(firms: 1_500, horizon: 48)
        switch variant {
        case "no-platform": scenario.platform.enabled = false
        case "declining": scenario.market.localGrowth = -0.2
        case "services-off": scenario.platform.services = PlatformServices(marketAccess: false, analytics: false, sharedLogistics: false, inventoryManagement: false, training: false)
        default: break
        }
        let chosen = scenario
        let folder = NSTemporaryDirectory() + "sanity-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let runs = (0..<2).map { RunSpec(index: $0, replicate: $0, seed: 3) }
        let store = try RunStore(folder: folder + "/store")
        _ = try ExperimentRunner(threads: 2).run(runs, store: store, extraTables: 2, onFailure: .stop) { spec, executor in
            let model = SMESimulation(scenario: chosen, run: spec, executor: executor, panel: PanelOptions(every: 1, sample: 1_500))
            for d in Dimension.allCases {
                for i in 0..<model.population.count { precondition((0...1).contains(model.population.dimension(d, i))) }
            }
            return PreparedRun(model: model, horizon: chosen.horizon, runID: "", identity: CSVRecord())
        }
        let tables = [("t", SMESimulation.timeseries.specs), ("a", AllianceSystem.eventColumns), ("f", PanelOptions.columns)]
        for (table, (name, columns)) in tables.enumerated() {
            try store.join(table: table, runs: [0, 1], header: CSVRecord.header([IdentityColumns.tick] + columns),
                           into: folder + "/\(name).csv", blocks: folder + "/\(name).blocks")
        }
        for file in ["t.csv", "f.csv", "a.csv"] {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let lines = text.components(separatedBy: "\r\n").dropFirst().dropLast()
            #expect(!lines.isEmpty || (file == "a.csv" && variant != "baseline"))
            let header = text.components(separatedBy: "\r\n")[0].split(separator: ",").map(String.init)
            for line in lines {
                for (name, field) in zip(header, line.split(separator: ",", omittingEmptySubsequences: false)) {
                    if field.isEmpty || ["sector", "province", "event", "type", "phase", "channel"].contains(name) { continue }
                    guard let value = Double(field) else { Issue.record("\(file) \(name): \(field)"); continue }
                    #expect(value.isFinite, "\(file) \(name)")
                    if ["relationship", "technology", "financial", "sustainability"].contains(where: { name.hasPrefix($0) }) {
                        #expect((0...1).contains(value), "\(file) \(name) = \(value)")
                    }
                }
            }
        }
    }
}

@Suite struct DimensionBinTests {
    /// The histogram's bin, computed without a checked conversion, is the
    /// clamped ⌊value · bins⌋ at every bin edge, next to it, outside [0, 1]
    /// and at random values.
    @Test func binIsTheClampedFloor() {
        let bins = TickMetrics.dimensionBins
        func reference(_ v: Double) -> Int { Swift.min(Swift.max(Int(v * Double(bins)), 0), bins - 1) }
        var values: [Double] = [0, -0.0, 1, -1, 2, 1e-300, -1e-300, 0.999_999_999_999, 1e6, -1e6, .infinity, -.infinity]
        for k in 0...bins {
            let edge = Double(k) / Double(bins)
            values += [edge, edge.nextUp, edge.nextDown]
        }
        var generator = SplitMix64(seed: 11)
        for _ in 0..<100_000 { values.append(generator.uniform() * 1.2 - 0.1) }
        for v in values where v.isFinite && abs(v) < 1e15 {
            #expect(TickMetrics.dimensionBin(v) == reference(v), "value \(v)")
        }
        #expect(TickMetrics.dimensionBin(.infinity) == bins - 1)
        #expect(TickMetrics.dimensionBin(-.infinity) == 0)
    }
}
