/// Rate of change in percent, TA-Lib `ROC`: (x / x[n] − 1) · 100, in that order; 0 when x[n] is 0
/// (TA-Lib's guard). Undefined for the first `period` bars. (`RateOfChange`, the engine's
/// SeriesIndicator, is the same ratio without the · 100.)
public struct ROC: StreamingIndicator {
    public let period: Int
    private var window: RingWindow

    public init(period: Int) {
        precondition(period >= 1, "ROC period must be at least 1")
        self.period = period
        window = RingWindow(capacity: period)
    }

    public mutating func update(_ x: Double) -> Double {
        var result = Double.nan
        if window.isFull {
            let past = window.oldest
            result = past != 0 ? ((x / past) - 1.0) * 100.0 : 0.0
        }
        window.append(x)
        return result
    }
}
