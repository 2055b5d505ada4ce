/// One thing wrong with an input document, located by its key path
/// (`adoption.p`, `firms.sectors.dairy`; empty for the whole document).
public struct InputProblem: Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
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

    public func report(_ path: String, _ message: String) {
        problems.append(InputProblem(path: path, message: message))
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
