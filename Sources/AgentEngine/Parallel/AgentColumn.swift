/// One state variable of a population, stored contiguously: a column of a
/// struct-of-arrays.
///
/// A column is a reference type with a fixed count, so the chunks of a
/// parallel step can write to it at the same time. That is sound only
/// because `ChunkedExecutor` hands each chunk a disjoint index range, and a
/// step must write only inside its own range (it may read anywhere in
/// columns no chunk writes during that step). This is the one place the
/// engine steps outside Swift's data-race checking, hence `@unchecked`.
public final class AgentColumn<Element>: @unchecked Sendable {
    /// The first element; valid for `count` elements while the column lives.
    public let base: UnsafeMutablePointer<Element>
    public let count: Int

    public init(count: Int, repeating value: Element) {
        self.count = count
        base = .allocate(capacity: Swift.max(count, 1))
        base.initialize(repeating: value, count: count)
    }

    /// A column filled chunk by chunk in parallel, so the pages of a large
    /// column are first touched (faulted in and zeroed by the kernel) by
    /// every thread instead of by the caller alone.
    public init(count: Int, repeating value: Element, executor: ChunkedExecutor) where Element: Sendable {
        self.count = count
        base = .allocate(capacity: Swift.max(count, 1))
        executor.forEach(count: count) { range in
            (self.base + range.lowerBound).initialize(repeating: value, count: range.count)
        }
    }

    public init(_ values: [Element]) {
        count = values.count
        base = .allocate(capacity: Swift.max(count, 1))
        values.withUnsafeBufferPointer { source in
            if let from = source.baseAddress { base.initialize(from: from, count: count) }
        }
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Bounds-checked access (a trap, never a stray read). Hot loops take
    /// `base` once and index it directly.
    @inlinable
    public subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "AgentColumn index out of range")
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count, "AgentColumn index out of range")
            base[index] = newValue
        }
    }

    /// Copies every element of `other` (same count) into this column.
    public func assign(from other: AgentColumn<Element>) {
        precondition(other.count == count, "column counts differ")
        base.update(from: other.base, count: count)
    }

    public func toArray() -> [Element] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }
}
