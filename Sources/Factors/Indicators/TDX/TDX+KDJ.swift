extension TDX {
    /// 通达信 KDJ(N, M1, M2):
    /// `RSV:=(CLOSE−LLV(LOW,N))/(HHV(HIGH,N)−LLV(LOW,N))*100; K:SMA(RSV,M1,1); D:SMA(K,M2,1); J:3*K−2*D`.
    ///
    /// Conventions, since TDX leaves them implicit or undefined:
    /// - HHV/LLV over fewer than N bars use the bars there are (TDX's HHV/LLV do), so KDJ is defined
    ///   from the first bar.
    /// - K and D are seeded with their first input, as TDX's `SMA` is; not with the 50 of the
    ///   textbook KDJ. (On the first bar K = D = J = RSV.)
    /// - When HHV = LLV (a flat window, e.g. a 一字板 first day), RSV is a division by zero in TDX;
    ///   Huice takes RSV = 50, the neutral value, so K and D move towards the middle.
    public struct KDJ: Sendable {
        public let period: Int
        public let kSmoothing: Int
        public let dSmoothing: Int
        private var highs: RingWindow
        private var lows: RingWindow
        private var kAverage: TDX.SMA
        private var dAverage: TDX.SMA

        public init(period: Int, kSmoothing: Int, dSmoothing: Int) {
            precondition(period >= 1 && kSmoothing >= 1 && dSmoothing >= 1, "KDJ periods must be at least 1")
            self.period = period
            self.kSmoothing = kSmoothing
            self.dSmoothing = dSmoothing
            highs = RingWindow(capacity: period)
            lows = RingWindow(capacity: period)
            kAverage = TDX.SMA(period: kSmoothing, weight: 1)
            dAverage = TDX.SMA(period: dSmoothing, weight: 1)
        }

        /// The RSV used when the window's range is zero.
        public static let flatRSV = 50.0

        public mutating func update(high: Double, low: Double, close: Double) -> Factors.KDJ.Value {
            highs.append(high)
            lows.append(low)
            let highest = highs.maximum
            let lowest = lows.minimum
            let rsv = highest != lowest ? (close - lowest) / (highest - lowest) * 100 : Self.flatRSV
            let k = kAverage.update(rsv)
            return Factors.KDJ.Value(k: k, d: dAverage.update(k))
        }

        /// Runs a copy of this state over the bars, writing K, D and J.
        public func compute(high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
                            k: UnsafeMutableBufferPointer<Double>, d: UnsafeMutableBufferPointer<Double>,
                            j: UnsafeMutableBufferPointer<Double>) {
            var state = self
            for i in 0..<close.count {
                let v = state.update(high: high[i], low: low[i], close: close[i])
                k[i] = v.k; d[i] = v.d; j[i] = v.j
            }
        }
    }
}
