extension TDX {
    /// 通达信 ATR(N), its 真实波幅 indicator:
    /// `MTR:MAX(MAX((HIGH−LOW),ABS(REF(CLOSE,1)−HIGH)),ABS(REF(CLOSE,1)−LOW)); ATR:MA(MTR,N)`:
    /// a *simple* average of the true range, not Wilder's smoothing. The true range starts at bar 1
    /// (it needs the previous close), so the first ATR is at bar N, as TA-Lib's.
    public struct ATR: Sendable {
        public let period: Int
        private var average: Factors.SMA
        private var previousClose = Double.nan

        public init(period: Int) {
            precondition(period >= 1, "ATR period must be at least 1")
            self.period = period
            average = Factors.SMA(period: period)
        }

        public mutating func update(high: Double, low: Double, close: Double) -> Double {
            defer { previousClose = close }
            guard !previousClose.isNaN else { return .nan }
            return average.update(Factors.ATR.trueRange(high: high, low: low, previousClose: previousClose))
        }

        /// Runs a copy of this state over the bars.
        public func compute(high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
                            into output: UnsafeMutableBufferPointer<Double>) {
            var state = self
            for i in 0..<close.count { output[i] = state.update(high: high[i], low: low[i], close: close[i]) }
        }
    }
}
