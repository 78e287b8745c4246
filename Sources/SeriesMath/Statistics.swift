/// Moments of a sample over contiguous `Double` buffers: mean, (sample) variance and standard
/// deviation, downside deviation, covariance and regression beta.
///
/// Summation is a plain left-to-right loop, the order Bottleneck's `nanmean`/`nanstd` use (and so
/// empyrical, which calls them when Bottleneck is installed); the variance is two-pass (mean first,
/// then squared deviations), which keeps the cancellation error small for returns near zero.
/// NaN propagates; an empty input gives NaN (there is no mean of nothing).
public enum Statistics {
    // MARK: Mean

    @inlinable
    public static func sum(_ x: UnsafeBufferPointer<Double>) -> Double {
        var total = 0.0
        for value in x { total += value }
        return total
    }

    /// Arithmetic mean; NaN when `x` is empty.
    @inlinable
    public static func mean(_ x: UnsafeBufferPointer<Double>) -> Double {
        guard !x.isEmpty else { return .nan }
        return sum(x) / Double(x.count)
    }

    public static func mean(_ x: [Double]) -> Double {
        x.withUnsafeBufferPointer { mean($0) }
    }

    // MARK: Variance

    /// `Σ(x − mean)² / (n − ddof)`; NaN when `n <= ddof`. `ddof: 1` is the sample variance
    /// (pandas' and empyrical's default), `ddof: 0` the population variance (numpy's default).
    @inlinable
    public static func variance(_ x: UnsafeBufferPointer<Double>, ddof: Int = 1) -> Double {
        precondition(ddof >= 0)
        guard x.count > ddof else { return .nan }
        let m = mean(x)
        var squares = 0.0
        for value in x {
            let d = value - m
            squares += d * d
        }
        return squares / Double(x.count - ddof)
    }

    public static func variance(_ x: [Double], ddof: Int = 1) -> Double {
        x.withUnsafeBufferPointer { variance($0, ddof: ddof) }
    }

    /// Square root of `variance(x, ddof:)`; the sample standard deviation by default.
    @inlinable
    public static func standardDeviation(_ x: UnsafeBufferPointer<Double>, ddof: Int = 1) -> Double {
        variance(x, ddof: ddof).squareRoot()
    }

    public static func standardDeviation(_ x: [Double], ddof: Int = 1) -> Double {
        x.withUnsafeBufferPointer { standardDeviation($0, ddof: ddof) }
    }

    /// Whether every value equals the first (true for an empty input). A constant series has no
    /// dispersion even when the floating-point standard deviation comes out a few ulps above zero,
    /// which is why ratio code asks this instead of comparing the deviation with 0 (as empyrical's
    /// `_zero_dispersion_std` does).
    @inlinable
    public static func isConstant(_ x: UnsafeBufferPointer<Double>) -> Bool {
        guard let first = x.first else { return true }
        for value in x where value != first { return false }
        return true
    }

    public static func isConstant(_ x: [Double]) -> Bool {
        x.withUnsafeBufferPointer { isConstant($0) }
    }

    // MARK: Downside deviation

    /// `sqrt(mean(min(x − threshold, 0)²))`, per period (not annualised): the denominator of the
    /// Sortino ratio. Every observation counts in the mean, not only the ones below the threshold,
    /// as in empyrical's `downside_risk`. NaN when `x` is empty.
    @inlinable
    public static func downsideDeviation(_ x: UnsafeBufferPointer<Double>, threshold: Double = 0) -> Double {
        guard !x.isEmpty else { return .nan }
        var squares = 0.0
        for value in x {
            let d = min(value - threshold, 0)
            squares += d * d
        }
        return (squares / Double(x.count)).squareRoot()
    }

    public static func downsideDeviation(_ x: [Double], threshold: Double = 0) -> Double {
        x.withUnsafeBufferPointer { downsideDeviation($0, threshold: threshold) }
    }

    // MARK: Covariance and beta

    /// Population covariance `mean((x − mean(x)) · y)`. Centring one side is enough because the
    /// centred side sums to zero; it is the form empyrical's `beta_aligned` uses, kept so that
    /// betas agree to the last bits. NaN when empty; the buffers must have equal length.
    @inlinable
    public static func covariance(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>) -> Double {
        precondition(x.count == y.count, "covariance of series with different lengths")
        guard !x.isEmpty else { return .nan }
        let mx = mean(x)
        var total = 0.0
        for i in 0..<x.count { total += (x[i] - mx) * y[i] }
        return total / Double(x.count)
    }

    public static func covariance(_ x: [Double], _ y: [Double]) -> Double {
        x.withUnsafeBufferPointer { xb in y.withUnsafeBufferPointer { yb in covariance(xb, yb) } }
    }

    /// The smallest population variance of the regressor for which a beta is reported; below it
    /// the regressor is treated as constant and beta is NaN (empyrical's cut-off).
    public static let minimumRegressorVariance = 1.0e-30

    /// Least-squares slope of `y` on `x`: `cov(x, y) / var(x)` with population moments.
    /// NaN when fewer than two observations or when `var(x) < minimumRegressorVariance`.
    @inlinable
    public static func beta(_ y: UnsafeBufferPointer<Double>, on x: UnsafeBufferPointer<Double>) -> Double {
        precondition(x.count == y.count, "beta of series with different lengths")
        guard x.count >= 2 else { return .nan }
        let mx = mean(x)
        var cov = 0.0, varX = 0.0
        for i in 0..<x.count {
            let d = x[i] - mx
            cov += d * y[i]
            varX += d * d
        }
        let n = Double(x.count)
        let variance = varX / n
        guard variance >= minimumRegressorVariance else { return .nan }
        return (cov / n) / variance
    }

    public static func beta(_ y: [Double], on x: [Double]) -> Double {
        y.withUnsafeBufferPointer { yb in x.withUnsafeBufferPointer { xb in beta(yb, on: xb) } }
    }
}
