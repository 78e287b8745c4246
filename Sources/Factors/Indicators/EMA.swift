/// Exponential moving average as TA-Lib's `EMA` computes it: k = 2 / (period + 1), seeded by the
/// simple average of the first `period` values (undefined before), then
/// `ema += (x − ema) · k` evaluated as one fused multiply-add, which is how TA-Lib 0.8 builds
/// it (its `fma` dispatch); a separately rounded multiply and add differ in the last bit.
///
/// A period of 1 copies the input, as TA-Lib does.
public struct EMA: StreamingIndicator {
    public let period: Int
    /// The smoothing factor k = 2 / (period + 1).
    public let smoothing: Double
    private var seen = 0
    /// The running sum during the warm-up, the average after it.
    private var value = 0.0

    public init(period: Int) {
        precondition(period >= 1, "EMA period must be at least 1")
        self.period = period
        smoothing = 2.0 / Double(period + 1)
    }

    public mutating func update(_ x: Double) -> Double {
        if period == 1 { return x }
        if seen < period {
            seen += 1
            value += x
            guard seen == period else { return .nan }
            value /= Double(period)
            return value
        }
        value = value.addingProduct(x - value, smoothing)
        return value
    }
}
