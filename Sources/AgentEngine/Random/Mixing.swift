/// The 64-bit finaliser of SplitMix64 (Steele, Lea & Flood 2014; Stafford's
/// "variant 13" mixer): a bijection on `UInt64` whose outputs pass BigCrush
/// when fed a Weyl sequence.
@inlinable @inline(__always)
public func mix64(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z &>> 31)
}

/// The golden-ratio increment of SplitMix64's Weyl sequence.
public let goldenGamma: UInt64 = 0x9E37_79B9_7F4A_7C15

/// Folds `value` into the running hash `state`.
///
/// Used to derive stream keys from tuples such as (seed, replicate, purpose,
/// tick). Each step is a bijection of `state` for fixed `value`, so distinct
/// tuples collide only by 64-bit chance.
@inlinable @inline(__always)
public func combineKey(_ state: UInt64, _ value: UInt64) -> UInt64 {
    mix64(state ^ mix64(value &+ goldenGamma))
}

/// Converts 64 random bits to a `Double` uniform on [0, 1) with 53 bits of
/// precision.
@inlinable @inline(__always)
public func unitInterval(_ bits: UInt64) -> Double {
    // Through Int64: the value fits in 53 bits, and the signed conversion is
    // a single instruction where the unsigned one is not.
    Double(Int64(bitPattern: bits &>> 11)) * 0x1.0p-53
}

/// The 64-bit FNV-1a hash of a string's UTF-8 bytes, used to turn a
/// purpose name into a stream key component that does not depend on
/// declaration order.
public func fnv1a64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
}
