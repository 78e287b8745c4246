/// Simple moving average, TA-Lib `SMA` to the last bit (and 通达信 `MA`, which is the same mean).
///
/// TA-Lib keeps a running total: it adds the new value, divides, and only then subtracts the value
/// about to leave the window. That order is copied here because a different association of the
/// same additions rounds differently in the last bit. Undefined for the first `period - 1` bars.
public struct SMA: StreamingIndicator {
    public let period: Int
    private var window: RingWindow
    private var total = 0.0

    public init(period: Int) {
        precondition(period >= 1, "SMA period must be at least 1")
        self.period = period
        window = RingWindow(capacity: period)
    }

    public mutating func update(_ value: Double) -> Double {
        total += value
        window.append(value)
        guard window.isFull else { return .nan }
        let mean = total / Double(period)
        total -= window.oldest
        return mean
    }
}
