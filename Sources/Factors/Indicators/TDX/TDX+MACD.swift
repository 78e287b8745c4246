extension TDX {
    /// 通达信 MACD: DIF = EMA(C, fast) − EMA(C, slow), DEA = EMA(DIF, signal), MACD = 2·(DIF − DEA),
    /// all with TDX's first-value-seeded EMA, so every line is defined from the first bar (0 there).
    /// The bar (`hist`) is twice TA-Lib's histogram: the TDX chart convention. `slow < fast` swaps.
    public struct MACD: Sendable {
        public let fast: Int
        public let slow: Int
        public let signal: Int
        private var fastAverage: TDX.EMA
        private var slowAverage: TDX.EMA
        private var signalAverage: TDX.EMA

        public init(fast: Int, slow: Int, signal: Int) {
            precondition(fast >= 1 && slow >= 1 && signal >= 1, "MACD periods must be at least 1")
            self.fast = Swift.min(fast, slow)
            self.slow = Swift.max(fast, slow)
            self.signal = signal
            fastAverage = TDX.EMA(period: self.fast)
            slowAverage = TDX.EMA(period: self.slow)
            signalAverage = TDX.EMA(period: signal)
        }

        public mutating func update(_ close: Double) -> Factors.MACD.Value {
            let dif = fastAverage.update(close) - slowAverage.update(close)
            let dea = signalAverage.update(dif)
            return Factors.MACD.Value(dif: dif, dea: dea, hist: 2 * (dif - dea))
        }

        /// Runs a copy of this state over `close`, writing the three lines.
        public func compute(_ close: UnsafeBufferPointer<Double>, dif: UnsafeMutableBufferPointer<Double>,
                            dea: UnsafeMutableBufferPointer<Double>, hist: UnsafeMutableBufferPointer<Double>) {
            var state = self
            for i in 0..<close.count {
                let v = state.update(close[i])
                dif[i] = v.dif; dea[i] = v.dea; hist[i] = v.hist
            }
        }
    }
}
