import Foundation

/// How many runs fit in memory at once: runs hold no more than 80 % of the
/// machine's memory, and a run that cannot fit at all is refused before
/// anything is written.
enum MemoryBudget {
    static var usableBytes: Double { Double(ProcessInfo.processInfo.physicalMemory) * 0.8 }

    /// The most runs of `bytesPerRun` that fit; `why` names what makes a
    /// run large, for the error.
    static func concurrentRuns(bytesPerRun: Double, why: String, remedy: String) throws(CLIError) -> Int {
        let usable = usableBytes
        guard bytesPerRun <= usable else {
            throw .usage("one run needs about \(gibibytes(bytesPerRun)) GiB (\(why)); this machine has \(gibibytes(usable / 0.8)) GiB: \(remedy)")
        }
        return Swift.max(1, Int(usable / bytesPerRun))
    }

    static func gibibytes(_ bytes: Double) -> String {
        String(format: "%.1f", bytes / 1_073_741_824)
    }
}

/// An ISO 8601 time with fractional seconds, for manifests.
func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.string(from: date)
}
