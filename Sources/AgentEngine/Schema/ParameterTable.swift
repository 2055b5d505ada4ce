import Foundation

/// The schema as documentation: a Markdown table for the project's docs
/// (which a test keeps equal to the committed copies) and a plain listing
/// for the terminal. Both are generated, never written by hand.
extension ParameterSchema {
    /// Key, meaning, unit, default, allowed values and evidence of every key
    /// (optionally only those under `prefix`), then the defaults of share
    /// maps and the rules between keys.
    public func markdownTable() -> String {
        var lines = [
            "| key | meaning | unit | default | allowed | evidence |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for parameter in parameters {
            let cells = [
                "`\(parameter.path)`", parameter.meaning, parameter.unit, defaultText(parameter),
                parameter.domain.allowed, parameter.evidence.markdown,
            ]
            lines.append("| " + cells.map(escapeCell).joined(separator: " | ") + " |")
        }
        let maps = parameters.filter {
            switch $0.domain {
            case .shares, .records: return true
            default: return false
            }
        }
        for parameter in maps {
            lines.append("")
            lines.append("Default `\(parameter.path)`: " + shareList(parameter) + ".")
            if !parameter.fieldNotes.isEmpty {
                lines.append("")
                lines.append("Fields of each `\(parameter.path)` entry: `share`, then " + parameter.fieldNotes.joined(separator: "; ") + ".")
            }
        }
        if !rules.isEmpty {
            lines.append("")
            lines.append("Rules between keys (checked after every key is read; a sweep point that breaks one is recorded as a failed run):")
            lines.append("")
            for rule in rules { lines.append("- \(rule.statement)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One block per key (under `prefix` when given): path, default,
    /// allowed values and unit on one line, the meaning and evidence below.
    public func listing(under prefix: String? = nil) -> String {
        var out = ""
        for parameter in parameters {
            if let prefix, !(parameter.path == prefix || parameter.path.hasPrefix(prefix + ".")) { continue }
            var head = "\(parameter.path) = \(defaultText(parameter).replacingOccurrences(of: "`", with: ""))"
            head += "   allowed: \(parameter.domain.allowed.replacingOccurrences(of: "`", with: ""))"
            if !parameter.unit.isEmpty { head += "   unit: \(parameter.unit)" }
            out += head + "\n    " + parameter.meaning + "\n    evidence: "
                + parameter.evidence.markdown.replacingOccurrences(of: "*", with: "") + "\n"
        }
        return out
    }

    /// The default as the documentation shows it.
    public func defaultText(_ parameter: Parameter<Root>) -> String {
        if let note = parameter.defaultNote { return note }
        let value = parameter.encode(defaults)
        switch value {
        case .number(let number): return number.doubleValue.map(documentNumber) ?? number.text
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text):
            return text.count > 40 ? "(\(text.split(separator: " ").count) words)" : "`\"\(text)\"`"
        case .object(let object): return "\(object.entries.count) entries (below)"
        default: return value.kindDescription
        }
    }

    private func shareList(_ parameter: Parameter<Root>) -> String {
        guard case .object(let object) = parameter.encode(defaults) else { return "" }
        return object.entries.map { entry in
            switch entry.value {
            case .number(let number): return "`\(entry.key)` \(number.text)"
            case .object(let fields):
                let values = fields.entries.map { field -> String in
                    guard case .number(let number) = field.value else { return field.key }
                    return "\(field.key) \(number.text)"
                }
                return "`\(entry.key)` (" + values.joined(separator: ", ") + ")"
            default: return "`\(entry.key)`"
            }
        }.joined(separator: (object.entries.first.map { if case .object = $0.value { return true } else { return false } } ?? false) ? "; " : ", ")
    }

    private func escapeCell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
