/// Reproducible uniform draws for probabilistic fill models: a SplitMix64 hash of (seed, session,
/// instrument, salt), so a draw does not depend on how many draws came before it or on the order
/// in which orders are processed.
enum SeededDraw {
    static func uniform(seed: UInt64, session: Int, instrument: Int, salt: UInt64) -> Double {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15 &* (UInt64(truncatingIfNeeded: session) &+ 1)
        z ^= UInt64(truncatingIfNeeded: instrument) &* 0xBF58_476D_1CE4_E5B9
        z ^= salt &* 0x94D0_49BB_1331_11EB
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }
}
