extension TDX {
    /// 通达信 `EMA(X,N)`: Y = (2·X + (N − 1)·Y′) / (N + 1), evaluated in that order, with Y at the
    /// first bar equal to X (no warm-up). Equal to pandas `ewm(span=N, adjust=False)` in value,
    /// though the two round differently.
    public struct EMA: StreamingIndicator {
        public let period: Int
        private var started = false
        private var value = 0.0

        public init(period: Int) {
            precondition(period >= 1, "EMA period must be at least 1")
            self.period = period
        }

        public mutating func update(_ x: Double) -> Double {
            if started {
                value = (2 * x + Double(period - 1) * value) / Double(period + 1)
            } else {
                started = true
                value = x
            }
            return value
        }
    }
}
