extension Statistics {
    /// The `q`-th percentile (0...100) with numpy's default `method="linear"`: the value at virtual
    /// index `(n − 1) · q / 100` of the sorted sample, interpolated between its neighbours with
    /// numpy's two-sided lerp (from the lower neighbour below the midpoint, from the upper one at or
    /// above it), so results match `np.percentile` bit for bit. NaN when empty or when any value is
    /// NaN (numpy sorts NaN last and returns it).
    ///
    /// `scratch` must hold `x.count` values; it receives the sorted sample.
    @inlinable
    public static func percentile(_ x: UnsafeBufferPointer<Double>, _ q: Double,
                                  scratch: UnsafeMutableBufferPointer<Double>) -> Double {
        precondition(q >= 0 && q <= 100, "percentile outside 0...100")
        precondition(scratch.count >= x.count)
        let n = x.count
        guard n > 0 else { return .nan }
        for i in 0..<n {
            if x[i].isNaN { return .nan }
            scratch[i] = x[i]
        }
        var sorted = UnsafeMutableBufferPointer(rebasing: scratch[0..<n])
        sorted.sort()
        let virtualIndex = Double(n - 1) * (q / 100)
        if virtualIndex >= Double(n - 1) { return sorted[n - 1] }
        let lower = Int(virtualIndex.rounded(.down))
        let a = sorted[lower], b = sorted[lower + 1]
        let t = virtualIndex - Double(lower)
        let diff = b - a
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
    }

    public static func percentile(_ x: [Double], _ q: Double) -> Double {
        var scratch = [Double](repeating: 0, count: x.count)
        return x.withUnsafeBufferPointer { input in
            scratch.withUnsafeMutableBufferPointer { percentile(input, q, scratch: $0) }
        }
    }
}
