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
        // One git call: the header line "# branch.oid SHA" names HEAD, and
        // any line not starting with "#" is a changed tracked file.
        guard let status = git(["--no-optional-locks", "-C", sourceFolder, "status", "--porcelain=v2", "--branch",
                                "--untracked-files=no"]) else { return nil }
        let lines = status.split(separator: "\n")
        guard let oid = lines.first(where: { $0.hasPrefix("# branch.oid ") })?.dropFirst("# branch.oid ".count),
              oid != "(initial)", !oid.isEmpty else { return nil }
        let dirty = lines.contains { !$0.hasPrefix("#") }
        return dirty ? oid + "-dirty" : String(oid)
    }()

    /// A digest of this executable's bytes (`/proc/self/exe`): the build
    /// exactly, whatever happened to the checkout since; nil where the
    /// executable cannot be read.
    public static let executableDigest: String? = {
        guard let data = FileManager.default.contents(atPath: "/proc/self/exe") ?? CommandLine.arguments.first
                .flatMap({ FileManager.default.contents(atPath: $0) }) else { return nil }
        return RunIdentity.digest([UInt8](data))
    }()

    /// This build as a sweep records the builds that ran its runs: the
    /// version, the checkout's revision for provenance, and the
    /// executable's digest, which decides whether two builds are the same.
    static var build: JSONValue {
        .object(["version": .string(version), "git_revision": gitRevision.map(JSONValue.string) ?? .null,
                 "executable": executableDigest.map(JSONValue.string) ?? .null])
    }

    /// Whether two recorded builds are the same build: the same executable
    /// when both digests are known (editing the checkout after building
    /// changes the revision's "-dirty" flag, not the results), else the
    /// same version and revision.
    static func sameBuild(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if case .string(let x)? = a.value(at: ["executable"]), case .string(let y)? = b.value(at: ["executable"]) { return x == y }
        return a.value(at: ["version"]) == b.value(at: ["version"]) && a.value(at: ["git_revision"]) == b.value(at: ["git_revision"])
    }

    /// "smesim 0.1.0 (git 1a2b3c…-dirty, executable 9f8e7d6c5b4a)".
    static func describe(build: JSONValue) -> String {
        let version = build.value(at: ["version"]).flatMap { if case .string(let v) = $0 { v } else { nil } } ?? "?"
        let revision = build.value(at: ["git_revision"]).flatMap { if case .string(let r) = $0 { r } else { nil } }
        let executable = build.value(at: ["executable"]).flatMap { if case .string(let e) = $0 { String(e.prefix(12)) } else { nil } }
        return "\(name) \(version) (\(revision.map { "git \($0)" } ?? "no git revision")\(executable.map { ", executable \($0)" } ?? ""))"
    }

    /// The folders `--force` may replace: a run's, a sweep's or a
    /// comparison's (a manifest this tool wrote, or a sweep's state) holding
    /// nothing else than what the tool writes there, or an empty one.
    static let folders = ToolFolders(tool: name, marks: [RunManifest.mark, SweepFolder.mark], companions: companions)

    /// What the tool writes into its folders besides the tables a manifest
    /// lists: every table any command writes (a sweep's before its manifest
    /// is published), a comparison's scenario folders, a sweep's state, and
    /// the files `report` and `analyze` add later.
    static let companions: Set<String> = Set(
        [OutputTables.timeseries([]), OutputTables.alliances([]), OutputTables.runs([], outcomes: []), OutputTables.points([])].map(\.file)
        + ["firms.csv", "comparison.csv", "cost_effectiveness.csv", "sensitivity.csv", "report.html", "scenarios", ".sweep", ".runs"])

    /// Runs git and returns its standard output, or nil when it fails.
    /// Spawned and waited for directly: Foundation's `Process` polls for the
    /// child's end and adds about 0.1 s, which a finished sweep would pay.
    private static func git(_ arguments: [String]) -> String? {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        let argv = (["git"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "git", &actions, nil, argv, environ)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard spawned == 0 else { return nil }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            output += buffer[..<count]
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // Exited (low 7 bits 0) with code 0.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else { return nil }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
