import Foundation

/// Whether an output fits on its disk: refused before anything is written
/// when the free space of the file system that will hold `folder` (its
/// nearest existing ancestor) is less than 1.25 times the output's estimated
/// size plus 64 MiB. Tables are joined without doubling (each run's part is
/// deleted as it is copied), so the estimate is the output's own size.
enum DiskBudget {
    /// `label` names the folder in the message, `remedy` says what to do.
    static func check(bytes: Double, writingTo folder: String, label: String? = nil,
                      remedy: String = "free some space, choose another --out, or write less (fewer replicates, ticks or firms, no panel)") throws(CLIError) {
        guard let free = freeBytes(near: folder) else { return }
        let needed = bytes * 1.25 + 64 * 1_048_576
        guard needed <= free else {
            throw .usage("\(label ?? "--out \(folder)"): the output needs about \(size(bytes)) (\(size(needed)) with a margin), "
                + "and the disk holding it has \(size(free)) free: \(remedy)")
        }
    }

    /// Free bytes for an unprivileged writer on the file system of `path`'s
    /// nearest existing ancestor; nil when it cannot be read.
    static func freeBytes(near path: String) -> Double? {
        var current = URL(fileURLWithPath: path).standardizedFileURL
        while !FileManager.default.fileExists(atPath: current.path) && current.path != "/" {
            current = current.deletingLastPathComponent()
        }
        var info = statvfs()
        guard statvfs(current.path, &info) == 0 else { return nil }
        return Double(info.f_bavail) * Double(info.f_frsize)
    }

    static func size(_ bytes: Double) -> String {
        bytes >= 1_073_741_824 ? String(format: "%.1f GiB", bytes / 1_073_741_824) : String(format: "%.0f MiB", bytes / 1_048_576)
    }
}
