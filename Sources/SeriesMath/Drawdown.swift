/// Drawdowns: how far a value has fallen below its running peak, as a fraction ≤ 0.
public enum Drawdown {
    /// `out[i] = values[i] / peak_i − 1` with `peak_i = max(initialPeak, values[0...i])`.
    /// Pass the value before the series (initial cash) as `initialPeak` so a first-day loss counts;
    /// the default `-infinity` makes the first value the first peak.
    @inlinable
    public static func series(_ values: UnsafeBufferPointer<Double>, initialPeak: Double = -.infinity,
                              into out: UnsafeMutableBufferPointer<Double>) {
        precondition(out.count >= values.count)
        var peak = initialPeak
        for i in 0..<values.count {
            if values[i] > peak { peak = values[i] }
            out[i] = values[i] / peak - 1
        }
    }

    public static func series(_ values: [Double], initialPeak: Double = -.infinity) -> [Double] {
        var out = [Double](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { series(input, initialPeak: initialPeak, into: $0) }
        }
        return out
    }

    /// The most negative value of `series(values, initialPeak:)`; 0 when the values never fall below
    /// their peak, NaN when empty.
    @inlinable
    public static func maximum(_ values: UnsafeBufferPointer<Double>, initialPeak: Double = -.infinity) -> Double {
        guard !values.isEmpty else { return .nan }
        var peak = initialPeak, worst = 0.0
        for value in values {
            if value > peak { peak = value }
            let drawdown = value / peak - 1
            if drawdown < worst { worst = drawdown }
        }
        return worst
    }

    public static func maximum(_ values: [Double], initialPeak: Double = -.infinity) -> Double {
        values.withUnsafeBufferPointer { maximum($0, initialPeak: initialPeak) }
    }

    /// Maximum drawdown of the value path `100 · Π(1 + r)` that starts at 100 before the first
    /// return, computed as empyrical's `max_drawdown` does (`(value − peak) / peak` over a
    /// cumulative product scaled by 100), so the two agree to the last bits. 0 when the path
    /// never falls, NaN when empty.
    @inlinable
    public static func maximum(returns: UnsafeBufferPointer<Double>) -> Double {
        guard !returns.isEmpty else { return .nan }
        let start = 100.0
        var product = 1.0, peak = start, worst = 0.0
        for r in returns {
            product *= r + 1
            let value = product * start
            if value > peak { peak = value }
            let drawdown = (value - peak) / peak
            if drawdown < worst { worst = drawdown }
        }
        return worst
    }

    public static func maximum(returns: [Double]) -> Double {
        returns.withUnsafeBufferPointer { maximum(returns: $0) }
    }
}
