/// Moving average convergence/divergence, TA-Lib `MACD` to the last bit: dif = EMA(fast) −
/// EMA(slow), dea (the signal) = EMA(dif, signal), hist = dif − dea.
///
/// TA-Lib's peculiarity, reproduced: the fast EMA does not start at bar 0. It is seeded with the
/// average of the `fast` closes that end on bar `slow − 1`, the bar where the slow EMA's seed ends,
/// so both begin together; the signal EMA is seeded with the average of the first `signal` difs.
/// All three outputs are undefined until the signal exists (bar slow + signal − 2), dif included,
/// as TA-Lib pads them. A signal period of 1 makes dea = dif and hist exactly 0. When `slow <
/// fast` the two are swapped, as TA-Lib does.
public struct MACD: Sendable {
    /// One bar's three lines.
    public struct Value: Sendable, Equatable {
        public var dif: Double
        public var dea: Double
        public var hist: Double

        public init(dif: Double, dea: Double, hist: Double) {
            self.dif = dif; self.dea = dea; self.hist = hist
        }

        public static let undefined = Value(dif: .nan, dea: .nan, hist: .nan)
    }

    public let fast: Int
    public let slow: Int
    public let signal: Int
    private var fastAverage: EMA
    private var slowAverage: EMA
    private var signalAverage: EMA
    private var seen = 0

    public init(fast: Int, slow: Int, signal: Int) {
        precondition(fast >= 1 && slow >= 1 && signal >= 1, "MACD periods must be at least 1")
        self.fast = Swift.min(fast, slow)
        self.slow = Swift.max(fast, slow)
        self.signal = signal
        fastAverage = EMA(period: self.fast)
        slowAverage = EMA(period: self.slow)
        signalAverage = EMA(period: signal)
    }

    public mutating func update(_ close: Double) -> Value {
        let slowValue = slowAverage.update(close)
        var fastValue = Double.nan
        if seen >= slow - fast {
            fastValue = fastAverage.update(close)
        } else {
            seen += 1
        }
        guard !slowValue.isNaN else { return .undefined }
        let dif = fastValue - slowValue
        let dea = signalAverage.update(dif)
        guard !dea.isNaN else { return .undefined }
        return Value(dif: dif, dea: dea, hist: dif - dea)
    }

    /// Runs a copy of this state over `close`, writing the three lines.
    public func compute(_ close: UnsafeBufferPointer<Double>, dif: UnsafeMutableBufferPointer<Double>,
                        dea: UnsafeMutableBufferPointer<Double>, hist: UnsafeMutableBufferPointer<Double>) {
        precondition(dif.count >= close.count && dea.count >= close.count && hist.count >= close.count)
        var state = self
        for i in 0..<close.count {
            let v = state.update(close[i])
            dif[i] = v.dif; dea[i] = v.dea; hist[i] = v.hist
        }
    }
}
