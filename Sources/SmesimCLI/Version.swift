import AgentEngine
import Foundation

/// The tool's name and version, and the source revision it was built from.
public enum ToolInfo {
    public static let name = "smesim"
    public static let version = "0.1.0"

    /// `git rev-parse HEAD` of the source checkout this binary was built
    /// from (found through the compile-time path of this file), read when
    /// the tool runs — so it names the checkout's state then, which is the
    /// build's only if nothing was committed or changed since — with
    /// "-dirty" when tracked files have uncommitted changes; nil when that
    /// checkout or git is not there. The status check takes no lock.
    public static let gitRevision: String? = {
        let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        guard let head = git(["-C", sourceFolder, "rev-parse", "HEAD"]), !head.isEmpty else { return nil }
        let dirty = git(["--no-optional-locks", "-C", sourceFolder, "status", "--porcelain", "--untracked-files=no"]) ?? ""
        return dirty.isEmpty ? head : head + "-dirty"
    }()

    /// This build as a sweep records the builds that ran its runs.
    static var build: JSONValue {
        .object(["version": .string(version), "git_revision": gitRevision.map(JSONValue.string) ?? .null])
    }

    /// "smesim 0.1.0 (git 1a2b3c…-dirty)".
    static func describe(build: JSONValue) -> String {
        let version = build.value(at: ["version"]).flatMap { if case .string(let v) = $0 { v } else { nil } } ?? "?"
        let revision = build.value(at: ["git_revision"]).flatMap { if case .string(let r) = $0 { r } else { nil } }
        return "\(name) \(version) (\(revision.map { "git \($0)" } ?? "no git revision"))"
    }

    /// The folders `--force` may replace: a run's or a sweep's (a manifest
    /// this tool wrote, or a sweep's state), or an empty one.
    static let folders = ToolFolders(tool: name, marks: [RunManifest.mark, SweepFolder.mark])

    private static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
