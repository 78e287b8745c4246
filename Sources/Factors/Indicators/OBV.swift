/// On-balance volume, TA-Lib `OBV`: starts at the first bar's volume (not 0) and adds the volume
/// on an up close, subtracts it on a down close, keeps it on an unchanged close. Volume in shares.
public struct OBV: Sendable {
    private var started = false
    private var previousClose = 0.0
    private var value = 0.0

    public init() {}

    public mutating func update(close: Double, volume: Double) -> Double {
        if !started {
            started = true
            value = volume
        } else if close > previousClose {
            value += volume
        } else if close < previousClose {
            value -= volume
        }
        previousClose = close
        return value
    }

    /// Runs a copy of this state over the bars.
    public func compute(close: UnsafeBufferPointer<Double>, volume: UnsafeBufferPointer<Double>,
                        into output: UnsafeMutableBufferPointer<Double>) {
        var state = self
        for i in 0..<close.count { output[i] = state.update(close: close[i], volume: volume[i]) }
    }
}
