/// The last `capacity` values of a series in a fixed buffer, oldest first: what a streaming
/// indicator keeps to subtract the value leaving its window or to rescan the window. The buffer is
/// allocated once, so a streaming update never allocates.
struct RingWindow: Sendable {
    let capacity: Int
    private var storage: [Double]
    private var start = 0
    private(set) var count = 0

    init(capacity: Int) {
        precondition(capacity >= 1, "a window holds at least one value")
        self.capacity = capacity
        storage = [Double](repeating: 0, count: capacity)
    }

    var isFull: Bool { count == capacity }

    /// Appends `value`, dropping the oldest value when the window is full.
    @inline(__always)
    mutating func append(_ value: Double) {
        if count < capacity {
            var i = start + count
            if i >= capacity { i -= capacity }
            storage[i] = value
            count += 1
        } else {
            storage[start] = value
            start += 1
            if start == capacity { start = 0 }
        }
    }

    /// The oldest value held (the window must not be empty).
    @inline(__always)
    var oldest: Double { storage[start] }

    /// The value `offset` places after the oldest (0 is the oldest, `count - 1` the newest).
    @inline(__always)
    subscript(offset: Int) -> Double {
        var i = start + offset
        if i >= capacity { i -= capacity }
        return storage[i]
    }

    /// The largest value held (the window must not be empty).
    var maximum: Double {
        var result = self[0]
        for i in 1..<Swift.max(count, 1) where self[i] > result { result = self[i] }
        return result
    }

    /// The smallest value held (the window must not be empty).
    var minimum: Double {
        var result = self[0]
        for i in 1..<Swift.max(count, 1) where self[i] < result { result = self[i] }
        return result
    }

    /// Sample standard deviation of the values held (`count` ≥ 2), two-pass (mean first, then the
    /// squared deviations, summed oldest first), and exactly 0 when every value is the same: a
    /// flat window has no dispersion even when the floating-point mean is an ulp off the value.
    var sampleStandardDeviation: Double {
        let first = self[0]
        var total = 0.0
        var constant = true
        for i in 0..<count {
            let x = self[i]
            total += x
            if x != first { constant = false }
        }
        if constant { return 0 }
        let mean = total / Double(count)
        var squares = 0.0
        for i in 0..<count {
            let d = self[i] - mean
            squares += d * d
        }
        return (squares / Double(count - 1)).squareRoot()
    }
}
