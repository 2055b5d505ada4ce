import AgentEngine

/// How `run` and `compare` write their output folder: prepared before
/// anything runs (a folder that cannot be used is a usage error), filled
/// under its staging name with Ctrl-C and SIGTERM deleting it, committed
/// when complete, and deleted when filling fails (a runtime error) — so
/// the final name holds a complete folder or nothing new.
extension OutputDirectory {
    static func prepared(_ path: String, force: Bool) throws(CLIError) -> OutputDirectory {
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
            if let gone = try commit() {
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
