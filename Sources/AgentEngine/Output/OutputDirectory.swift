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
        var isDirectory: ObjCBool = false
        if let target = danglingLinkTarget(finalPath) {
            throw OutputFolderError(path: path, reason: "is a symbolic link to \(target), which does not exist; remove the link or choose another --out")
        }
        if manager.fileExists(atPath: finalPath, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                throw OutputFolderError(path: path, reason: "a file of that name exists; the output must be a folder")
            }
            if !force {
                throw OutputFolderError(path: path, reason: "the folder exists already; pass --force to replace it, or choose another --out")
            }
            if !folders.owns(finalPath) {
                throw OutputFolderError(path: path, reason: Self.notOwned(folders))
            }
        }
        let parent = url.deletingLastPathComponent().path
        do {
            try createFolder(atPath: parent)
        } catch {
            throw OutputFolderError(path: path, reason: "cannot create the parent folder (\(error))")
        }
        guard manager.isWritableFile(atPath: parent) else {
            throw OutputFolderError(path: path, reason: "the parent folder \(parent) is not writable")
        }
        folders.removeLeftovers(of: finalPath)
        let staging = folders.stagingPath(for: finalPath)
        try? manager.removeItem(atPath: staging)
        if mkdir(staging, 0o755) != 0 {
            throw OutputFolderError(path: path, reason: "cannot create a folder in \(parent) (\(String(cString: strerror(errno))))")
        }
        return OutputDirectory(finalPath: finalPath, stagingPath: staging, force: force, folders: folders)
    }

    /// Why `--force` does not replace a folder.
    public static func notOwned(_ folders: ToolFolders) -> String {
        "the folder is not an output of \(folders.tool) (no \(folders.marks.map(\.file).joined(separator: " or ")) written by \(folders.tool)); "
            + "--force replaces only earlier results of \(folders.tool) or an empty folder, so remove it yourself or choose another --out"
    }

    /// Where the file `name` is written until the folder is committed.
    public func stagingFile(_ name: String) -> String {
        (stagingPath as NSString).appendingPathComponent(name)
    }

    /// Moves the finished folder into place, replacing an older one only
    /// with `force` and only when the tool wrote it (a folder that appeared
    /// during the run is checked again).
    public func commit() throws(OutputError) {
        let manager = FileManager.default
        var replaced: String?
        if manager.fileExists(atPath: finalPath) {
            guard force else {
                throw OutputError(path: finalPath, reason: "a folder of that name appeared while the run was going (another run?); it was left alone, and this run's results were not kept — rerun with another --out or --force")
            }
            guard folders.owns(finalPath) else {
                throw OutputError(path: finalPath, reason: Self.notOwned(folders) + "; this run's results were not kept")
            }
            let aside = folders.asidePath(for: finalPath)
            if rename(finalPath, aside) != 0 { throw OutputError.fromErrno(finalPath, "moving the old folder aside") }
            replaced = aside
        }
        if rename(stagingPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            if let replaced { _ = rename(replaced, finalPath) }
            throw OutputError(path: finalPath, reason: "cannot rename the finished folder into place (\(reason))")
        }
        if let replaced { try? manager.removeItem(atPath: replaced) }
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
