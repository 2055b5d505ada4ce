import AgentEngine
import Foundation
@testable import SMEModel

/// A small scenario of the adoption core alone (no economy), for fast
/// tests of diffusion.
func smallScenario(firms: Int = 2_000, mode: AdoptionParameters.Mode = .bass) -> Scenario {
    var scenario = Scenario.default
    scenario.economy = false
    scenario.firms.count = firms
    scenario.horizon = 24
    scenario.replicates = 2
    scenario.adoption.mode = mode
    scenario.adoption.p = 0.01
    scenario.adoption.q = 0.3
    return scenario
}

/// Runs one replicate and returns the member share per tick (0...horizon)
/// and the final member flags.
func memberShares(_ scenario: Scenario, replicate: Int = 0, threads: Int = 1, chunkSize: Int = 1_000) -> (shares: [Double], flags: [UInt8]) {
    let executor = ChunkedExecutor(threads: threads, chunkSize: chunkSize)
    var model = SMESimulation(scenario: scenario, run: RunSpec(index: replicate, replicate: replicate, seed: scenario.seed), executor: executor)
    var shares = [Double(model.members) / Double(scenario.firms.count)]
    for tick in stride(from: 1, through: scenario.horizon, by: 1) {
        model.step(tick: tick)
        shares.append(Double(model.members) / Double(scenario.firms.count))
    }
    return (shares, model.population.member.toArray())
}

/// The repository's root folder, found from this source file.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
