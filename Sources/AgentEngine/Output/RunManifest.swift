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
/// (`resources` with table schemas) plus a `run` section.
public struct RunManifest: Sendable {
    public var name: String
    public var tool: String
    public var version: String
    public var gitRevision: String?
    public var command: [String]
    public var scenarioFile: String?
    public var scenario: JSONValue
    public var masterSeed: UInt64
    public var runs: Int
    public var threads: Int
    public var started: String
    public var ended: String
    public var wallSeconds: Double
    public var tables: [TableDescription]

    public init(
        name: String, tool: String, version: String, gitRevision: String?, command: [String],
        scenarioFile: String?, scenario: JSONValue, masterSeed: UInt64, runs: Int, threads: Int,
        started: String, ended: String, wallSeconds: Double, tables: [TableDescription]
    ) {
        self.name = name
        self.tool = tool
        self.version = version
        self.gitRevision = gitRevision
        self.command = command
        self.scenarioFile = scenarioFile
        self.scenario = scenario
        self.masterSeed = masterSeed
        self.runs = runs
        self.threads = threads
        self.started = started
        self.ended = ended
        self.wallSeconds = wallSeconds
        self.tables = tables
    }

    public var json: JSONValue {
        .object([
            "name": .string(name),
            "profile": .string("tabular-data-package"),
            "created": .string(ended),
            "run": .object([
                "tool": .string(tool),
                "version": .string(version),
                "git_revision": gitRevision.map(JSONValue.string) ?? .null,
                "command": .array(command.map(JSONValue.string)),
                "scenario_file": scenarioFile.map(JSONValue.string) ?? .null,
                "master_seed": .int(masterSeed),
                "runs": .int(runs),
                "threads": .int(threads),
                "started": .string(started),
                "ended": .string(ended),
                "wall_seconds": .double(wallSeconds),
            ]),
            "scenario": scenario,
            "resources": .array(tables.map(\.resource)),
        ])
    }
}
