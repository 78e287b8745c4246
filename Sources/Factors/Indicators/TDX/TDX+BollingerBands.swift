extension TDX {
    /// 通达信 BOLL(M, k): `BOLL:MA(CLOSE,M); UB:BOLL+k*STD(CLOSE,M); LB:BOLL−k*STD(CLOSE,M)`, where
    /// TDX's `STD` is the *sample* (估算, n − 1) standard deviation (`STDP` is the population one,
    /// which TA-Lib uses). The middle band is the same running-sum SMA as `sma`; the deviation is
    /// two-pass over the window and exactly 0 for a flat window. %b and width as in
    /// `BollingerBands.Value`. Undefined for the first M − 1 bars.
    public struct BollingerBands: Sendable {
        public let period: Int
        public let deviations: Double
        private var average: Factors.SMA
        private var window: RingWindow

        public init(period: Int, deviations: Double) {
            precondition(period >= 2, "a sample standard deviation needs a period of at least 2")
            self.period = period
            self.deviations = deviations
            average = Factors.SMA(period: period)
            window = RingWindow(capacity: period)
        }

        public mutating func update(_ close: Double) -> Factors.BollingerBands.Value {
            window.append(close)
            let middle = average.update(close)
            guard window.isFull else { return .undefined }
            return Factors.BollingerBands.Value(middle: middle, deviation: window.sampleStandardDeviation,
                                                deviations: deviations, close: close)
        }

        /// Runs a copy of this state over `close`, writing the five outputs.
        public func compute(_ close: UnsafeBufferPointer<Double>, upper: UnsafeMutableBufferPointer<Double>,
                            middle: UnsafeMutableBufferPointer<Double>, lower: UnsafeMutableBufferPointer<Double>,
                            percentB: UnsafeMutableBufferPointer<Double>, width: UnsafeMutableBufferPointer<Double>) {
            var state = self
            for i in 0..<close.count {
                let v = state.update(close[i])
                upper[i] = v.upper; middle[i] = v.middle; lower[i] = v.lower
                percentB[i] = v.percentB; width[i] = v.width
            }
        }
    }
}
