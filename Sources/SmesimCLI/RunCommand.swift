import AgentEngine
import Foundation
import SMEModel

/// `smesim run`: loads and checks the scenario, prepares the output folder,
/// runs every replicate into it (`ScenarioRuns`) and commits it.
struct RunCommand {
    let options: RunOptions

    func execute() throws(CLIError) {
        let loaded = try ScenarioLoader.load(options.scenarioFile, overrides: options.overrides)
        let scenario = loaded.scenario
        let threads = options.threads ?? ProcessInfo.processInfo.activeProcessorCount
        let memoryBound = try ScenarioRuns.memoryBound([scenario])
        try ScenarioRuns.checkDisk([scenario], panel: options.panel, folder: options.out ?? "Results/\(scenario.name)")
        let output = try OutputDirectory.prepared(options.out ?? "Results/\(scenario.name)", force: options.force)
        let runs = ScenarioRuns(items: [.init(scenario: scenario, file: loaded.file, folder: output.stagingPath)], panel: options.panel,
                                threads: threads, quiet: options.quiet, command: ["smesim", "run"] + CommandLine.arguments.dropFirst(2))
        let wall = try output.fill("the run") { try runs.write(store: output.stagingFile(".runs"), memoryBound: memoryBound) }
        if !options.quiet {
            printError("wrote \(output.finalPath): \(scenario.replicates) runs × \(scenario.horizon) ticks × \(scenario.firms.count) firms "
                + "in \(String(format: "%.2f", wall)) s (\(formatRate(wall > 0 ? scenario.agentSteps / wall : 0)) agent-steps/s, \(threads) threads)")
            let folder = options.out ?? "Results/\(scenario.name)"
            printError("next: smesim report \(folder)   (an HTML page of charts); python3 scripts/summarize.py \(folder)   (a yearly table)")
        }
    }
}
