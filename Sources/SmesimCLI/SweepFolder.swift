import AgentEngine
import Foundation

/// A sweep's output folder: the finished tables, `manifest.json` (present
/// only when every run is recorded and the tables are joined), and the
/// state of the sweep in `.sweep/`.
///
/// A folder belongs to exactly one sweep, by content (`.sweep/sweep.json`:
/// the plan and the resolved base scenario, however they were spelled) and
/// by the builds of the tool that ran its runs: the same sweep is resumed,
/// by another build only when asked (`--allow-build-change`); a different
/// sweep, or another output of this tool, is replaced only with `--force`;
/// a folder this tool did not write is never touched. One process at a
/// time holds the sweep (a lock in `.sweep/`, released by the system
/// however the process ends).
struct SweepFolder {
    let path: String

    /// The sweep's state file marks the folder as this tool's.
    static let stateFile = ".sweep/sweep.json"
    static let mark = ToolFolders.Mark(file: stateFile, key: ["tool"])

    init(path: String) {
        self.path = URL(fileURLWithPath: path).standardizedFileURL.path
    }

    var statePath: String { path + "/.sweep" }
    private var identityPath: String { path + "/" + Self.stateFile }

    func file(_ name: String) -> String { path + "/" + name }
    func temporary(_ name: String) -> String { path + "/." + name + ".tmp" }

    var isComplete: Bool { FileManager.default.fileExists(atPath: file(RunManifest.file)) }

    /// What claiming the folder for a sweep does.
    enum Claim: Equatable {
        /// A new sweep (no folder, or an empty one).
        case create
        /// The same sweep: resumed, or found complete. `builds` are the
        /// builds that ran it, this one last.
        case resume(builds: [JSONValue], newBuild: Bool)
        /// Another output of this tool, replaced (`--force`); why.
        case replace(String)
    }

    /// What `claim` would do, without changing anything; throws what it
    /// would refuse.
    func check(content: JSONObject, force: Bool, allowBuildChange: Bool) throws(CLIError) -> Claim {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { return .create }
        guard isDirectory.boolValue else {
            throw .usage("--out \(path): a file of that name exists; the output must be a folder")
        }
        if ((try? manager.contentsOfDirectory(atPath: path)) ?? []).isEmpty { return .create }
        // A sweep's own state proves the folder is this tool's; only without
        // one are the other marks (a run's manifest) read.
        let state = recordedState()
        guard state != nil || ToolInfo.folders.owns(path) else {
            throw .usage("--out \(path): \(OutputDirectory.notOwned(ToolInfo.folders, path))")
        }
        guard let recorded = state else {
            guard force else {
                throw .usage("\(path) holds other results of \(ToolInfo.name) (a run's, or a sweep's without its state); pass --force to replace them, or choose another --out")
            }
            return .replace("other results")
        }
        if let difference = Self.firstDifference(.object(recorded.content), .object(content), at: "") {
            let what = difference.hasPrefix("shard")
                ? "\(Self.part(recorded.content)) of this sweep, not \(Self.part(content))"
                : "a different sweep (it differs at \(difference.isEmpty ? "the top" : difference))"
            guard force else {
                throw .usage("\(path) holds \(what); pass --force to replace it, or choose another --out")
            }
            return .replace(difference.hasPrefix("shard") ? "another part of this sweep" : "a different sweep")
        }
        let build = ToolInfo.build
        if recorded.builds.contains(where: { ToolInfo.sameBuild($0, build) }) { return .resume(builds: recorded.builds, newBuild: false) }
        if allowBuildChange { return .resume(builds: recorded.builds + [build], newBuild: true) }
        guard force else {
            let earlier = recorded.builds.map(ToolInfo.describe(build:)).joined(separator: ", then ")
            throw .usage("\(path): this sweep was run by \(earlier), and this is \(ToolInfo.describe(build: build)); "
                + "resuming would join runs of different builds. Pass --allow-build-change to resume anyway (the manifest "
                + "then lists every build), or --force to start over")
        }
        return .replace("a sweep run by another build")
    }

    /// "shard 2/4" or "the whole sweep", for the content of a folder.
    private static func part(_ content: JSONObject) -> String {
        content["shard"].flatMap(ShardSpec.init(json:)).map { "shard \($0)" } ?? "the whole sweep"
    }

