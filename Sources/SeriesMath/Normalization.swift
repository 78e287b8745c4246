/// Causal normalisation of one series against its own recent history (a stock's factor values
/// against the stock's past): output `i` uses only inputs `i - window + 1 ... i`. NaN inputs are
/// gaps: they are skipped inside a window and give a NaN output at their own position.
public enum Normalization {
    /// (x[i] − mean) / standard deviation over the defined values of the trailing window
    /// (population deviation, as a z-score of the window's own distribution). Needs at least
    /// `minimumCount` defined values; a flat window (deviation 0) gives 0.
    ///
    /// Two passes per window instead of running sums: factor values such as market value are large
    /// and nearly constant, where running sums of squares lose every significant digit.
    public static func rollingZScore(_ input: UnsafeBufferPointer<Double>, window: Int, minimumCount: Int,
                                     into output: UnsafeMutableBufferPointer<Double>) {
        precondition(window >= 1 && minimumCount >= 1 && output.count >= input.count)
        for i in 0..<input.count {
            let x = input[i]
            guard x == x else { output[i] = .nan; continue }
            let start = Swift.max(0, i - window + 1)
            var count = 0
            var sum = 0.0
            for j in start...i where input[j] == input[j] {
                count += 1
                sum += input[j]
            }
            guard count >= minimumCount else { output[i] = .nan; continue }
            let mean = sum / Double(count)
            var squares = 0.0
            for j in start...i where input[j] == input[j] {
                let d = input[j] - mean
                squares += d * d
            }
            let deviation = (squares / Double(count)).squareRoot()
            // A flat window's deviation is 0 up to the mean's rounding (an ulp or two of the values).
            output[i] = deviation > 1e-14 * abs(mean) ? (x - mean) / deviation : 0
        }
    }

    /// The percentile rank of x[i] among the defined values of its trailing window, mapped to
    /// [−1, 1]: with `below` values smaller and `equal` others equal to x[i] among n defined values,
    /// p = (below + equal / 2) / (n − 1) and the output is 2p − 1 (the window's minimum → −1, its
    /// maximum → 1, the median → 0; ties share the middle of their ranks). Needs `minimumCount`
    /// defined values; a window of one value gives 0.
    public static func rollingRankPercentile(_ input: UnsafeBufferPointer<Double>, window: Int, minimumCount: Int,
                                             into output: UnsafeMutableBufferPointer<Double>) {
        precondition(window >= 1 && minimumCount >= 1 && output.count >= input.count)
        for i in 0..<input.count {
            let x = input[i]
            guard x == x else { output[i] = .nan; continue }
            let start = Swift.max(0, i - window + 1)
            var count = 0, below = 0, equal = 0
            for j in start...i {
                let y = input[j]
                guard y == y else { continue }
                count += 1
                if y < x { below += 1 } else if y == x && j != i { equal += 1 }
            }
            guard count >= minimumCount else { output[i] = .nan; continue }
            output[i] = count == 1 ? 0 : 2 * (Double(below) + Double(equal) / 2) / Double(count - 1) - 1
        }
    }
}
