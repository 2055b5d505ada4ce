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
public struct OutputDirectory: Sendable {
    public let finalPath: String
    public let stagingPath: String
    /// Whether an existing folder may be replaced.
    public let force: Bool

    /// A file every folder this tool writes holds; `--force` replaces only
    /// folders that have it (or are empty), never an arbitrary folder.
    public static let marker = "manifest.json"

    /// Checks that `path` may be written (it must not exist unless `force`,
    /// and its parent must be creatable and writable) and creates the
    /// staging folder.
    public static func prepare(_ path: String, force: Bool) throws(OutputFolderError) -> OutputDirectory {
        let manager = FileManager.default
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let finalPath = url.path
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: finalPath, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                throw OutputFolderError(path: path, reason: "a file of that name exists; the output must be a folder")
            }
            if !force {
                throw OutputFolderError(path: path, reason: "the folder exists already; pass --force to replace it, or choose another --out")
            }
            let entries = (try? manager.contentsOfDirectory(atPath: finalPath)) ?? []
            if !entries.isEmpty && !entries.contains(marker) {
                throw OutputFolderError(path: path, reason: "the folder is not an output of this tool (it has no \(marker)); --force replaces only earlier results or an empty folder, so remove it yourself or choose another --out")
            }
        }
        let parent = url.deletingLastPathComponent().path
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputFolderError(path: path, reason: "cannot create the parent folder \(parent) (\(describe(error)))")
        }
        guard manager.isWritableFile(atPath: parent) else {
            throw OutputFolderError(path: path, reason: "the parent folder \(parent) is not writable")
        }
        let staging = URL(fileURLWithPath: parent)
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)").path
        try? manager.removeItem(atPath: staging)
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputFolderError(path: path, reason: "cannot create a folder in \(parent) (\(describe(error)))")
        }
        return OutputDirectory(finalPath: finalPath, stagingPath: staging, force: force)
    }

    /// Where the file `name` is written until the folder is committed.
    public func stagingFile(_ name: String) -> String {
        (stagingPath as NSString).appendingPathComponent(name)
    }

    /// Moves the finished folder into place, replacing an older one only
    /// with `force` (a folder that appeared during the run is not replaced).
    public func commit() throws(OutputError) {
        let manager = FileManager.default
        var replaced: String?
        if manager.fileExists(atPath: finalPath) {
            guard force else {
                throw OutputError(path: finalPath, reason: "a folder of that name appeared while the run was going (another run?); it was left alone, and this run's results were not kept — rerun with another --out or --force")
            }
            let aside = finalPath + ".replaced-\(ProcessInfo.processInfo.processIdentifier)"
            do { try manager.moveItem(atPath: finalPath, toPath: aside) } catch {
                throw OutputError(path: finalPath, reason: "cannot move the old folder aside (\(describe(error)))")
            }
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

private func describe(_ error: Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
       underlying.domain == NSPOSIXErrorDomain {
        return String(cString: strerror(Int32(underlying.code)))
    }
    return nsError.localizedDescription
}
