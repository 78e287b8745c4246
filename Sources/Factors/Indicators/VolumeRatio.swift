/// Volume ratio (量比, Tushare's definition for daily bars): today's volume divided by the mean
/// volume of the previous `period` days (today excluded). The first value is at bar `period`;
/// undefined when the previous days traded nothing.
public struct VolumeRatio: StreamingIndicator {
    public let period: Int
    private var previous: RingWindow

    public init(period: Int) {
        precondition(period >= 1, "volume ratio period must be at least 1")
        self.period = period
        previous = RingWindow(capacity: period)
    }

    public mutating func update(_ volume: Double) -> Double {
        var result = Double.nan
        if previous.isFull {
            // Volumes are whole shares, so this sum is exact in any order.
            var total = 0.0
            for i in 0..<period { total += previous[i] }
            let mean = total / Double(period)
            if mean != 0 { result = volume / mean }
        }
        previous.append(volume)
        return result
    }
}
