/// KDJ in the TA-Lib style. TA-Lib has no KDJ; the usual recipe on top of it, used here, takes K
/// and D from `STOCH(fastk = period, slowk = kSmoothing, slowd = dSmoothing)` with simple averages
/// (so K and D equal `stoch_k`/`stoch_d` bit for bit, padding included) and J = 3K − 2D.
/// 通达信's KDJ (`TDX.KDJ`) smooths differently and is defined from the first bar.
public struct KDJ: Sendable {
    /// One bar's lines.
    public struct Value: Sendable, Equatable {
        public var k: Double
        public var d: Double
        public var j: Double

        /// K, D and J = 3K − 2D.
        public init(k: Double, d: Double) {
            self.k = k
            self.d = d
            j = 3 * k - 2 * d
        }

        public static let undefined = Value(k: .nan, d: .nan)
    }

    private var stochastic: Stochastic

    public init(period: Int, kSmoothing: Int, dSmoothing: Int) {
        stochastic = Stochastic(fastK: period, slowK: kSmoothing, slowD: dSmoothing)
    }

    public mutating func update(high: Double, low: Double, close: Double) -> Value {
        let v = stochastic.update(high: high, low: low, close: close)
        return Value(k: v.k, d: v.d)
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
