/// Slow stochastic, TA-Lib `STOCH` with simple-average smoothing (slowk_matype = slowd_matype = 0)
/// to the last bit: fast %K over `fastK` bars, slow %K = SMA(fast %K, `slowK`), slow %D =
/// SMA(slow %K, `slowD`).
///
/// Fast %K = (close − lowest low) / (highest high − lowest low) · 100, in that order (TA-Lib 0.8);
/// 0 when the range is zero within 1e-14 of the extremes' magnitude (TA-Lib's scaled zero test).
/// Both outputs start where %D does (bar fastK + slowK + slowD − 3): TA-Lib pads %K to %D's start.
public struct Stochastic: Sendable {
    /// One bar's lines.
    public struct Value: Sendable, Equatable {
        public var k: Double
        public var d: Double

        public init(k: Double, d: Double) { self.k = k; self.d = d }

        public static let undefined = Value(k: .nan, d: .nan)
    }

    public let fastK: Int
    public let slowK: Int
    public let slowD: Int
    private var highs: RingWindow
    private var lows: RingWindow
    private var kAverage: SMA
    private var dAverage: SMA

    public init(fastK: Int, slowK: Int, slowD: Int) {
        precondition(fastK >= 1 && slowK >= 1 && slowD >= 1, "stochastic periods must be at least 1")
        self.fastK = fastK
        self.slowK = slowK
        self.slowD = slowD
        highs = RingWindow(capacity: fastK)
        lows = RingWindow(capacity: fastK)
        kAverage = SMA(period: slowK)
        dAverage = SMA(period: slowD)
    }

    /// Raw %K of `close` within a range, as TA-Lib computes it.
    @inline(__always)
    static func rawK(close: Double, highest: Double, lowest: Double) -> Double {
        let range = highest - lowest
        if Swift.abs(range) <= 0.00000000000001 * (Swift.abs(highest) + Swift.abs(lowest)) { return 0 }
        return (close - lowest) / range * 100.0
    }

    public mutating func update(high: Double, low: Double, close: Double) -> Value {
        highs.append(high)
        lows.append(low)
        guard highs.isFull else { return .undefined }
        let k = kAverage.update(Self.rawK(close: close, highest: highs.maximum, lowest: lows.minimum))
        guard !k.isNaN else { return .undefined }
        let d = dAverage.update(k)
        guard !d.isNaN else { return .undefined }
        return Value(k: k, d: d)
    }

    /// Runs a copy of this state over the bars, writing %K and %D.
    public func compute(high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
                        k: UnsafeMutableBufferPointer<Double>, d: UnsafeMutableBufferPointer<Double>) {
        var state = self
        for i in 0..<close.count {
            let v = state.update(high: high[i], low: low[i], close: close[i])
            k[i] = v.k; d[i] = v.d
        }
    }
}
