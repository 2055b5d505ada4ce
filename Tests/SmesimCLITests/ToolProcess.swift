import AgentEngine
import Foundation
import Testing

/// Runs the built `smesim` executable as a separate process, as a user would.
struct ToolProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `smesim` binary SwiftPM built beside this test bundle.
    static let executable: URL = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("smesim")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return candidates[0].appendingPathComponent("smesim")
    }()

    /// `limits`, if given, are shell commands run first (`ulimit -v 1000000`)
    /// in a shell that then becomes the tool.
    static func run(_ arguments: [String], in folder: URL, limits: String? = nil) throws -> Result {
        let process = Process()
        if let limits {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", limits + "; exec \"$0\" \"$@\"", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a chatty child cannot block.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension ToolProcess {
    /// Starts the tool with `arguments` in `folder`, waits until the sweep
    /// journal `journal` (relative to `folder`) holds `runs` lines, and kills
    /// it with SIGKILL, a real crash. Returns whether it was killed (not
    /// finished first) and how many runs were then recorded.
    static func killed(_ arguments: [String], in folder: URL, journal: String, after runs: Int) throws -> (killed: Bool, recorded: Int) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardError = FileHandle.nullDevice
        try process.run()
        let url = folder.appendingPathComponent(journal)
        func recorded() -> Int { ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").count }
        let deadline = Date().addingTimeInterval(120)
        while recorded() < runs && process.isRunning && Date() < deadline { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return (process.terminationReason == .uncaughtSignal, recorded())
    }
}

/// runs.csv of the folder `out` in `folder` without its wall_seconds column
/// (the one field that differs between repetitions).
func runsWithoutWallTime(_ folder: URL, _ out: String) throws -> [[String]] {
    let table = try CSVReader.rows(try read(folder, "\(out)/runs.csv"))
    let wall = try #require(table.first?.firstIndex(of: "wall_seconds"))
    return table.map { row in row.enumerated().filter { $0.offset != wall }.map(\.element) }
}

/// A fresh, empty folder under the system's temporary folder.
func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("smesim-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func contents(of folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}

/// The repository's root folder, found from this source file.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The text of the file at `path` inside `folder`.
func read(_ folder: URL, _ path: String) throws -> String {
    try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
}
