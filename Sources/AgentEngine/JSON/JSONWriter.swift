extension JSONValue {
    /// The document as text: two-space indentation, keys in stored order,
    /// a final newline. Equal values give equal bytes.
    public func formatted() -> String {
        var out = ""
        write(to: &out, indent: 0)
        out.append("\n")
        return out
    }

    /// The document on one line, without spaces (e.g. a journal record):
    /// keys in stored order, no final newline. Equal values give equal bytes.
    public func compact() -> String {
        var out = ""
        writeCompact(to: &out)
        return out
    }

    private func writeCompact(to out: inout String) {
        switch self {
        case .array(let values):
            out.append("[")
            for (i, v) in values.enumerated() {
                if i > 0 { out.append(",") }
                v.writeCompact(to: &out)
            }
            out.append("]")
        case .object(let object):
            out.append("{")
            for (i, entry) in object.entries.enumerated() {
                if i > 0 { out.append(",") }
                JSONValue.writeString(entry.key, to: &out)
                out.append(":")
                entry.value.writeCompact(to: &out)
            }
            out.append("}")
        default:
            write(to: &out, indent: 0)
        }
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): out.append(n.text)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let values):
            if values.isEmpty { out.append("[]"); return }
            let scalarOnly = values.allSatisfy {
                if case .array = $0 { return false }
                if case .object = $0 { return false }
                return true
            }
            if scalarOnly {
                out.append("[")
                for (i, v) in values.enumerated() {
                    if i > 0 { out.append(", ") }
                    v.write(to: &out, indent: indent)
                }
                out.append("]")
                return
            }
            out.append("[\n")
            for (i, v) in values.enumerated() {
                out.append(String(repeating: "  ", count: indent + 1))
                v.write(to: &out, indent: indent + 1)
                out.append(i + 1 < values.count ? ",\n" : "\n")
            }
            out.append(String(repeating: "  ", count: indent) + "]")
        case .object(let object):
            if object.entries.isEmpty { out.append("{}"); return }
            out.append("{\n")
            for (i, entry) in object.entries.enumerated() {
                out.append(String(repeating: "  ", count: indent + 1))
                JSONValue.writeString(entry.key, to: &out)
                out.append(": ")
                entry.value.write(to: &out, indent: indent + 1)
                out.append(i + 1 < object.entries.count ? ",\n" : "\n")
            }
            out.append(String(repeating: "  ", count: indent) + "}")
        }
    }

    private static func writeString(_ s: String, to out: inout String) {
        out.append("\"")
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
