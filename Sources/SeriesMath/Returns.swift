/// Period returns from a value series and their compounding.
///
/// A return is `value[i] / value[i − 1] − 1` (pandas' `pct_change` form, which is what a
/// reference script computes too), so a caller feeding the same values gets bit-identical returns.
public enum Returns {
    /// `out[i] = values[i] / previous − 1`, where previous is `start` for `i == 0` (the value before
    /// the first: initial cash, the benchmark's close before the first day) and `values[i − 1]`
    /// after. `out.count` must be at least `values.count`.
    @inlinable
    public static func simple(_ values: UnsafeBufferPointer<Double>, start: Double,
                              into out: UnsafeMutableBufferPointer<Double>) {
        precondition(out.count >= values.count)
        var previous = start
        for i in 0..<values.count {
            out[i] = values[i] / previous - 1
            previous = values[i]
        }
    }

    /// One return per value, the first measured against `start`.
    public static func simple(_ values: [Double], start: Double) -> [Double] {
        var out = [Double](repeating: 0, count: values.count)
        values.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { simple(input, start: start, into: $0) }
        }
        return out
    }

    /// `values.count − 1` returns between consecutive values (empty for fewer than two values).
    public static func simple(_ values: [Double]) -> [Double] {
        guard values.count >= 2 else { return [] }
        return simple(Array(values.dropFirst()), start: values[0])
    }

    /// The growth factor `Π(1 + r)` of the whole series (1 for an empty one): empyrical's
    /// `cum_returns_final(returns, starting_value=1)`.
    @inlinable
    public static func growth(_ returns: UnsafeBufferPointer<Double>) -> Double {
        var product = 1.0
        for r in returns { product *= 1 + r }
        return product
    }

    public static func growth(_ returns: [Double]) -> Double {
        returns.withUnsafeBufferPointer { growth($0) }
    }

    /// Cumulative returns `out[i] = Π_{k ≤ i}(1 + r_k) − 1`, a running product as numpy's `cumprod`.
    @inlinable
    public static func cumulative(_ returns: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) {
        precondition(out.count >= returns.count)
        var product = 1.0
        for i in 0..<returns.count {
            product *= 1 + returns[i]
            out[i] = product - 1
        }
    }

    public static func cumulative(_ returns: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: returns.count)
        returns.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { cumulative(input, into: $0) }
        }
        return out
    }

    /// `out[i] = a[i] − b[i]`: excess or active returns. The buffers must have equal length.
    @inlinable
    public static func difference(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>,
                                  into out: UnsafeMutableBufferPointer<Double>) {
        precondition(a.count == b.count && out.count >= a.count)
        for i in 0..<a.count { out[i] = a[i] - b[i] }
    }

    public static func difference(_ a: [Double], _ b: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: a.count)
        a.withUnsafeBufferPointer { ab in
            b.withUnsafeBufferPointer { bb in
                out.withUnsafeMutableBufferPointer { difference(ab, bb, into: $0) }
            }
        }
        return out
    }

    /// `r − constant` for every return: returns in excess of a per-period risk-free rate.
    public static func excess(_ returns: [Double], over constant: Double) -> [Double] {
        returns.map { $0 - constant }
    }
}
