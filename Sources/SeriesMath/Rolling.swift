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
}
