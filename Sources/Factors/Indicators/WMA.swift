/// Linearly weighted moving average (weights 1 … period, newest heaviest), TA-Lib `WMA` to the
/// last bit; the same weights as 通达信 `WMA`.
///
/// TA-Lib updates two running totals (the weighted sum and the plain sum it subtracts to shift
/// every weight down by one) and, since 0.8, rebuilds both from the window every 8 × period bars so
/// rounding residue cannot accumulate. The rebuild walks the window oldest first with weights
/// counting up, exactly as its first pass does; both are reproduced here, rebuild cadence included.
public struct WMA: StreamingIndicator {
    public let period: Int
    private let divider: Double
    private var window: RingWindow
    private var seen = 0
    private var weightedSum = 0.0
    private var plainSum = 0.0
    private var trailing = 0.0
    private var barsUntilRebuild = 0

    public init(period: Int) {
        precondition(period >= 1, "WMA period must be at least 1")
        self.period = period
        divider = Double(period) * Double(period + 1) / 2.0
        window = RingWindow(capacity: period)
    }

    public mutating func update(_ x: Double) -> Double {
        if period == 1 { return x }
        window.append(x)
        if seen < period - 1 {
            seen += 1
            plainSum += x
            weightedSum += x * Double(seen)
            return .nan
        }
        if seen == period - 1 {
            seen = period
            barsUntilRebuild = 8 * period
        }
        plainSum += x
        plainSum -= trailing
        weightedSum += x * Double(period)
        barsUntilRebuild -= 1
        if barsUntilRebuild <= 0 {
            barsUntilRebuild = 8 * period
            plainSum = 0
            weightedSum = 0
            for i in 0..<period {
                let v = window[i]
                plainSum += v
                weightedSum += v * Double(i + 1)
            }
        }
        trailing = window.oldest
        let average = weightedSum / divider
        weightedSum -= plainSum
        return average
    }
}
