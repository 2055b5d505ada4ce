/// A condition that relates several keys (a floor at most its start, shares
/// of a group summing to one), checked after every key has been read.
///
/// A rule is checked only when each key it relates was read without a
/// problem, so one mistake is reported once, at the first key of `keys`.
public struct CrossKeyRule<Root: Sendable>: Sendable {
    /// The keys (or groups of keys) the rule relates; the problem is
    /// reported at the first.
    public let keys: [String]
    /// The condition in words, for the documentation.
    public let statement: String
    /// The problem, if the root breaks the rule.
    let check: @Sendable (Root) -> String?

    public init(_ keys: [String], _ statement: String, check: @escaping @Sendable (Root) -> String?) {
        precondition(!keys.isEmpty, "a rule relates at least one key")
        self.keys = keys
        self.statement = statement
        self.check = check
    }

    /// Whether a problem at `path` makes this rule unreadable.
    func involves(_ path: String) -> Bool {
        keys.contains { keyPathsOverlap(path, $0) }
    }
}
