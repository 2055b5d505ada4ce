import AgentEngine
import Foundation

/// A folder a report is made from — a run's, a sweep's or a comparison's —
/// known by its manifest (`run.kind`, or the command that wrote it:
/// `run.command`) and its files, and checked to hold the files that kind
/// of folder has, before anything is read further.
struct ResultFolder {
    enum Kind: String {
        case run, sweep, comparison

        /// What the report calls it.
        var title: String {
            switch self {
            case .run: return "run"
            case .sweep: return "parameter sweep"
            case .comparison: return "comparison of scenarios"
            }
        }

        /// The files a folder of this kind must hold.
        var files: [String] {
            switch self {
            case .run: return ["timeseries.csv"]
            case .sweep: return ["points.csv", "runs.csv", "timeseries.csv"]
            case .comparison: return ["comparison.csv"]
            }
        }
    }

    let path: String
    let kind: Kind
    let manifest: ResultManifest
    /// A comparison's scenarios, each a run folder, in the manifest's order.
    let scenarios: [(name: String, folder: ResultFolder)]

    func file(_ name: String) -> String { path + "/" + name }

    func has(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }

    /// Opens the result folder at `path`, or says why it is not one. A
    /// comparison's scenarios are opened as `scenario`s: their own
    /// scenarios are not followed (a comparison naming itself, or two
    /// naming each other, is refused, not followed round).
    static func open(_ path: String, scenario: Bool = false) throws(CLIError) -> ResultFolder {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .usage("\(path): no such folder") }
        guard isDirectory.boolValue else { throw .usage("\(path): is a file; report reads a result folder (of 'smesim run', 'sweep' or 'compare')") }
        let manifest = try ResultManifest.read(folder: path)
        let kind = try kind(of: path, manifest: manifest)
        for name in kind.files where !FileManager.default.fileExists(atPath: path + "/" + name) {
            throw .usage("\(path)/\(name): missing; the folder of a \(kind.title) holds \(kind.files.joined(separator: ", "))")
        }
        let scenarios = kind == .comparison && !scenario ? try comparedScenarios(path, manifest: manifest) : []
        return ResultFolder(path: path, kind: kind, manifest: manifest, scenarios: scenarios)
    }

    /// The kind the manifest names (`run.kind`), else the command that
    /// wrote the folder, else its files. A comparison's scenario folders
    /// are runs written by 'compare': a folder 'compare' wrote is a
    /// comparison only when it has comparison.csv.
    private static func kind(of path: String, manifest: ResultManifest) throws(CLIError) -> Kind {
        let has = { (name: String) in FileManager.default.fileExists(atPath: path + "/" + name) }
        if let named = manifest.string(["run", "kind"]) {
            switch named {
            case "run": return .run
            case "sweep": return .sweep
            case "comparison", "compare": return .comparison
            default: throw .usage("\(manifest.path): run.kind \"\(named)\", a kind of folder report does not know (it reads runs, sweeps and comparisons)")
            }
        }
        switch manifest.command {
        case "run"?: return .run
        case "sweep"?: return .sweep
        case "compare"?: return has("comparison.csv") ? .comparison : .run
        case let other?:
            throw .usage("\(manifest.path): written by 'smesim \(other)', a kind of folder report does not know (it reads the folders of run, sweep and compare)")
        case nil:
            if has("comparison.csv") { return .comparison }
            if has("points.csv") || manifest.document.value(at: ["sweep"]) != nil { return .sweep }
            return .run
        }
    }

    /// The run folders of a comparison's scenarios: the manifest's
    /// `run.scenarios` (name → folder, relative to the comparison's folder
    /// or as given), else every folder under `scenarios/`, by name.
    private static func comparedScenarios(_ path: String, manifest: ResultManifest) throws(CLIError) -> [(name: String, folder: ResultFolder)] {
        var listed: [(String, String)] = []
        if let map = manifest.object(["run", "scenarios"]) {
            for (name, value) in map.entries {
                guard case .string(let folder) = value else { throw .usage("\(manifest.path): run.scenarios.\(name): expected a folder path") }
                let inside = path + "/" + folder
                listed.append((name, folder.hasPrefix("/") || !FileManager.default.fileExists(atPath: inside) && FileManager.default.fileExists(atPath: folder) ? folder : inside))
            }
        } else {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path + "/scenarios")) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            listed = names.map { ($0, path + "/scenarios/" + $0) }
        }
        guard !listed.isEmpty else { throw .usage("\(path): a comparison with no scenarios (no run.scenarios in its manifest, no folders under scenarios/)") }
        var scenarios: [(name: String, folder: ResultFolder)] = []
        for (name, folder) in listed {
            let opened: ResultFolder
            do {
                opened = try open(folder, scenario: true)
            } catch {
                throw .usage("scenario \(name) of the comparison \(path): \(error.message)")
            }
            guard opened.kind == .run else { throw .usage("\(folder): scenario \(name) of the comparison is a \(opened.kind.title) folder, not a run's") }
            scenarios.append((name, opened))
        }
        return scenarios
    }
}
