import AgentEngine
import Foundation
import SMEModel

/// A scenario ready to run, with where it came from.
public struct LoadedScenario {
    public let scenario: Scenario
    /// The file it was read from; nil for the embedded default.
    public let file: String?
}

/// A value given on the command line that replaces one in the scenario.
public struct ScenarioOverride: Equatable {
    public let option: String
    public let text: String
    public let path: [String]
    public let value: JSONValue
}

/// Reads scenario files and reports every problem with the file name, the
/// key path and the allowed values.
public enum ScenarioLoader {
    /// Largest scenario file read (scenario files are a few kilobytes).
    public static let maximumFileSize = 8 << 20

    public static func load(_ file: String?, overrides: [ScenarioOverride] = []) throws(CLIError) -> LoadedScenario {
        var document: JSONValue
        let label = file ?? "<embedded default scenario>"
        if let file {
            document = try parse(try read(file), label: file)
        } else {
            document = Scenario.default.json
        }
        for override in overrides {
            guard let updated = document.setting(override.path, to: override.value) else {
                throw .usage("\(override.option) \(override.text): \(label) has no object at \(override.path.dropLast().joined(separator: "."))")
            }
            document = updated
        }
        do {
            return LoadedScenario(scenario: try Scenario.decode(document), file: file)
        } catch {
            let lines = error.problems.map { problem -> String in
                let path = problem.path.split(separator: ".").map(String.init)
                if let override = overrides.first(where: { $0.path == path }) {
                    return "\(override.option) \(override.text): \(problem)"
                }
                return "\(label): \(problem)"
            }
            let count = lines.count == 1 ? "" : "\(lines.count) problems:\n  "
            throw .usage(count + lines.joined(separator: "\n  "))
        }
    }

    static func read(_ file: String) throws(CLIError) -> [UInt8] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw .usage("\(file): no such file")
        }
        if isDirectory.boolValue {
            throw .usage("\(file): is a folder, not a scenario file (give the path of a .json file)")
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
            throw .usage("\(file): larger than \(maximumFileSize >> 20) MiB; a scenario file is a small JSON document")
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
