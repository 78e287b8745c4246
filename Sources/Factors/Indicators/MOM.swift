/// Momentum, TA-Lib `MOM` (通达信 `MTM`): x − x[n]. Undefined for the first `period` bars.
public struct MOM: StreamingIndicator {
    public let period: Int
    private var window: RingWindow

    public init(period: Int) {
        precondition(period >= 1, "MOM period must be at least 1")
        self.period = period
        window = RingWindow(capacity: period)
    }

    public mutating func update(_ x: Double) -> Double {
        let result = window.isFull ? x - window.oldest : .nan
        window.append(x)
        return result
    }
}
