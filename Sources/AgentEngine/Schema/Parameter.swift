/// One key of an input document, declared once: where it sits in the
/// document, which values it allows, what it means, the evidence for its
/// default, and where its value lives in the typed `Root`.
///
/// Decoding, encoding, `--set`, sweep keys and the documentation's key
/// tables are all derived from these declarations (see `ParameterSchema`),
/// so no key is spelled twice. The default is not declared here: it is the
/// value the key path reads from the schema's default `Root`.
public struct Parameter<Root: Sendable>: Sendable {
    /// Dotted key path in the document (`platform.logistics.floor`).
    public let path: String
    public let domain: ValueDomain
    public let unit: String
    public let meaning: String
    public let evidence: Evidence
    /// Said of the default in the documentation when it depends on other
    /// keys (e.g. "12, or firms.count if smaller").
    public let defaultNote: String?
    /// For a map of records: what each field of a record means (documentation).
    public let fieldNotes: [String]
    /// The Swift key path the value is stored at, as Swift prints it
    /// (`\Scenario.platform.logisticsFloor`), so a test can check that
    /// each key names the property it sets.
    public let field: String

    /// Checks `value` and stores it in the root.
    let assign: @Sendable (JSONValue, inout Root, _ report: (String, String) -> Void) throws(ValueProblem) -> Void
    /// The root's value, as the document writes it.
    public let encode: @Sendable (Root) -> JSONValue
    /// Sets a default that depends on keys read before this one, when the
    /// document leaves this key out.
    let derivedDefault: (@Sendable (inout Root) -> Void)?

    /// The path's keys (`["platform", "logistics", "floor"]`).
    public var keys: [String] { path.split(separator: ".").map(String.init) }

    /// Checks `value` against this key's domain alone (not against other
    /// keys), returning the problem's message or nil.
    public func problem(with value: JSONValue, in root: Root) -> String? {
        if case .failure(let problem) = canonical(value, in: root) { return problem.message }
        return nil
    }

    /// `value` as the document writes it once read (`12.0` → `12` for an
    /// integer key, `0.10` → `0.1`, `1` → `1.0` for a number), so equal
    /// values are spelled alike; or the problem, as `problem(with:in:)`.
    public func canonical(_ value: JSONValue, in root: Root) -> Result<JSONValue, ValueProblem> {
        var scratch = root
        var entryProblems: [String] = []
        do {
            try assign(value, &scratch) { path, message in entryProblems.append("\(path): \(message)") }
            return .success(encode(scratch))
        } catch {
            return .failure(error == .reportedEntryByEntry ? ValueProblem(entryProblems.joined(separator: "; ")) : error)
        }
    }

    init(
        path: String, field: AnyKeyPath, domain: ValueDomain, unit: String, meaning: String, evidence: Evidence, defaultNote: String? = nil,
        fieldNotes: [String] = [],
        assign: @escaping @Sendable (JSONValue, inout Root, (String, String) -> Void) throws(ValueProblem) -> Void,
        encode: @escaping @Sendable (Root) -> JSONValue,
        derivedDefault: (@Sendable (inout Root) -> Void)? = nil
    ) {
        self.path = path
        self.domain = domain
        self.unit = unit
        self.meaning = meaning
        self.evidence = evidence
        self.defaultNote = defaultNote
        self.fieldNotes = fieldNotes
        self.field = String(describing: field)
        self.assign = assign
        self.encode = encode
        self.derivedDefault = derivedDefault
    }
}

// MARK: - Declaring keys

extension Parameter {
    public static func integer(
        _ path: String, _ keyPath: WritableKeyPath<Root, Int> & Sendable, _ range: ClosedRange<Int>,
        unit: String = "", _ meaning: String, _ evidence: Evidence,
        defaultNote: String? = nil, derivedDefault: (@Sendable (Root) -> Int)? = nil
    ) -> Parameter {
        var setDefault: (@Sendable (inout Root) -> Void)?
        if let derivedDefault {
            setDefault = { root in root[keyPath: keyPath] = derivedDefault(root) }
        }
        return Parameter(
            path: path, field: keyPath, domain: .integer(range), unit: unit, meaning: meaning, evidence: evidence, defaultNote: defaultNote,
            assign: { value, root, _ throws(ValueProblem) in root[keyPath: keyPath] = try ValueCheck.integer(value, in: range) },
            encode: { .int($0[keyPath: keyPath]) },
            derivedDefault: setDefault)
    }

