import Testing
import SeriesMath

@Suite("Sample statistics kernels")
struct StatisticsTests {
    let sample: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]

    @Test("mean is the arithmetic mean and NaN for no values")
    func mean() {
        #expect(Statistics.mean(sample) == 5)
        #expect(Statistics.mean([]).isNaN)
    }

    @Test("standard deviation is the sample one by default and the population one with ddof 0")
    func standardDeviation() {
        // Σ(x − 5)² = 32: sample variance 32/7, population variance 4.
        #expect(Statistics.variance(sample) == 32.0 / 7.0)
        #expect(Statistics.standardDeviation(sample) == (32.0 / 7.0).squareRoot())
        #expect(Statistics.standardDeviation(sample, ddof: 0) == 2)
    }

    @Test("variance is NaN when there are no more values than degrees of freedom removed")
    func varianceTooShort() {
        #expect(Statistics.variance([1.5]).isNaN)
        #expect(Statistics.variance([]).isNaN)
        #expect(Statistics.variance([1.5], ddof: 0) == 0)
    }

    @Test("a series is constant only when every value equals the first")
    func constant() {
        #expect(Statistics.isConstant([0.1, 0.1, 0.1]))
        #expect(Statistics.isConstant([]))
        #expect(!Statistics.isConstant([0.1, 0.1, 0.1000000001]))
    }

    @Test("downside deviation averages the squared shortfalls over every observation")
    func downsideDeviation() {
        // Only −0.1 falls below 0: sqrt(0.01 / 3).
        #expect(Statistics.downsideDeviation([0.1, -0.1, 0.2]) == (0.1 * 0.1 / 3).squareRoot())
        // Against a threshold of 0.05 the shortfalls are −0.15 and 0 (0.1 − 0.05 > 0).
        let d = Statistics.downsideDeviation([0.1, -0.1, 0.05], threshold: 0.05)
        #expect(abs(d - (0.15 * 0.15 / 3).squareRoot()) < 1e-16)
        #expect(Statistics.downsideDeviation([0.1, 0.2]) == 0)
        #expect(Statistics.downsideDeviation([]).isNaN)
    }

    @Test("beta of an exact line is its slope and covariance uses population moments")
    func betaOfLine() {
        let x: [Double] = [1, 2, 3, 4]
        let y = x.map { 2 * $0 + 1 }
        #expect(Statistics.beta(y, on: x) == 2)
        // mean(x) = 2.5; Σ(x − 2.5)·y = Σ(x − 2.5)·2x = 2·5 = 10 over 4.
        #expect(Statistics.covariance(x, y) == 2.5)
    }

    @Test("beta is NaN against a constant regressor or fewer than two points")
    func betaUndefined() {
        #expect(Statistics.beta([1, 2, 3], on: [0.5, 0.5, 0.5]).isNaN)
        #expect(Statistics.beta([1], on: [2]).isNaN)
    }

    @Test("unsafe-buffer kernels give the array conveniences' values")
    func bufferVariants() {
        sample.withUnsafeBufferPointer { buffer in
            #expect(Statistics.mean(buffer) == Statistics.mean(sample))
            #expect(Statistics.standardDeviation(buffer) == Statistics.standardDeviation(sample))
            #expect(Statistics.downsideDeviation(buffer, threshold: 5) == Statistics.downsideDeviation(sample, threshold: 5))
        }
    }
}
