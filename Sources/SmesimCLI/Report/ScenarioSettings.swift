import AgentEngine
import SMEModel

/// A resolved scenario as a list of settings — key path and value, in the
/// document's order — for telling what a scenario changed from the
/// defaults, and what differs between the scenarios of a comparison.
enum ScenarioSettings {
    /// Every leaf of `document` (an array is one value): "platform.commission" → "0.1".
    static func flatten(_ document: JSONValue, prefix: String = "") -> [(path: String, value: String)] {
        guard case .object(let object) = document else { return prefix.isEmpty ? [] : [(prefix, text(document, path: prefix))] }
        return object.entries.flatMap { flatten($0.value, prefix: prefix.isEmpty ? $0.key : prefix + "." + $0.key) }
    }

    /// A value as a reader sees it: text unquoted, whole numbers grouped
    /// (1000000.0 → "1,000,000"; not a seed, which is a label), anything
    /// else as JSON.
    static func text(_ value: JSONValue, path: String = "") -> String {
        switch value {
        case .string(let text): return text
        case .number(let number):
            guard !path.hasSuffix("seed"), let double = number.doubleValue, double == double.rounded(), Swift.abs(double) < 1e15 else { return number.text }
            return NumberFormat.fixed(double, decimals: 0)
        default: return value.compact()
        }
    }

    /// Settings shown for every scenario when present.
    static let keySettings = ["firms.count", "horizon", "replicates", "seed", "economy", "adoption.mode", "platform.enabled", "platform.commission"]

    /// Settings that only name or describe the scenario.
    static let labels: Set<String> = ["name", "description"]

    /// This tool's default scenario, resolved.
    static let defaults: [String: String] = {
        guard let scenario = try? Scenario.decode(.object(JSONObject())) else { return [:] }
        return Dictionary(flatten(scenario.json).map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first })
    }()

    /// The settings of `document` that differ from the defaults (or that
    /// the defaults do not have), in the document's order.
    static func changed(_ document: JSONValue) -> [(path: String, value: String, standard: String)] {
        flatten(document).filter { !labels.contains($0.path) && defaults[$0.path] != $0.value }
            .map { ($0.path, $0.value, defaults[$0.path] ?? "–") }
    }

    /// The settings whose values differ between `documents`, in the order
    /// of their first appearance; "–" where a document lacks one.
    static func differing(_ documents: [JSONValue]) -> [(path: String, values: [String])] {
        let flat = documents.map { Dictionary(flatten($0).map { ($0.path, $0.value) }, uniquingKeysWith: { first, _ in first }) }
        var paths: [String] = [], seen = Set<String>()
        for document in documents {
            for setting in flatten(document) where !labels.contains(setting.path) && seen.insert(setting.path).inserted { paths.append(setting.path) }
        }
        return paths.compactMap { path in
            let values = flat.map { $0[path] ?? "–" }
            return Set(values).count > 1 ? (path, values) : nil
        }
    }
}
