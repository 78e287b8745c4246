extension TDX {
    /// 通达信 `SMA(X,N,M)`, its weighted smoother (not a simple average): Y = (M·X + (N − M)·Y′) / N,
    /// in that order, with Y at the first bar equal to X. `SMA(X,N,1)` is Wilder's smoothing; the
    /// KDJ and RSI formulas are built on it.
    public struct SMA: StreamingIndicator {
        public let period: Int
        public let weight: Int
        private var started = false
        private var value = 0.0

        public init(period: Int, weight: Int = 1) {
            precondition(period >= 1 && weight >= 1 && weight <= period, "SMA(X,N,M) needs 1 ≤ M ≤ N")
            self.period = period
            self.weight = weight
        }

        public mutating func update(_ x: Double) -> Double {
            if started {
                value = (Double(weight) * x + Double(period - weight) * value) / Double(period)
            } else {
                started = true
                value = x
            }
            return value
        }
    }
}
