/// The id of a run: a 128-bit hash of everything the run is a pure
/// function of, written as 32 hexadecimal digits.
///
/// The same inputs give the same id in any experiment, on any machine and
/// in any tool build of the same version, so a run can be found again
/// (resumed, merged, deduplicated) by what it is rather than by where it
/// sits in one experiment. Not a cryptographic hash: it guards against
/// accidents, not adversaries (two different runs collide with
/// probability about 2^-128).
public enum RunIdentity {
    /// `model` is the resolved model input in a canonical text form
    /// (without the replicate count or the master seed, which `replicate`
    /// and `seed` carry); `version` is the tool's version.
    public static func id(model: String, replicate: Int, seed: UInt64, version: String) -> String {
        let text = "run-identity-1\n\(version)\n\(replicate)\n\(seed)\n\(model)"
        let (high, low) = hash128(Array(text.utf8))
        return hex(high) + hex(low)
    }

    /// A 128-bit digest of `bytes` as 32 hexadecimal digits (the same hash
    /// as a run id's, over raw bytes): identifies a file's content, such as
    /// the tool's own executable.
    public static func digest(_ bytes: [UInt8]) -> String {
        let (high, low) = hash128(bytes)
        return hex(high) + hex(low)
    }

    /// Two independent 64-bit lanes of `combineKey` over the bytes in
    /// 8-byte words, the length folded in last.
    static func hash128(_ bytes: [UInt8]) -> (UInt64, UInt64) {
        var a: UInt64 = 0x6A09_E667_F3BC_C908, b: UInt64 = 0xBB67_AE85_84CA_A73B
        var index = 0
        while index < bytes.count {
            var word: UInt64 = 0
            for k in 0..<Swift.min(8, bytes.count - index) { word |= UInt64(bytes[index + k]) << (8 * k) }
            a = combineKey(a, word)
            b = combineKey(b ^ 0x3C6E_F372_FE94_F82B, word)
            index += 8
        }
        return (combineKey(a, UInt64(bytes.count)), combineKey(b, UInt64(bytes.count) ^ goldenGamma))
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