    public static func number(
        _ path: String, _ keyPath: WritableKeyPath<Root, Double> & Sendable, _ range: ClosedRange<Double>,
        unit: String = "", _ meaning: String, _ evidence: Evidence
    ) -> Parameter {
        Parameter(
            path: path, field: keyPath, domain: .number(range), unit: unit, meaning: meaning, evidence: evidence,
            assign: { value, root, _ throws(ValueProblem) in root[keyPath: keyPath] = try ValueCheck.number(value, in: range) },
            encode: { .double($0[keyPath: keyPath]) })
    }

    public static func unsigned64(
        _ path: String, _ keyPath: WritableKeyPath<Root, UInt64> & Sendable, unit: String = "", _ meaning: String, _ evidence: Evidence
    ) -> Parameter {
        Parameter(
            path: path, field: keyPath, domain: .unsigned64, unit: unit, meaning: meaning, evidence: evidence,
            assign: { value, root, _ throws(ValueProblem) in root[keyPath: keyPath] = try ValueCheck.unsigned64(value) },
            encode: { .int($0[keyPath: keyPath]) })
    }

    public static func flag(
        _ path: String, _ keyPath: WritableKeyPath<Root, Bool> & Sendable, _ meaning: String, _ evidence: Evidence
    ) -> Parameter {
        Parameter(
            path: path, field: keyPath, domain: .boolean, unit: "", meaning: meaning, evidence: evidence,
            assign: { value, root, _ throws(ValueProblem) in root[keyPath: keyPath] = try ValueCheck.boolean(value) },
            encode: { .bool($0[keyPath: keyPath]) })
    }

    /// One of an enumeration's raw values.
    public static func choice<Value: RawRepresentable & CaseIterable & Sendable>(
        _ path: String, _ keyPath: WritableKeyPath<Root, Value> & Sendable, _ meaning: String, _ evidence: Evidence
    ) -> Parameter where Value.RawValue == String {
        let names = Value.allCases.map(\.rawValue)
        return Parameter(
            path: path, field: keyPath, domain: .choice(names), unit: "", meaning: meaning, evidence: evidence,
            assign: { value, root, _ throws(ValueProblem) in
                let name = try ValueCheck.choice(value, oneOf: names)
                if let chosen = Value(rawValue: name) { root[keyPath: keyPath] = chosen }
            },
            encode: { .string($0[keyPath: keyPath].rawValue) })
    }

    /// Free text; `validate` returns a message when the text is not
    /// acceptable, and `allowed` says in the documentation what is.
    public static func text(
        _ path: String, _ keyPath: WritableKeyPath<Root, String> & Sendable, allowed: String,
        _ meaning: String, _ evidence: Evidence, validate: @escaping @Sendable (String) -> String?
    ) -> Parameter {
        Parameter(
            path: path, field: keyPath, domain: .text(allowed), unit: "", meaning: meaning, evidence: evidence,
            assign: { value, root, _ throws(ValueProblem) in
                let text = try ValueCheck.text(value)
                if let message = validate(text) { throw ValueProblem(message) }
                root[keyPath: keyPath] = text
            },
            encode: { .string($0[keyPath: keyPath]) })
    }

    /// A categorical distribution, `{"name": share, ...}`.
    public static func shares(
        _ path: String, _ keyPath: WritableKeyPath<Root, [NamedShare]> & Sendable, entries: ClosedRange<Int>,
        unit: String = "share", _ meaning: String, _ evidence: Evidence
    ) -> Parameter {
        Parameter(
            path: path, field: keyPath, domain: .shares(entries: entries), unit: unit, meaning: meaning, evidence: evidence,
            assign: { value, root, report throws(ValueProblem) in
                root[keyPath: keyPath] = try ValueCheck.shares(value, entries: entries, at: path, report: report)
            },
            encode: { root in
                .object(JSONObject(root[keyPath: keyPath].map { (key: $0.name, value: JSONValue.double($0.share)) }))
            })
    }
}

/// Where a default comes from.
public struct Evidence: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// A published figure (the note names it).
        case source
        /// Set so the model's patterns hold (the note names the pattern).
        case calibrated
        /// A plausible value, to vary in sweeps.
        case illustrative
        /// A choice of the user (run length, seed, switches), not a claim
        /// about the world.
        case setting
    }

    public let kind: Kind
    public let note: String

    public static func source(_ note: String) -> Evidence { Evidence(kind: .source, note: note) }
    public static func calibrated(_ note: String) -> Evidence { Evidence(kind: .calibrated, note: note) }
    public static func illustrative(_ note: String = "") -> Evidence { Evidence(kind: .illustrative, note: note) }
    public static func setting(_ note: String = "") -> Evidence { Evidence(kind: .setting, note: note) }

    /// "*source*: ISTAT 2023" (Markdown).
    public var markdown: String { note.isEmpty ? "*\(kind.rawValue)*" : "*\(kind.rawValue)*: \(note)" }
}
