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
        return LoadedScenario(scenario: try decode(document, label: label, overrides: overrides), file: file)
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

    /// Decodes a scenario document; each problem is told against the
    /// override that set its key, or else against `label`.
    static func decode(_ document: JSONValue, label: String, overrides: [ScenarioOverride] = []) throws(CLIError) -> Scenario {
        do {
            return try Scenario.decode(document)
        } catch {
            throw .usage(describe(error.problems) { problem in
                let source = overrides.last { override in
                    problem.path == override.path || problem.path.hasPrefix(override.path + ".")
                }
                return "\(source?.given ?? label): \(problem)"
            })
        }
    }

    /// The problems, one a line (the first `maximumProblemsShown`, then a count).
    static func describe(_ problems: [InputProblem], _ line: (InputProblem) -> String) -> String {
        var lines = problems.prefix(maximumProblemsShown).map(line)
        if problems.count > maximumProblemsShown {
            lines.append("… and \(problems.count - maximumProblemsShown) more problems")
        }
        let count = problems.count == 1 ? "" : "\(problems.count) problems:\n  "
        return count + lines.joined(separator: "\n  ")
    }

    static func read(_ file: String) throws(CLIError) -> [UInt8] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw .usage("\(file): no such file")
        }
        if isDirectory.boolValue {
            throw .usage("\(file): is a folder, not a file (give the path of a .json file)")
        }
        guard manager.isReadableFile(atPath: file), let handle = FileHandle(forReadingAtPath: file) else {
            throw .usage("\(file): cannot be read (permission denied)")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maximumFileSize + 1) ?? Data()
        } catch {
            throw .usage("\(file): cannot be read (\(error.localizedDescription))")
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
