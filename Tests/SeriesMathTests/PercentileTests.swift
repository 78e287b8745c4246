import Testing
import SeriesMath

@Suite("Percentile with numpy's linear interpolation")
struct PercentileTests {
    // Expected values printed by numpy 2.4 `np.percentile(values, q)`; compared exactly.
    @Test("percentiles match numpy bit for bit on both sides of the interpolation midpoint",
          arguments: [
              ([1, 2, 3, 4], 5.0, 1.15),
              ([15, 20, 35, 40, 50], 40.0, 29.0),
              ([3, 1, 2], 50.0, 2.0),
              ([0.3, -0.2, 0.1, -0.05, 0.0, 0.02], 5.0, -0.1625),
              ([0.3, -0.2, 0.1, -0.05, 0.0, 0.02], 90.0, 0.2),
              ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 5.0, 1.5),
              ([-0.1, 0.2, 0.05, 0.1], 75.0, 0.125),
          ] as [([Double], Double, Double)])
    func matchesNumpy(values: [Double], q: Double, expected: Double) {
        #expect(Statistics.percentile(values, q) == expected)
    }

    @Test("the ends of the range are the minimum and the maximum")
    func ends() {
        let values: [Double] = [4, -1, 7, 2]
        #expect(Statistics.percentile(values, 0) == -1)
        #expect(Statistics.percentile(values, 100) == 7)
        #expect(Statistics.percentile([5], 5) == 5)
    }

    @Test("percentile of nothing or of a sample with NaN is NaN")
    func undefined() {
        #expect(Statistics.percentile([], 5).isNaN)
        #expect(Statistics.percentile([1, .nan, 3], 50).isNaN)
    }

    @Test("the input is left unsorted; the scratch buffer receives the sorted sample")
    func scratch() {
        let values: [Double] = [3, 1, 2]
        var scratch = [Double](repeating: 0, count: 3)
        let p = values.withUnsafeBufferPointer { input in
            scratch.withUnsafeMutableBufferPointer { Statistics.percentile(input, 50, scratch: $0) }
        }
        #expect(p == 2)
        #expect(values == [3, 1, 2])
        #expect(scratch == [1, 2, 3])
    }
}
