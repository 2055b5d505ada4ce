import AgentEngine
import Foundation
import SMEModel

/// A scenario ready to run, with where it came from.
public struct LoadedScenario {
    public let scenario: Scenario
    /// The file it was read from; nil for the embedded default.
    public let file: String?
}

/// Reads scenario files and reports every problem with the file name (or
/// the command-line option), the key path and the allowed values.
public enum ScenarioLoader {
    /// Largest input file read (scenario and sweep files are a few kilobytes).
    public static let maximumFileSize = 8 << 20
    /// Most problems listed; the rest are counted.
    public static let maximumProblemsShown = 50

    public static func load(_ file: String?, overrides: [ScenarioOverride] = []) throws(CLIError) -> LoadedScenario {
        let label = file ?? "<embedded default scenario>"
        var document = try file.map { file throws(CLIError) in try parse(try read(file), label: file) } ?? .object(JSONObject())
        document = try apply(overrides, to: document, label: label)
        return LoadedScenario(scenario: try decode(document, label: label, sources: overrides.map(\.source)), file: file)
    }

    /// Where a value of the document was set (a `--set`, a sweep file's
    /// `set`), to tell a problem against it rather than against the file.
    struct Source {
        /// The key or group set.
        let path: String
        /// The problem, told against this source.
        let describe: (InputProblem) -> String
    }

    /// `document` with every override applied, in order.
    static func apply(_ overrides: [ScenarioOverride], to document: JSONValue, label: String) throws(CLIError) -> JSONValue {
        var document = document
        for override in overrides {
            do {
                document = try Scenario.schema.setting(override.path, to: override.value, in: document)
            } catch {
                throw .usage("\(override.given): \(label): \(error.message)")
            }
        }
        return document
    }

    /// Decodes a scenario document; each problem is told against the last
    /// of `sources` that set one of its keys (for a broken rule between
    /// keys, any of the rule's keys), or else against `label`.
    static func decode(_ document: JSONValue, label: String, sources: [Source] = []) throws(CLIError) -> Scenario {
        do {
            return try Scenario.decode(document)
        } catch {
            throw .usage(describe(error.problems, omitted: error.omitted) { problem in
                sources.last { problem.concerns($0.path) }?.describe(problem) ?? "\(label): \(problem)"
            })
        }
    }

    /// The problems, one a line (the first `maximumProblemsShown`, then a
    /// count); `omitted` more were found but not kept.
    static func describe(_ problems: [InputProblem], omitted: Int = 0, _ line: (InputProblem) -> String) -> String {
        let total = problems.count + omitted
        var lines = problems.prefix(maximumProblemsShown).map(line)
        if total > maximumProblemsShown {
            lines.append("… and \(total - maximumProblemsShown) more problems")
        }
        let count = total <= 1 ? "" : "\(total) problems:\n  "
        return count + lines.joined(separator: "\n  ")
    }

    /// `path` as given when absolute, else relative to `folder` (that of the
    /// file naming it; empty: the working directory).
    static func resolve(_ path: String, relativeTo folder: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? path : folder + "/" + path
    }

    static func read(_ file: String) throws(CLIError) -> [UInt8] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw .usage("\(file): no such file")
        }
        if isDirectory.boolValue {
            throw .usage("\(file): is a folder, not a file")
        }
        guard isRegularFile(file) else {
            throw .usage("\(file): is not a regular file (a pipe, a device or a socket); give a JSON file")
        }
        guard manager.isReadableFile(atPath: file), let handle = FileHandle(forReadingAtPath: file) else {
            throw .usage("\(file): cannot be read (permission denied)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
        } catch {
            throw .usage("\(file): cannot be read (\(AgentEngine.describe(error)))")
        }
        if data.count > maximumFileSize {
            throw .usage("\(file): larger than \(maximumFileSize >> 20) MiB; an input file is a small document")
        }
        return [UInt8](data)
    }

    static func parse(_ bytes: [UInt8], label: String) throws(CLIError) -> JSONValue {
        if String(validating: bytes, as: UTF8.self) == nil {
            throw .usage("\(label): is not UTF-8 text")
        }
        do {
            return try JSONParser.parse(bytes)
        } catch {
            throw .usage("\(label): invalid JSON at \(error)")
        }
    }
}
