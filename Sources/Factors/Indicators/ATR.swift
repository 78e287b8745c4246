/// Average true range with Wilder's smoothing, TA-Lib `ATR` to the last bit.
///
/// True range needs the previous close, so the first is at bar 1; the first ATR is the plain mean
/// of the first `period` true ranges (bar `period`), and each later one is
/// `(1 − 1/period)·ATR' + (1/period)·TR` with the first product fused into the add, TA-Lib 0.8's
/// form (wBeta = (period − 1)/period, wAlpha = 1 − wBeta, so the weights sum to exactly 1).
public struct ATR: Sendable {
    public let period: Int
    private let keep: Double
    private let take: Double
    private var previousClose = Double.nan
    private var ranges = 0
    /// The running sum of true ranges during the warm-up, the average after it.
    private var value = 0.0

    public init(period: Int) {
        precondition(period >= 1, "ATR period must be at least 1")
        self.period = period
        keep = Double(period - 1) / Double(period)
        take = 1.0 - keep
    }

    /// max(high − low, |previous close − high|, |previous close − low|), compared in TA-Lib's order.
    @inline(__always)
    public static func trueRange(high: Double, low: Double, previousClose: Double) -> Double {
        var greatest = high - low
        let toHigh = Swift.abs(previousClose - high)
        if toHigh > greatest { greatest = toHigh }
        let toLow = Swift.abs(previousClose - low)
        if toLow > greatest { greatest = toLow }
        return greatest
    }

    public mutating func update(high: Double, low: Double, close: Double) -> Double {
        defer { previousClose = close }
        guard !previousClose.isNaN else { return .nan }
        let range = Self.trueRange(high: high, low: low, previousClose: previousClose)
        if ranges < period {
            ranges += 1
            value += range
            guard ranges == period else { return .nan }
            value /= Double(period)
            return value
        }
        value = (take * range).addingProduct(keep, value)
        return value
    }

    /// Runs a copy of this state over the bars.
    public func compute(high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
                        into output: UnsafeMutableBufferPointer<Double>) {
        var state = self
        for i in 0..<close.count { output[i] = state.update(high: high[i], low: low[i], close: close[i]) }
    }
}
