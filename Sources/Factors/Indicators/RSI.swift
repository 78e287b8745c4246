/// Relative strength index with Wilder's smoothing, TA-Lib `RSI` to the last bit.
///
/// The first average gain and loss are the plain means of the first `period` changes (so the
/// first value is at bar `period`); after that each is multiplied by (period − 1), the new change
/// added, and the result multiplied by 1/period (TA-Lib 0.8 multiplies by a hoisted reciprocal
/// rather than dividing). RSI = 100 · gain / (gain + loss); when both are exactly zero (a flat
/// series) TA-Lib answers 0, and so does this.
public struct RSI: StreamingIndicator {
    public let period: Int
    private let reciprocal: Double
    private var seen = 0
    private var previous = 0.0
    private var gain = 0.0
    private var loss = 0.0

    public init(period: Int) {
        precondition(period >= 1, "RSI period must be at least 1")
        self.period = period
        reciprocal = 1.0 / Double(period)
    }

    public mutating func update(_ x: Double) -> Double {
        if seen == 0 {
            seen = 1
            previous = x
            return .nan
        }
        let change = x - previous
        previous = x
        // The loss gets `up − change`: exactly −change for a fall, exactly 0 for a rise.
        let up = change > 0 ? change : 0.0
        if seen <= period {
            seen += 1
            gain += up
            loss += up - change
            guard seen > period else { return .nan }
        } else {
            loss *= Double(period - 1)
            gain *= Double(period - 1)
            gain += up
            loss += up - change
        }
        loss *= reciprocal
        gain *= reciprocal
        let total = gain + loss
        return total > 0 ? 100.0 * (gain / total) : 0.0
    }
}
