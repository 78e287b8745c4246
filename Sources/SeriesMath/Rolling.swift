/// Rolling-window kernels over contiguous `Double` buffers. Pure functions: the vectorized path
/// calls them on a whole series, the streaming path on a growing prefix; both see the same values.
///
/// Conventions (TA-Lib's): output index `i` covers inputs `i - period + 1 ... i`; positions before
/// the first full window are `.nan`.
public enum Rolling {
    /// Simple moving average with a running sum (add the new value, subtract the one leaving the
    /// window), as TA-Lib's `TA_SMA` does, so values match TA-Lib to the last bits.
    @inlinable
    public static func mean(_ input: UnsafeBufferPointer<Double>, period: Int, into output: UnsafeMutableBufferPointer<Double>) {
        precondition(period >= 1 && output.count >= input.count)
        let n = input.count
        var sum = 0.0
        for i in 0..<n {
            sum += input[i]
            if i >= period { sum -= input[i - period] }
            if i + 1 >= period {
                output[i] = sum / Double(period)
            } else {
                output[i] = .nan
            }
        }
    }

    /// Simple moving average of `values`.
    public static func mean(_ values: [Double], period: Int) -> [Double] {
        var output = [Double](repeating: .nan, count: values.count)
        values.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in mean(input, period: period, into: out) }
        }
        return output
    }

    /// `mean(period: fast) − mean(period: slow)` in one pass: two running sums updated exactly as
    /// `mean` updates its one, so each output equals the difference of the two means bit for bit.
    @inlinable
    public static func meanDifference(_ input: UnsafeBufferPointer<Double>, fast: Int, slow: Int,
                                      into output: UnsafeMutableBufferPointer<Double>) {
        precondition(fast >= 1 && slow >= 1 && output.count >= input.count)
        let warmUp = Swift.max(fast, slow)
        var fastSum = 0.0, slowSum = 0.0
        for i in 0..<input.count {
            let x = input[i]
            fastSum += x
            if i >= fast { fastSum -= input[i - fast] }
            slowSum += x
            if i >= slow { slowSum -= input[i - slow] }
            output[i] = i + 1 >= warmUp ? fastSum / Double(fast) - slowSum / Double(slow) : .nan
        }
    }
}
