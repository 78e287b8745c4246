/// An indicator over one input series, updated one bar at a time.
///
/// The vectorized kernel `compute(_:into:)` is this very `update` in a loop over a contiguous
/// buffer, so a strategy that streams bar by bar and a report that computes a whole column see the
/// same bits (DESIGN.md §5.3: one kernel serves both paths).
public protocol StreamingIndicator: Sendable {
    /// Takes the next input value and returns the indicator at that bar (`.nan` while undefined).
    mutating func update(_ value: Double) -> Double
}

extension StreamingIndicator {
    /// Runs a copy of this state over `input`, one output per input. A fresh state starts at bar 0;
    /// a state that has already seen bars continues from them.
    @inlinable
    public func compute(_ input: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>) {
        precondition(output.count >= input.count, "the output must hold one value per input")
        var state = self
        for i in 0..<input.count { output[i] = state.update(input[i]) }
    }

    /// The indicator over `input`, as an array.
    public func values(_ input: [Double]) -> [Double] {
        var output = [Double](repeating: .nan, count: input.count)
        input.withUnsafeBufferPointer { i in output.withUnsafeMutableBufferPointer { compute(i, into: $0) } }
        return output
    }
}
