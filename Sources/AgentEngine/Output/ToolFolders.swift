import Foundation

/// Which folders a tool wrote, so `--force` replaces those and never any
/// other: a folder is the tool's when it is empty, or when it holds one of
/// the tool's marks — a JSON file (a manifest, a sweep's state) whose value
/// at a key path is the tool's name — and nothing else than the files its
/// manifest lists (`resources[].path`), the names the tool writes into its
/// folders (`companions`: its tables, a report, a sweep's state) and the
/// tool's own temporaries (`.NAME.tmp`). A file that merely has the same name
/// as a mark, in someone else's folder, is not a mark; a folder the tool
/// wrote that now also holds someone's file is not replaced.
///
/// A folder is replaced by renaming it aside (one atomic step, to a hidden
/// sibling named after the tool and the process) and then deleting it, so
/// an interruption leaves either the old folder whole or a leftover that
/// the next call of `removeLeftovers` deletes.
public struct ToolFolders: Sendable {
    /// A JSON file, relative to the folder, whose value at `key` names the tool.
    public struct Mark: Sendable {
        public let file: String
        public let key: [String]

        public init(file: String, key: [String]) {
            self.file = file
            self.key = key
        }
    }

    public let tool: String
    public let marks: [Mark]
    /// Names (files or folders) the tool writes into its folders.
    public let companions: Set<String>

    public init(tool: String, marks: [Mark], companions: Set<String> = []) {
        self.tool = tool
        self.marks = marks
        self.companions = companions
    }

    /// Whether the folder at `path` is the tool's and may be replaced.
    public func owns(_ path: String) -> Bool { inTheWay(path) == [] }

    /// What stops the folder at `path` from being replaced: nil when it is
    /// not the tool's at all (no mark), else the entries the tool did not
    /// write (empty: it may be replaced).
    public func inTheWay(_ path: String) -> [String]? {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: path) else { return nil }
        if entries.isEmpty { return [] }
        var listed: Set<String> = []
        var marked = false
        for mark in marks {
            guard let document = Self.readMark(path + "/" + mark.file), document.value(at: mark.key) == .string(tool) else { continue }
            marked = true
            listed.insert(String(mark.file.split(separator: "/").first ?? ""))
            if case .array(let resources)? = document.value(at: ["resources"]) {
                for resource in resources {
                    if case .string(let file)? = resource.value(at: ["path"]) { listed.insert(file) }
                }
            }
        }
        guard marked else { return nil }
        return entries.filter { !listed.contains($0) && !companions.contains($0) && !($0.hasPrefix(".") && $0.hasSuffix(".tmp")) }.sorted()
    }

    private static func readMark(_ file: String) -> JSONValue? {
        let manager = FileManager.default
        guard let size = (try? manager.attributesOfItem(atPath: file))?[.size] as? Int, size <= largestMark,
              let data = manager.contents(atPath: file) else { return nil }
        return try? JSONParser.parse(Array(data))
    }

    /// A manifest embeds the resolved inputs (a points design's rows), so
    /// marks may be large; beyond this a file is not read.
    static let largestMark = 256 << 20

    /// Where `path` goes while it is being replaced: a hidden sibling named
    /// after the tool and this process.
    public func asidePath(for path: String) -> String {
        sibling(of: path, "aside-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Where a folder is filled before it is renamed to `path`.
    public func stagingPath(for path: String) -> String {
        sibling(of: path, "partial-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Renames the folder at `path` aside, then deletes it.
    public func remove(_ path: String) throws(OutputError) {
        let aside = asidePath(for: path)
        if rename(path, aside) != 0 { throw OutputError.fromErrno(path, "moving the folder aside to replace it") }
        do {
            try FileManager.default.removeItem(atPath: aside)
        } catch {
            throw OutputError(path: aside, reason: "cannot delete the replaced folder (\(describe(error))); it may be deleted by hand")
        }
    }

    /// What `removeLeftovers` did.
    public struct Leftovers: Sendable, Equatable {
        /// Folders deleted: being filled, or moved aside, by processes that
        /// are gone.
        public var removed: [String] = []
        /// A folder moved aside to be replaced, by a process that died before
        /// its replacement took its place, renamed back to `path`.
        public var restored: String?
    }

    /// Cleans up what interrupted runs and replacements of `path` left
    /// beside it (`Leftovers`), by processes that are gone: a folder moved
    /// aside whose replacement never arrived is renamed back (the earlier
    /// results are not lost); everything else is deleted.
    @discardableResult
    public func removeLeftovers(of path: String) -> Leftovers {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).\(tool)-"
        var result = Leftovers()
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).sorted() where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.lastIndex(of: "-"), ["aside", "partial"].contains(rest[..<dash]),
                  let pid = Int32(rest[rest.index(after: dash)...]), !Self.isRunning(pid) else { continue }
            let leftover = parent + "/" + name
            if rest[..<dash] == "aside" && !FileManager.default.fileExists(atPath: url.path) && rename(leftover, url.path) == 0 {
                result.restored = name
                continue
            }
            if (try? FileManager.default.removeItem(atPath: leftover)) != nil { result.removed.append(name) }
        }
        return result
    }

    private func sibling(of path: String, _ suffix: String) -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(tool)-\(suffix)").path
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        pid == ProcessInfo.processInfo.processIdentifier || kill(pid, 0) == 0 || errno == EPERM
    }
}

/// The reason of a file-system error in plain words ("Permission denied"),
/// not Foundation's error domain and code.
public func describe(_ error: any Error) -> String {
    if let output = error as? OutputError { return output.description }
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
    return nsError.localizedDescription
}

/// Creates the folder at `path` and any missing parents (as `mkdir -p`),
/// with the system's reason when it cannot ("Not a directory", "Permission
/// denied"), which Foundation's `createDirectory` does not always give.
/// Returns the folders it created, outermost first (none when `path`
/// existed); on failure it removes them again.
@discardableResult
public func createFolder(atPath path: String) throws(OutputError) -> [String] {
    var current = path.hasPrefix("/") ? "" : "."
    var created: [String] = []
    for component in path.split(separator: "/") {
        current += "/" + component
        if mkdir(current, 0o755) == 0 {
            created.append(current)
        } else if errno != EEXIST {
            let error = OutputError.fromErrno(current, "creating the folder")
            for folder in created.reversed() { rmdir(folder) }
            throw error
        }
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw OutputError(path: path, reason: "a file of that name is in the way; the output must be a folder")
    }
    return created
}
