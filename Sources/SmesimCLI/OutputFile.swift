import AgentEngine
import Foundation

/// A single output file (a report page, a sensitivity table) written
/// whole or not at all: under a temporary name beside it,
/// `.NAME.PID.tmp` — a name `--force`'s check of a results folder ignores
/// — then renamed into place. The temporary file is deleted when writing
/// fails or the process is interrupted, so the path holds the earlier file
/// or the finished one, never a part.
enum OutputFile {
    /// Writes `path` through `body`, which writes the file at the path it
    /// is given; a failure says `failure: why`.
    static func replace(_ path: String, failure: String, _ body: (String) throws -> Void) throws(CLIError) {
        let name = (path as NSString).lastPathComponent
        let temporary = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(".\(name).\(getpid()).tmp")
        let interruption = InterruptionGuard(message: failure) { try? FileManager.default.removeItem(atPath: temporary) }
        defer { interruption.disarm() }
        do {
            try body(temporary)
            if rename(temporary, path) != 0 { throw OutputError.fromErrno(path, "renaming into place") }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .runtime("\(failure): \(error)")
        }
    }
}
