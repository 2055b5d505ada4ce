import AgentEngine
import Foundation
import SMEModel

/// One scenario of a comparison, as given on the command line: a scenario
/// file (run by the comparison, with the overrides and the reference's
/// replicates and seed) or the folder of an earlier `smesim run` (its
/// resolved scenario read from its manifest, its time series from its
/// `timeseries.csv`).
struct ComparedScenario {
    /// As given on the command line.
    let argument: String
    let scenario: Scenario
    /// Whether `argument` is a run folder (read) rather than a file (run).
    let isFolder: Bool

    var name: String { scenario.name }

    /// Reads `argument`: a folder is a run folder, anything else a scenario file.
    static func load(_ argument: String, overrides: [ScenarioOverride]) throws(CLIError) -> ComparedScenario {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
            let loaded = try ScenarioLoader.load(argument, overrides: overrides)
            return ComparedScenario(argument: argument, scenario: loaded.scenario, isFolder: false)
        }
        let scenario = try runFolderScenario(argument)
        try check(scenario, of: argument, against: overrides)
        return ComparedScenario(argument: argument, scenario: scenario, isFolder: true)
    }

    /// The resolved scenario of the run folder at `folder`, from its
    /// manifest; a folder that is not a finished run of smesim is refused.
    private static func runFolderScenario(_ folder: String) throws(CLIError) -> Scenario {
        let manifestPath = (folder as NSString).appendingPathComponent(RunManifest.file)
        guard FileManager.default.fileExists(atPath: manifestPath),
              FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("timeseries.csv")) else {
            throw .usage("\(folder): not a run folder (no manifest.json and timeseries.csv); compare takes scenario files and folders written by 'smesim run'")
        }
        let manifest = try ScenarioLoader.parse(try ScenarioLoader.read(manifestPath), label: manifestPath)
        guard manifest.value(at: RunManifest.toolKey) == .string(ToolInfo.name), manifest.value(at: ["sweep"]) == nil,
              manifest.value(at: ["run", "kind"]) == nil, let document = manifest.value(at: ["scenario"]) else {
            throw .usage("\(folder): not the folder of one scenario's runs (a sweep's, a comparison's, or another tool's); compare takes scenario files and folders written by 'smesim run'")
        }
        return try ScenarioLoader.decode(document, label: "\(manifestPath): scenario")
    }

    /// A run folder was run as it is: every override must leave its
    /// scenario as it is (an override cannot change what was run).
    private static func check(_ scenario: Scenario, of folder: String, against overrides: [ScenarioOverride]) throws(CLIError) {
        for override in overrides {
            let changed = try? Scenario.decode(Scenario.schema.setting(override.path, to: override.value, in: scenario.json))
            if changed != scenario {
                let was = scenario.json.value(at: override.path.split(separator: ".").map(String.init)).map { " (it has \($0.compact()))" } ?? ""
                throw .usage("\(folder): was not run with \(override.given)\(was); a run folder is compared as it was run: run it again with that setting, or give its scenario file instead")
            }
        }
    }

    /// The scenario file run with the reference's replicates and seed
    /// (common random numbers).
    func withRuns(of reference: Scenario) -> ComparedScenario {
        var scenario = scenario
        scenario.replicates = reference.replicates
        scenario.seed = reference.seed
        return ComparedScenario(argument: argument, scenario: scenario, isFolder: isFolder)
    }

    /// Refuses a scenario that does not pair with the reference: replicate
    /// r of every scenario must draw the same streams (seed, replicates)
    /// for the same firms (firms.count).
    func checkPairs(with reference: ComparedScenario) throws(CLIError) {
        let mine = scenario, theirs = reference.scenario
        if isFolder {
            var differences: [String] = []
            if mine.seed != theirs.seed { differences.append("seed \(mine.seed), the reference \(theirs.seed)") }
            if mine.replicates != theirs.replicates { differences.append("replicates \(mine.replicates), the reference \(theirs.replicates)") }
            if mine.firms.count != theirs.firms.count { differences.append("firms.count \(mine.firms.count), the reference \(theirs.firms.count)") }
            guard differences.isEmpty else {
                throw .usage("\(argument): does not pair with the reference \(reference.argument): \(differences.joined(separator: "; ")). "
                    + "Every scenario must run the same replicates of the same seed on the same number of firms: run it again with "
                    + "--seed \(theirs.seed) --replicates \(theirs.replicates) --firms \(theirs.firms.count), or give its scenario file instead")
            }
        } else if mine.firms.count != theirs.firms.count {
            throw .usage("\(argument): firms.count \(mine.firms.count) differs from the reference's (\(theirs.firms.count) in \(reference.argument)); "
                + "scenarios are compared firm by firm: set it for every scenario with --firms N (--set firms.count=N)")
        }
    }
}