    /// Makes the folder this sweep's (see `check`): creates it, resumes it,
    /// or replaces it; deletes what an interrupted `--force` left beside it,
    /// then takes the sweep's lock. Records `inputs` (the sweep to read back,
    /// `SweepSetup.record`) beside the content. Returns the builds that ran
    /// the sweep.
    func claim(content: JSONObject, inputs: JSONValue, force: Bool, allowBuildChange: Bool) throws(CLIError) -> [JSONValue] {
        ToolInfo.folders.cleanUp(beside: path)
        var locked = false
        if FileManager.default.fileExists(atPath: identityPath) {
            try lock()
            locked = true
        }
        let claim = try check(content: content, force: force, allowBuildChange: allowBuildChange)
        var builds = [ToolInfo.build]
        switch claim {
        case .resume(let recorded, let newBuild):
            builds = recorded
            if !newBuild { return builds }
        case .replace(let what):
            locked = false
            do { try ToolInfo.folders.remove(path) } catch {
                throw .runtime("--out \(path): cannot replace the folder (\(error.reason))")
            }
            printError("\(ToolInfo.name): replaced \(what) in \(path) (--force)")
        case .create:
            break
        }
        do {
            try writeState(State(content: content, builds: builds, inputs: inputs))
        } catch {
            throw .usage("--out \(path): cannot create the folder (\(describe(error)))")
        }
        if !locked { try lock() }
        return builds
    }

    /// What a sweep folder's state file records.
    struct State {
        /// What the results are a function of: `SweepSetup.content`, and a
        /// shard's spec (`shard`).
        var content: JSONObject
        /// The builds that ran the runs, in order.
        var builds: [JSONValue]
        /// The sweep to read back (`SweepSetup.record`); nil in folders of
        /// earlier builds.
        var inputs: JSONValue?
    }

    /// Writes the state file (creating `.sweep/`).
    func writeState(_ state: State) throws {
        try createFolder(atPath: statePath)
        var object: JSONObject = ["tool": .string(ToolInfo.name), "builds": .array(state.builds)]
        if let inputs = state.inputs { object["inputs"] = inputs }
        try Data(JSONValue.object(JSONObject(object.entries + state.content.entries)).formatted().utf8)
            .write(to: URL(fileURLWithPath: identityPath), options: .atomic)
    }

    /// The recorded state, if the state file is this tool's.
    func recordedState() -> State? {
        guard let data = FileManager.default.contents(atPath: identityPath),
              case .object(var state)? = try? JSONParser.parse(Array(data)),
              state["tool"] == .string(ToolInfo.name), case .array(let builds)? = state["builds"] else { return nil }
        let inputs = state["inputs"]
        for key in ["tool", "builds", "inputs"] { state[key] = nil }
        return State(content: state, builds: builds, inputs: inputs)
    }

    /// Whether a process holds the folder's lock (runs its sweep) now.
    var isBusy: Bool {
        let descriptor = open(statePath + "/lock", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_SH | LOCK_NB) != 0
    }

    /// The folder is being added to: it stops being complete.
    func markIncomplete() {
        try? FileManager.default.removeItem(atPath: file(RunManifest.file))
    }

    /// Deletes the temporary files an interrupted finish may leave (tables
    /// and lists being written, part files already joined): a complete
    /// folder then holds what an uninterrupted sweep leaves.
    func removeTemporaries() {
        let manager = FileManager.default
        for folder in [path, statePath] {
            for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".tmp") {
                try? manager.removeItem(atPath: folder + "/" + name)
            }
        }
    }

    /// Moves a finished temporary file into place.
    func publish(_ name: String) throws(OutputError) {
        try move(temporary(name), to: file(name))
    }

    func move(_ from: String, to: String) throws(OutputError) {
        if rename(from, to) != 0 { throw OutputError.fromErrno(to, "renaming into place") }
    }

    /// Holds the sweep's lock for the rest of the process.
    private func lock() throws(CLIError) {
        let lockPath = statePath + "/lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .usage("\(lockPath): cannot open the sweep's lock (\(String(cString: strerror(errno))))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .usage("\(path): another \(ToolInfo.name) process is running this sweep; wait for it, or stop it first")
        }
        // Kept open: the lock lasts as long as the process.
    }

    /// Where two resolved sweeps first differ, as a key path.
    static func firstDifference(_ a: JSONValue, _ b: JSONValue, at path: String) -> String? {
        guard a != b else { return nil }
        guard case .object(let x) = a, case .object(let y) = b else { return path }
        let keys = Set(x.keys)
        for key in x.keys + y.keys.filter({ !keys.contains($0) }) {
            if let found = firstDifference(x[key] ?? .null, y[key] ?? .null, at: path.isEmpty ? key : "\(path).\(key)") {
                return found
            }
        }
        return path
    }
}
