/// A document decoded once, onto which single keys are then set directly,
/// without reading the document again: a sweep's base scenario and its
/// points, each of which sets a few keys.
///
/// `root(setting:)` gives what setting the same keys in the document and
/// decoding it gives (`ParameterSchema.setting`, then `decode`): each value
/// is checked and assigned as decoding assigns it, the defaults that depend
/// on other keys are derived again for the keys the document leaves out,
/// and every rule between keys is checked — in microseconds, not the
/// milliseconds of reading the whole document.
public struct SchemaOverlay<Root: Sendable>: Sendable {
    public let schema: ParameterSchema<Root>
    /// The document, decoded.
    public let base: Root
    /// Keys the document leaves out whose default depends on keys read
    /// before them, in declaration order.
    private let derived: [Parameter<Root>]

    public init(schema: ParameterSchema<Root>, document: JSONValue) throws(InputErrors) {
        self.init(schema: schema, document: document, decoded: try schema.decode(document))
    }

    /// The overlay of `document`, already decoded into `decoded` (which
    /// must be `schema.decode(document)`).
    public init(schema: ParameterSchema<Root>, document: JSONValue, decoded: Root) {
        self.schema = schema
        base = decoded
        guard case .object(let object) = document else {
            derived = []
            return
        }
        derived = schema.parameters.filter { $0.derivedDefault != nil && JSONValue.object(object).value(at: $0.keys) == nil }
    }

    /// The base with each key set to its value (keys, not groups).
    public func root(setting values: [(key: Parameter<Root>, value: JSONValue)]) throws(InputErrors) -> Root {
        var root = base
        let diagnostics = InputDiagnostics()
        var unreadable = Set<String>()
        for (key, value) in values {
            do {
                try key.assign(value, &root) { diagnostics.report($0, $1) }
            } catch {
                if error != .reportedEntryByEntry { diagnostics.report(key.path, error.message) }
                unreadable.insert(key.path)
            }
        }
        // A derived default reads only keys declared before it, all final now.
        for key in derived where !values.contains(where: { $0.key.path == key.path }) {
            key.derivedDefault?(&root)
        }
        for rule in schema.rules where !unreadable.contains(where: rule.involves) {
            if let message = rule.check(root) { diagnostics.report(rule.keys[0], message, keys: rule.keys) }
        }
        try diagnostics.check()
        return root
    }
}
