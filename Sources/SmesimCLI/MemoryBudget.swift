import Foundation

/// How many runs fit in memory at once: runs hold no more than 80 % of the
/// memory this process may use — the least of the machine's memory, the
/// address-space limit (`ulimit -v`, less what the process has already
/// mapped) and the memory limit of its control group (cgroup v2
/// `memory.max`, v1 `memory.limit_in_bytes`: a container's or a SLURM
/// job's) — and a run that cannot fit at all is refused before anything is
/// written.
enum MemoryBudget {
    /// The most runs of `bytesPerRun` that fit; `why` names what makes a
    /// run large, for the error.
    static func concurrentRuns(bytesPerRun: Double, why: String, remedy: String) throws(CLIError) -> Int {
        let (bytes, source) = limit
        let usable = bytes * 0.8
        guard bytesPerRun <= usable else {
            throw .usage("one run needs about \(gibibytes(bytesPerRun)) GiB (\(why)), more than the \(gibibytes(usable)) GiB it may use "
                + "(80 % of \(gibibytes(bytes)) GiB, \(source)): \(remedy)")
        }
        return Swift.max(1, Int(usable / bytesPerRun))
    }

    /// The memory this process may use, and where that limit comes from.
    static var limit: (bytes: Double, source: String) {
        var best = (bytes: Double(ProcessInfo.processInfo.physicalMemory), source: "this machine's memory")
        func consider(_ bytes: Double?, _ source: String) {
            if let bytes, bytes > 0, bytes < best.bytes { best = (bytes, source) }
        }
        var address = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &address) == 0 && address.rlim_cur != rlim_t.max {
            consider(Double(address.rlim_cur) - mappedBytes, "the address-space limit (ulimit -v) less what is mapped")
        }
        consider(controlGroupLimit(), "the memory limit of this process's control group (container or job)")
        return best
    }

    /// The control group's memory limit, if it sets one (v2 first, then v1).
    static func controlGroupLimit() -> Double? {
        guard let lines = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8) else { return nil }
        var candidates: [String] = []
        for line in lines.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            let path = String(parts[2])
            if parts[0] == "0" && parts[1].isEmpty {
                candidates += ["/sys/fs/cgroup\(path)/memory.max", "/sys/fs/cgroup/memory.max"]
            } else if parts[1].split(separator: ",").contains("memory") {
                candidates += ["/sys/fs/cgroup/memory\(path)/memory.limit_in_bytes", "/sys/fs/cgroup/memory/memory.limit_in_bytes"]
            }
        }
        let limits = candidates.compactMap { file -> Double? in
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
            // "max" (v2) or a value near 2^63 (v1) means no limit.
            guard let value = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)), value < 1e18 else { return nil }
            return value
        }
        return limits.min()
    }

    /// The process's mapped address space now (VmSize), in bytes.
    static var mappedBytes: Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmSize:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes * 1024
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
