/// Every key of an input document, and the rules between them: the one
/// place a document's shape is declared.
///
/// Decoding is strict: an unknown key (with a "did you mean"), a group that
/// is not an object, a value outside its domain and a broken cross-key rule
/// are all reported together, each at its key path; a key left out keeps
/// the default `Root`'s value. Encoding writes every key, in declaration
/// order, so `decode(encode(root)) == root` for any valid root.
public struct ParameterSchema<Root: Sendable>: Sendable {
    public let defaults: Root
    public let parameters: [Parameter<Root>]
    public let rules: [CrossKeyRule<Root>]
    private let byPath: [String: Int]
    /// Each group's child keys in declaration order ("" is the root).
    private let children: [String: [String]]

    public init(defaults: Root, parameters: [Parameter<Root>], rules: [CrossKeyRule<Root>] = []) {
        var byPath: [String: Int] = [:]
        var children: [String: [String]] = ["": []]
        for (index, parameter) in parameters.enumerated() {
            precondition(byPath[parameter.path] == nil, "\(parameter.path) is declared twice")
            byPath[parameter.path] = index
            var parent = ""
            for key in parameter.keys {
                let path = keyPath(parent, key)
                if !(children[parent] ?? []).contains(key) { children[parent, default: []].append(key) }
                parent = path
            }
        }
        for path in byPath.keys {
            precondition(children[path] == nil, "\(path) is both a key and a group of keys")
        }
        for rule in rules {
            for key in rule.keys {
                precondition(byPath[key] != nil || children[key] != nil, "rule names an undeclared key \(key)")
            }
        }
        self.defaults = defaults
        self.parameters = parameters
        self.rules = rules
        self.byPath = byPath
        self.children = children
    }

    /// The key at `path`, if it is one (not a group).
    public func parameter(_ path: String) -> Parameter<Root>? {
        byPath[path].map { parameters[$0] }
    }

    /// Whether `path` names a group of keys (an object in the document).
    public func isGroup(_ path: String) -> Bool { children[path] != nil && !path.isEmpty }

    /// Every key path and group path, for "did you mean" over whole paths.
    public var allPaths: [String] {
        parameters.map(\.path) + children.keys.filter { !$0.isEmpty }.sorted()
    }

    // MARK: Decoding

    public func decode(_ document: JSONValue) throws(InputErrors) -> Root {
        let diagnostics = InputDiagnostics()
        var unreadable = Set<String>()
        guard case .object(let object) = document else {
            diagnostics.report("", "the document must be a JSON object ({ ... }), found \(document.kindDescription)")
            try diagnostics.check()
            return defaults
        }
        checkStructure(object, at: "", diagnostics: diagnostics, unreadable: &unreadable)
        var root = defaults
        for parameter in parameters {
            guard let value = document.value(at: parameter.keys) else {
                parameter.derivedDefault?(&root)
                continue
            }
            do {
                try parameter.assign(value, &root) { diagnostics.report($0, $1) }
            } catch {
                if error != .reportedEntryByEntry { diagnostics.report(parameter.path, error.message) }
                unreadable.insert(parameter.path)
            }
        }
        for rule in rules where !unreadable.contains(where: rule.involves) {
            if let message = rule.check(root) { diagnostics.report(rule.keys[0], message, keys: rule.keys) }
        }
        try diagnostics.check()
        return root
    }

    /// Reports unknown keys and groups that are not objects.
    private func checkStructure(_ object: JSONObject, at group: String, diagnostics: InputDiagnostics, unreadable: inout Set<String>) {
        let allowed = children[group] ?? []
        for (key, value) in object.entries {
            guard !key.isEmpty else {
                diagnostics.report(keyPath(group, "\"\""), "unknown key: the name is empty; allowed here: \(allowed.joined(separator: ", "))")
                continue
            }
            let path = keyPath(group, key)
            if byPath[path] != nil { continue }
            if children[path] != nil {
                if case .object(let nested) = value {
                    checkStructure(nested, at: path, diagnostics: diagnostics, unreadable: &unreadable)
                } else {
                    diagnostics.report(path, "expected an object ({ ... }), found \(value.kindDescription)")
                    unreadable.insert(path)
                }
                continue
            }
            diagnostics.report(path, {
                var message = "unknown key"
                if let suggestion = closestMatch(to: key, in: allowed) { message += "; did you mean \"\(suggestion)\"?" }
                return message + "; allowed here: \(allowed.joined(separator: ", "))"
            }())
        }
    }

    // MARK: Encoding

    /// The root in full, every key written, in declaration order.
    public func encode(_ root: Root) -> JSONValue {
        var document = JSONValue.object(JSONObject())
        for parameter in parameters {
            if let updated = document.setting(parameter.keys, to: parameter.encode(root)) { document = updated }
        }
        return document
    }

    // MARK: Overrides

    /// `document` with the value at `path` set, for `--set`, a sweep's
    /// `set` and sweep points: a key's value is replaced (a map of named
    /// records or shares as a whole); a group given as an object is merged
    /// into the group, key by key, so the keys it leaves out keep their
    /// values. The value itself is checked when the document is decoded.
    public func setting(_ path: String, to value: JSONValue, in document: JSONValue) throws(ValueProblem) -> JSONValue {
        guard byPath[path] != nil || isGroup(path) else { throw ValueProblem(unknownPathMessage(path)) }
        if isGroup(path), case .object(let members) = value {
            var merged = document
            for (key, member) in members.entries {
                merged = try setting(keyPath(path, key), to: member, in: merged)
            }
            return merged
        }
        guard let updated = document.setting(path.split(separator: ".").map(String.init), to: value) else {
            throw ValueProblem("the document has a value that is not an object on the way to \(path)")
        }
        return updated
    }

    /// "unknown key; did you mean …?" for a whole dotted path.
    public func unknownPathMessage(_ path: String) -> String {
        let hint = closestMatch(to: path, in: allPaths).map { "; did you mean \($0)?" } ?? ""
        return "unknown key \(path)\(hint)"
    }
}
