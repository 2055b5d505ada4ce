/// One thing wrong with an input document, located by its key path
/// (`adoption.p`, `firms.sectors.dairy`; empty for the whole document).
public struct InputProblem: Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String
    /// Every key the problem is about: the key at `path`, or all the keys
    /// of a broken rule between keys (reported at the first), so a problem
    /// can be told against whichever of them the user set.
    public let keys: [String]

    public init(path: String, message: String, keys: [String]? = nil) {
        self.path = path
        self.message = message
        self.keys = keys ?? [path]
    }

    /// Whether the problem is about the key or group at `path` (or a key
    /// inside it, or a group holding it).
    public func concerns(_ path: String) -> Bool {
        keys.contains { keyPathsOverlap($0, path) }
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Whether two dotted key paths name the same key, or one a group holding
/// the other.
func keyPathsOverlap(_ a: String, _ b: String) -> Bool {
    a == b || a.hasPrefix(b + ".") || b.hasPrefix(a + ".")
}

/// Every problem found in one input document; thrown once reading is done,
/// so a user sees all of them at once.
public struct InputErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [InputProblem]
    /// Problems found beyond `InputDiagnostics.limit`, counted, not kept.
    public let omitted: Int

    public init(_ problems: [InputProblem], omitted: Int = 0) {
        self.problems = problems
        self.omitted = omitted
    }

    /// Every problem found, kept or not.
    public var total: Int { problems.count + omitted }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Collects the problems found while reading one document: the first
/// `limit` of them, and a count of the rest, so a document with a million
/// mistakes costs no more memory than one with a thousand.
public final class InputDiagnostics {
    public static let limit = 1_000
    public private(set) var problems: [InputProblem] = []
    public private(set) var omitted = 0

    public init() {}

    /// Whether further problems are only counted (a caller may then skip
    /// composing their messages).
    public var isFull: Bool { problems.count >= Self.limit }

    public func report(_ path: String, _ message: @autoclosure () -> String, keys: [String]? = nil) {
        guard !isFull else { omitted += 1; return }
        problems.append(InputProblem(path: path, message: message(), keys: keys))
    }

    /// Throws the collected problems, if any.
    public func check() throws(InputErrors) {
        if !problems.isEmpty { throw InputErrors(problems, omitted: omitted) }
    }
}

/// Joins a parent path and a key.
public func keyPath(_ parent: String, _ key: String) -> String {
    parent.isEmpty ? key : "\(parent).\(key)"
}
