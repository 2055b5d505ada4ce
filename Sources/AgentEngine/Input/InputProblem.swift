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

    public init(_ problems: [InputProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Collects the problems found while reading one document.
public final class InputDiagnostics {
    public private(set) var problems: [InputProblem] = []

    public init() {}

    public func report(_ path: String, _ message: String, keys: [String]? = nil) {
        problems.append(InputProblem(path: path, message: message, keys: keys))
    }

    /// Throws the collected problems, if any.
    public func check() throws(InputErrors) {
        if !problems.isEmpty { throw InputErrors(problems) }
    }
}

/// Joins a parent path and a key.
public func keyPath(_ parent: String, _ key: String) -> String {
    parent.isEmpty ? key : "\(parent).\(key)"
}
