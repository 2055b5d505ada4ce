/// A table written into an output folder, with its column schema.
public struct TableDescription: Sendable {
    public let name: String
    public let file: String
    public let description: String
    public let columns: [ColumnSpec]

    public init(name: String, file: String, description: String, columns: [ColumnSpec]) {
        self.name = name
        self.file = file
        self.description = description
        self.columns = columns
    }

    public var resource: JSONValue {
        .object([
            "name": .string(name),
            "profile": .string("tabular-data-resource"),
            "path": .string(file),
            "format": .string("csv"),
            "mediatype": .string("text/csv"),
            "encoding": .string("utf-8"),
            "description": .string(description),
            "dialect": .object(["delimiter": .string(","), "lineTerminator": .string("\r\n"), "header": .bool(true)]),
            "schema": .object(["fields": .array(columns.map(\.schema))]),
        ])
    }
}

/// The manifest of an output folder: what was run, by which tool, how, and
/// what every column means. Laid out as a Frictionless Data package
/// (`resources` with table schemas) plus a `run` section and the resolved
/// inputs (the scenario; the sweep).
public struct RunManifest: Sendable {
    /// The manifest's file name, and the key that names the tool which wrote
    /// it: together they mark a folder as the tool's (`ToolFolders`).
    public static let file = "manifest.json"
    public static let toolKey = ["run", "tool"]
    public static let mark = ToolFolders.Mark(file: file, key: toolKey)

    public var name: String
    public var tool: String
    public var version: String
    public var gitRevision: String?
    public var command: [String]
    public var threads: Int
    public var started: String
    public var ended: String
    public var wallSeconds: Double
    /// Further facts of the `run` section (runs, failed runs, master seed,
    /// scenario file), in order.
    public var details: JSONObject
    /// The resolved inputs, each a top-level key ("scenario", "sweep").
    public var inputs: JSONObject
    public var tables: [TableDescription]

    public init(
        name: String, tool: String, version: String, gitRevision: String?, command: [String], threads: Int,
        started: String, ended: String, wallSeconds: Double, details: JSONObject, inputs: JSONObject, tables: [TableDescription]
    ) {
        self.name = name
        self.tool = tool
        self.version = version
        self.gitRevision = gitRevision
        self.command = command
        self.threads = threads
        self.started = started
        self.ended = ended
        self.wallSeconds = wallSeconds
        self.details = details
        self.inputs = inputs
        self.tables = tables
    }

    public var json: JSONValue {
        var run: JSONObject = [
            Self.toolKey[1]: .string(tool),
            "version": .string(version),
            "git_revision": gitRevision.map(JSONValue.string) ?? .null,
            "command": .array(command.map(JSONValue.string)),
        ]
        for (key, value) in details.entries { run[key] = value }
        run["threads"] = .int(threads)
        run["started"] = .string(started)
        run["ended"] = .string(ended)
        run["wall_seconds"] = .double(wallSeconds)
        var root: JSONObject = [
            "name": .string(name),
            "profile": .string("tabular-data-package"),
            "created": .string(ended),
            "run": .object(run),
        ]
        for (key, value) in inputs.entries { root[key] = value }
        root["resources"] = .array(tables.map(\.resource))
        return .object(root)
    }
}
