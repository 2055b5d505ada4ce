/// One of N shards of a sweep, `I/N`: shard I (1 to N) of N.
///
/// Written and read as two whole numbers in decimal digits around a slash
/// ("2/4"), nothing else: no sign, no spaces, no other separator.
public struct ShardSpec: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// 1-based.
    public let index: Int
    public let count: Int

    /// The most shards a sweep may be split into.
    public static let maximumCount = 100_000

    /// The form a user types, for messages.
    public static let form = "I/N: shard I of N shards, 1 ≤ I ≤ N ≤ \(maximumCount) (e.g. 2/4)"

    public init?(index: Int, count: Int) {
        guard (1...Self.maximumCount).contains(count), (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Reads "I/N"; nil unless both are decimal digits and in range.
    public init?(_ text: String) {
        let fields = text.split(separator: "/", omittingEmptySubsequences: false)
        guard fields.count == 2,
              fields.allSatisfy({ !$0.isEmpty && $0.count <= 9 && $0.allSatisfy { ("0"..."9").contains($0) } }),
              let index = Int(fields[0]), let count = Int(fields[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// The default folder name of the shard, `shard-I-of-N`.
    public var folderName: String { "shard-\(index)-of-\(count)" }

    /// As a sweep folder records it.
    public var json: JSONValue { .object(["index": .int(index), "count": .int(count)]) }

    public init?(json: JSONValue) {
        guard case .number(let index)? = json.value(at: ["index"]), case .number(let count)? = json.value(at: ["count"]),
              let i = index.intValue, let n = count.intValue else { return nil }
        self.init(index: i, count: n)
    }
}
