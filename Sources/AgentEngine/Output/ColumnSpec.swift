/// A column of an output table, described for the manifest in the shape of
/// a Frictionless Data table-schema field.
public struct ColumnSpec: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case integer, number, string, boolean
    }

    public let name: String
    public let kind: Kind
    public let unit: String
    public let description: String

    public init(_ name: String, _ kind: Kind, unit: String = "", _ description: String) {
        self.name = name
        self.kind = kind
        self.unit = unit
        self.description = description
    }

    public var schema: JSONValue {
        var field: JSONObject = ["name": .string(name), "type": .string(kind.rawValue)]
        if !unit.isEmpty { field["unit"] = .string(unit) }
        field["description"] = .string(description)
        return .object(field)
    }
}
