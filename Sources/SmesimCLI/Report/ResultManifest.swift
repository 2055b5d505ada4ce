import AgentEngine
import Foundation

/// The manifest of a result folder as a report reads it: what was run
/// (`run.command`), by which build, when (`created`: the only date a report
/// shows, so the same folder always gives the same page), the resolved
/// inputs, and every table's columns with their units and meanings.
struct ResultManifest {
    let path: String
    let document: JSONValue

    /// Largest manifest read: it embeds the resolved inputs (a points
    /// design's rows), as `ToolFolders` allows.
    static let largest = 256 << 20

    /// Reads and checks `folder/manifest.json`: it must be JSON written by
    /// smesim.
    static func read(folder: String) throws(CLIError) -> ResultManifest {
        let path = folder + "/" + RunManifest.file
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .usage("\(folder): not a result folder of \(ToolInfo.name) (it has no \(RunManifest.file); expected the output folder of 'smesim run', 'sweep' or 'compare')")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
        guard size <= largest else { throw .usage("\(path): larger than \(largest >> 20) MiB; not a manifest smesim wrote") }
        guard let data = FileManager.default.contents(atPath: path) else { throw .usage("\(path): cannot be read") }
        let document: JSONValue
        do {
            document = try JSONParser.parse([UInt8](data))
        } catch {
            throw .usage("\(path): invalid JSON at \(error)")
        }
        let manifest = ResultManifest(path: path, document: document)
        guard manifest.string(RunManifest.toolKey) == ToolInfo.name else {
            throw .usage("\(path): not written by \(ToolInfo.name) (no \"\(RunManifest.toolKey.joined(separator: "."))\": \"\(ToolInfo.name)\"); expected the output folder of 'smesim run', 'sweep' or 'compare'")
        }
        return manifest
    }

    func string(_ path: [String]) -> String? {
        if case .string(let text)? = document.value(at: path) { return text }
        return nil
    }

    func integer(_ path: [String]) -> Int? {
        guard case .number(let number)? = document.value(at: path) else { return nil }
        return number.intValue ?? number.doubleValue.flatMap { Int(exactly: $0) }
    }

    func object(_ path: [String]) -> JSONObject? {
        if case .object(let object)? = document.value(at: path) { return object }
        return nil
    }

    var name: String { string(["name"]) ?? "unnamed" }
    /// The command that wrote the folder: "run", "sweep", "compare", …
    var command: String? {
        guard case .array(let words)? = document.value(at: ["run", "command"]), words.count >= 2,
              case .string(let command) = words[1] else { return nil }
        return command
    }
    var commandLine: String {
        guard case .array(let words)? = document.value(at: ["run", "command"]) else { return "" }
        return words.compactMap { if case .string(let word) = $0 { word } else { nil } }.joined(separator: " ")
    }
    var build: String {
        let version = string(["run", "version"]) ?? "?"
        return "\(ToolInfo.name) \(version)" + (string(["run", "git_revision"]).map { ", git \($0)" } ?? "")
    }
    var created: String? { string(["created"]) ?? string(["run", "ended"]) }
    var scenario: JSONValue? { document.value(at: ["scenario"]) }

    /// The columns of the table in `file`, by name: unit and meaning.
    func columns(of file: String) -> ColumnInfo {
        guard case .array(let resources)? = document.value(at: ["resources"]) else { return ColumnInfo() }
        for resource in resources where resource.value(at: ["path"]) == .string(file) {
            guard case .array(let fields)? = resource.value(at: ["schema", "fields"]) else { continue }
            var info = ColumnInfo()
            for field in fields {
                guard case .string(let name)? = field.value(at: ["name"]) else { continue }
                let text = { (key: String) -> String in if case .string(let t)? = field.value(at: [key]) { t } else { "" } }
                info.add(name, unit: text("unit"), description: text("description"))
            }
            return info
        }
        return ColumnInfo()
    }
}

/// Units and meanings of a table's columns, as the manifest describes them.
struct ColumnInfo {
    private var units: [String: String] = [:]
    private var descriptions: [String: String] = [:]

    mutating func add(_ name: String, unit: String, description: String) {
        units[name] = unit
        descriptions[name] = description
    }

    func unit(_ column: String) -> String { units[column] ?? "" }
    func description(_ column: String) -> String { descriptions[column] ?? "" }

    /// "member share (fraction)": the column's name in words, and its unit.
    func title(_ column: String, name: String? = nil) -> String {
        let words = name ?? column.replacingOccurrences(of: "_", with: " ")
        let unit = unit(column)
        return unit.isEmpty ? words : "\(words) (\(unit))"
    }
}
