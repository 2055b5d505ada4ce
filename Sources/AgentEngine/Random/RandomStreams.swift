import Foundation

/// A named use of randomness ("adoption", "network.rewire", ...).
///
/// Each purpose draws from its own family of streams, so adding a new random
/// decision to a model never shifts the numbers an existing decision sees.
public struct RandomPurpose: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let key: UInt64

    public init(_ name: String) {
        self.name = name
        self.key = fnv1a64(name)
    }

    public var description: String { name }
}

/// The random streams of one run, keyed by (master seed, replicate).
///
/// Every draw in a run is a pure function of
/// (master seed, replicate, purpose, tick, entity, draw index): there is no
/// shared generator state, so the numbers an agent sees do not depend on
/// which thread steps it, on the chunk it falls in or on the order agents
/// are visited.
public struct RandomStreams: Sendable, Hashable {
    public let seed: UInt64
    public let replicate: Int
    @usableFromInline let runKey: UInt64

    public init(seed: UInt64, replicate: Int) {
        self.seed = seed
        self.replicate = replicate
        self.runKey = combineKey(mix64(seed ^ 0x736D_6573_696D_2E31), UInt64(truncatingIfNeeded: replicate))
    }

    /// The stream of `purpose` at `tick`; `draw` separates several draws an
    /// entity makes for the same purpose in the same tick.
    @inlinable
    public func stream(_ purpose: RandomPurpose, tick: Int, draw: Int = 0) -> EntityStream {
        var key = combineKey(runKey, purpose.key)
        key = combineKey(key, UInt64(truncatingIfNeeded: tick))
        key = combineKey(key, UInt64(truncatingIfNeeded: draw))
        return EntityStream(key: key)
    }

    /// A sequential generator for work that is inherently serial (e.g.
    /// picking a sample without replacement), keyed like `stream`.
    public func generator(_ purpose: RandomPurpose, tick: Int = 0, entity: Int = 0) -> SplitMix64 {
        SplitMix64(seed: stream(purpose, tick: tick).bits(entity))
    }
}

/// Random numbers indexed by entity: `bits(i)` is the i-th output of a
/// SplitMix64 sequence whose seed is the stream key, so one stream gives
/// every entity an independent, reproducible draw in O(1).
public struct EntityStream: Sendable, Hashable {
    public let key: UInt64

    @inlinable
    public init(key: UInt64) { self.key = key }

    @inlinable @inline(__always)
    public func bits(_ entity: Int) -> UInt64 {
        mix64(key &+ (UInt64(truncatingIfNeeded: entity) &+ 1) &* goldenGamma)
    }

    /// Uniform on [0, 1).
    @inlinable @inline(__always)
    public func uniform(_ entity: Int) -> Double {
        unitInterval(bits(entity))
    }

    /// Two independent uniforms on [0, 1) with 32 bits of precision each,
    /// from the two halves of one draw: for hot loops where two decisions
    /// need a coin each and 2^-32 resolution is plenty.
    @inlinable @inline(__always)
    public func uniformPair(_ entity: Int) -> (Double, Double) {
        let x = bits(entity)
        return (Double(UInt32(truncatingIfNeeded: x &>> 32)) * 0x1.0p-32, Double(UInt32(truncatingIfNeeded: x)) * 0x1.0p-32)
    }

    /// A sequential generator private to `entity` in this stream.
    @inlinable
    public func generator(for entity: Int) -> SplitMix64 {
        SplitMix64(seed: bits(entity))
    }
}

/// SplitMix64 as a `RandomNumberGenerator`, for serial draws.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    @inlinable
    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= goldenGamma
        return mix64(state)
    }

    /// Uniform on [0, 1).
    @inlinable
    public mutating func uniform() -> Double { unitInterval(next()) }

    /// Uniform integer in 0..<bound (Lemire's multiply-shift; bias below
    /// 2^-32 for the bounds used here is removed by rejection).
    @inlinable
    public mutating func index(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(truncatingIfNeeded: next(upperBound: UInt64(bound)))
    }

    /// Standard normal deviate (Box–Muller, one of the pair).
    @inlinable
    public mutating func normal() -> Double {
        let u1 = 1.0 - uniform()  // (0, 1]
        let u2 = uniform()
        return (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }
}
