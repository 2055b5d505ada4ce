import Foundation

/// Why an output folder cannot be used; a usage error (exit code 2), found
/// before anything is written.
public struct OutputFolderError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "--out \(path): \(reason)" }
}

/// An output folder filled under a temporary name beside it and renamed
/// into place only when every file is complete, so a failed or interrupted
/// run never leaves a half-written folder under the final name.
///
/// An existing folder is replaced only with `force`, and only when the
/// tool wrote it (`ToolFolders.owns`), at the moment of the final rename.
public struct OutputDirectory: Sendable {
    public let finalPath: String
    public let stagingPath: String
    /// Whether an existing folder may be replaced.
    public let force: Bool
    public let folders: ToolFolders

    /// Checks that `path` may be written (it must not exist unless `force`
    /// and the tool wrote it, and its parent must be creatable and
    /// writable), deletes what interrupted runs left beside it and creates
    /// the staging folder.
    public static func prepare(_ path: String, force: Bool, folders: ToolFolders) throws(OutputFolderError) -> OutputDirectory {
        let manager = FileManager.default
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let finalPath = url.path
        if let problem = nameProblem(finalPath, folders: folders) { throw OutputFolderError(path: path, reason: problem) }
        // An earlier folder moved aside by a process that died before its
        // replacement arrived is put back first.
        folders.removeLeftovers(of: finalPath)
        var isDirectory: ObjCBool = false
        if let target = danglingLinkTarget(finalPath) {
            throw OutputFolderError(path: path, reason: "is a symbolic link to \(target), which does not exist; remove the link or choose another --out")
        }
        if manager.fileExists(atPath: finalPath, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                throw OutputFolderError(path: path, reason: "a file of that name exists; the output must be a folder")
            }
            if !force {
                throw OutputFolderError(path: path, reason: "the folder exists already; pass --force to replace it, or choose another output folder")
            }
            if !folders.owns(finalPath) {
                throw OutputFolderError(path: path, reason: Self.notOwned(folders, finalPath))
            }
        }
        let parent = url.deletingLastPathComponent().path
        let created: [String]
        do {
            created = try createFolder(atPath: parent)
        } catch {
            throw OutputFolderError(path: path, reason: "cannot create the parent folder (\(error))")
        }
        // Nothing stays behind when the folder cannot be made after all.
        func undo() { for folder in created.reversed() { rmdir(folder) } }
        guard manager.isWritableFile(atPath: parent) else {
            undo()
            throw OutputFolderError(path: path, reason: "the parent folder \(parent) is not writable")
        }
        let staging = folders.stagingPath(for: finalPath)
        try? manager.removeItem(atPath: staging)
        if mkdir(staging, 0o755) != 0 {
            let reason = String(cString: strerror(errno))
            undo()
            throw OutputFolderError(path: path, reason: "cannot create a folder in \(parent) (\(reason))")
        }
        return OutputDirectory(finalPath: finalPath, stagingPath: staging, force: force, folders: folders)
    }

    /// Why `path` cannot name an output folder: a name longer than a file
    /// system allows (255 bytes, less what the staging name adds) or a path
    /// longer than 4,096 bytes; checked before anything is created.
    static func nameProblem(_ path: String, folders: ToolFolders) -> String? {
        let longest = 255 - (folders.stagingPath(for: path) as NSString).lastPathComponent.utf8.count
            + (path as NSString).lastPathComponent.utf8.count
        if let long = path.split(separator: "/").dropLast().first(where: { $0.utf8.count > 255 }) {
            return "the folder name \"\(long.prefix(40))…\" has \(long.utf8.count) bytes; a name has at most 255"
        }
        let name = (path as NSString).lastPathComponent
        if name.utf8.count > longest {
            return "the output folder's name has \(name.utf8.count) bytes; at most \(longest) (with the temporary name \(folders.tool) writes beside it, a name has at most 255)"
        }
        if path.utf8.count > 4_000 { return "the path has \(path.utf8.count) bytes; at most 4000" }
        return nil
    }

    /// Why `--force` does not replace the folder at `path`.
    public static func notOwned(_ folders: ToolFolders, _ path: String) -> String {
        let rule = "--force replaces only earlier results of \(folders.tool) that hold nothing else, or an empty folder, "
            + "so move what you keep, remove the folder yourself or choose another output folder"
        guard let strays = folders.inTheWay(path), !strays.isEmpty else {
            return "the folder is not an output of \(folders.tool) (no \(folders.marks.map(\.file).joined(separator: " or ")) written by \(folders.tool)); " + rule
        }
        let shown = strays.prefix(5).joined(separator: ", ") + (strays.count > 5 ? " and \(strays.count - 5) more" : "")
        return "the folder holds \(shown), which \(folders.tool) did not write; " + rule
    }

    /// Where the file `name` is written until the folder is committed.
    public func stagingFile(_ name: String) -> String {
        (stagingPath as NSString).appendingPathComponent(name)
    }

    /// Moves the finished folder into place, replacing an older one only
    /// with `force` and only when the tool wrote it (a folder that appeared
    /// during the run is checked again). Returns, when it replaced a folder,
    /// the entries of the old folder the new one does not have (gone with
    /// it), for the tool to say so.
    @discardableResult
    public func commit() throws(OutputError) -> [String]? {
        let manager = FileManager.default
        var replaced: String?
        var gone: [String] = []
        if manager.fileExists(atPath: finalPath) {
            guard force else {
                throw OutputError(path: finalPath, reason: "a folder of that name appeared while the run was going (another run?); it was left alone, and this run's results were not kept — rerun with another --out or --force")
            }
            guard folders.owns(finalPath) else {
                throw OutputError(path: finalPath, reason: Self.notOwned(folders, finalPath) + "; this run's results were not kept")
            }
            let aside = folders.asidePath(for: finalPath)
            gone = Set((try? manager.contentsOfDirectory(atPath: finalPath)) ?? [])
                .subtracting((try? manager.contentsOfDirectory(atPath: stagingPath)) ?? []).sorted()
            if rename(finalPath, aside) != 0 { throw OutputError.fromErrno(finalPath, "moving the old folder aside") }
            replaced = aside
        }
        if rename(stagingPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            if let replaced { _ = rename(replaced, finalPath) }
            throw OutputError(path: finalPath, reason: "cannot rename the finished folder into place (\(reason))")
        }
        guard let replaced else { return nil }
        try? manager.removeItem(atPath: replaced)
        return gone
    }

    /// Removes the staging folder and everything in it.
    public func discard() {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }
}

/// Where `path` points when it is a symbolic link whose target does not
/// exist (nil otherwise).
public func danglingLinkTarget(_ path: String) -> String? {
    var link = stat()
    guard lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK, access(path, F_OK) != 0 else { return nil }
    return (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "a missing path"
}

/// Whether `path` is a regular file (after following symbolic links): not a
/// folder, a FIFO, a device or a socket, which a reader could block on.
public func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
}
