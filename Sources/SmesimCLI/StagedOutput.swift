import AgentEngine
import Foundation

/// How `run` and `compare` write their output folder: prepared before
/// anything runs (a folder that cannot be used is a usage error), filled
/// under its staging name with Ctrl-C and SIGTERM deleting it, committed
/// when complete, and deleted when filling fails (a runtime error) — so
/// the final name holds a complete folder or nothing new.
extension OutputDirectory {
    static func prepared(_ path: String, force: Bool) throws(CLIError) -> OutputDirectory {
        // What interrupted runs left is cleaned up (and said) first, even
        // when the folder then turns out not to be usable.
        ToolInfo.folders.cleanUp(beside: path)
        do {
            return try prepare(path, force: force, folders: ToolInfo.folders)
        } catch {
            throw .usage(error.description)
        }
    }

    /// Runs `fill`, then commits; `what` names the command's work in the
    /// error ("the run failed and nothing was written: …").
    func fill<Result>(_ what: String, _ fill: () throws -> Result) throws(CLIError) -> Result {
        let interruption = InterruptionGuard(message: "nothing was written") { self.discard() }
        defer { interruption.disarm() }
        do {
            let result = try fill()
            let gone = try interruption.critical(done: "the results were complete and are in \(finalPath)") { () throws(OutputError) in
                try commit()
            }
            if let gone {
                printError("\(ToolInfo.name): replaced the earlier results in \(finalPath)"
                    + (gone.isEmpty ? "" : "; gone with them: \(gone.joined(separator: ", "))"))
            }
            return result
        } catch {
            discard()
            throw .runtime("\(what) failed and nothing was written: \(error)")
        }
    }
}

extension ToolFolders {
    /// Deletes what interrupted runs left beside the output folder `path`
    /// (and puts back a folder an interrupted replacement moved aside),
    /// saying so on stderr.
    func cleanUp(beside path: String) {
        removeLeftovers(of: URL(fileURLWithPath: path).standardizedFileURL.path).report(beside: path)
    }
}

extension ToolFolders.Leftovers {
    /// Says on stderr what was cleaned up beside `path`.
    func report(beside path: String) {
        if let restored {
            printError("\(ToolInfo.name): put back the earlier results in \(path) (an interrupted replacement had moved them aside to \(restored))")
        }
        if !removed.isEmpty {
            printError("\(ToolInfo.name): deleted what interrupted runs had left beside \(path): \(removed.joined(separator: ", "))")
        }
    }
}

/// Whether `path` is `folder` or inside it, links resolved.
func isInside(_ path: String, _ folder: String) -> Bool {
    let path = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    let folder = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
    return path == folder || path.hasPrefix(folder + "/")
}
