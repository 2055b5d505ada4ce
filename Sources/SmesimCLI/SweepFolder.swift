import AgentEngine
import Foundation

/// A sweep's output folder: the finished tables, `manifest.json` (present
/// only when every run is recorded and the tables are joined), and the
/// state of the sweep in `.sweep/`.
///
/// A folder belongs to exactly one resolved sweep (`.sweep/sweep.json`):
/// running the same sweep again resumes it, a different sweep is refused
/// unless `--force`, and a folder this tool did not write is never
/// touched. One process at a time holds the sweep (a lock in `.sweep/`,
/// released by the system however the process ends).
struct SweepFolder {
    let path: String

    init(path: String) {
        self.path = URL(fileURLWithPath: path).standardizedFileURL.path
    }

    var statePath: String { path + "/.sweep" }
    private var identityPath: String { statePath + "/sweep.json" }

    func file(_ name: String) -> String { path + "/" + name }
    func temporary(_ name: String) -> String { path + "/." + name + ".tmp" }

    var isComplete: Bool { FileManager.default.fileExists(atPath: file("manifest.json")) }

    /// Makes the folder this sweep's: creates it, or checks that it holds
    /// this sweep (to resume), nothing, or — with `force` — another output
    /// of this tool, which is replaced. Then takes the sweep's lock.
    func claim(identity: String, force: Bool) throws(CLIError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .usage("--out \(path): a file of that name exists; the output must be a folder")
            }
            if manager.fileExists(atPath: identityPath) {
                try lock()
                let recorded = (try? String(contentsOfFile: identityPath, encoding: .utf8)) ?? ""
                if recorded == identity { return }
                guard force else {
                    throw .usage("\(path) holds a different sweep (\(difference(recorded, identity))); pass --force to replace it, or choose another --out")
                }
                try replace()
            } else {
                let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
                if !entries.isEmpty {
                    guard entries.contains("manifest.json") else {
                        throw .usage("\(path) is not an output of this tool (it has no manifest.json); remove it yourself or choose another --out")
                    }
                    guard force else {
                        throw .usage("\(path) holds the results of a run, not of this sweep; pass --force to replace it, or choose another --out")
                    }
                    try replace()
                }
            }
        }
        do {
            try manager.createDirectory(atPath: statePath, withIntermediateDirectories: true)
            try Data(identity.utf8).write(to: URL(fileURLWithPath: identityPath), options: .atomic)
        } catch {
            throw .usage("--out \(path): cannot create the folder (\(error.localizedDescription))")
        }
        try lock()
    }

    /// The folder is being added to: it stops being complete.
    func markIncomplete() {
        try? FileManager.default.removeItem(atPath: file("manifest.json"))
    }

    /// Moves a finished temporary file into place.
    func publish(_ name: String) throws(OutputError) {
        try move(temporary(name), to: file(name))
    }

    func move(_ from: String, to: String) throws(OutputError) {
        if rename(from, to) != 0 { throw OutputError.fromErrno(to, "renaming into place") }
    }

    private func replace() throws(CLIError) {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw .usage("--out \(path): cannot replace the folder (\(error.localizedDescription))")
        }
        printError("\(ToolInfo.name): replaced the earlier results in \(path) (--force)")
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
            throw .usage("\(path): another smesim process is running this sweep; wait for it, or stop it first")
        }
        // Kept open: the lock lasts as long as the process.
    }

    /// Where two resolved sweeps first differ, as a key path.
    private func difference(_ recorded: String, _ current: String) -> String {
        guard let a = try? JSONParser.parse(Array(recorded.utf8)), let b = try? JSONParser.parse(Array(current.utf8)) else {
            return "its sweep.json cannot be read"
        }
        return firstDifference(a, b, at: "").map { "it differs at \($0.isEmpty ? "the top" : $0)" } ?? "it differs"
    }

    private func firstDifference(_ a: JSONValue, _ b: JSONValue, at path: String) -> String? {
        guard a != b else { return nil }
        guard case .object(let x) = a, case .object(let y) = b else { return path }
        for key in x.keys + y.keys.filter({ !x.keys.contains($0) }) {
            if let found = firstDifference(x[key] ?? .null, y[key] ?? .null, at: path.isEmpty ? key : "\(path).\(key)") {
                return found
            }
        }
        return path
    }
}
