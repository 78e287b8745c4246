import Testing
@testable import SeriesMath

@Suite("Causal normalisation kernels")
struct NormalizationTests {
    func run(_ input: [Double], _ kernel: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void) -> [Double] {
        var output = [Double](repeating: -99, count: input.count)
        input.withUnsafeBufferPointer { i in output.withUnsafeMutableBufferPointer { kernel(i, $0) } }
        return output
    }

    @Test("z-score over a trailing window: hand-computed values, NaN until enough values")
    func zScoreByHand() {
        let z = run([1, 2, 3, 10, 4]) { Normalization.rollingZScore($0, window: 3, minimumCount: 2, into: $1) }
        #expect(z[0].isNaN)
        // [1, 2]: mean 1.5, population sd 0.5 → (2 − 1.5) / 0.5 = 1
        #expect(z[1] == 1)
        // [1, 2, 3]: mean 2, sd sqrt(2/3) → 1 / 0.8164965809 = 1.224744871
        #expect(abs(z[2] - 1.224744871391589) < 1e-12)
        // [2, 3, 10]: mean 5, deviations −3, −2, 5 → var 38/3, sd 3.559026084 → 5 / sd = 1.404878717
        #expect(abs(z[3] - 1.404878717372541) < 1e-12)
        // [3, 10, 4]: mean 17/3, deviations −8/3, 13/3, −5/3 → var (64+169+25)/27 = 9.5555…, sd 3.091206…
        #expect(abs(z[4] - (4 - 17.0 / 3) / (258.0 / 27).squareRoot()) < 1e-12)
    }

    @Test("z-score skips gaps inside the window and is NaN at a gap; a flat window gives 0")
    func zScoreGapsAndFlat() {
        let z = run([5, .nan, 5, 5, 7]) { Normalization.rollingZScore($0, window: 3, minimumCount: 2, into: $1) }
        #expect(z[0].isNaN && z[1].isNaN)
        #expect(z[2] == 0)  // [5, _, 5]
        #expect(z[3] == 0)  // [_, 5, 5]
        // [5, 5, 7]: mean 17/3, deviations −2/3, −2/3, 4/3 → sd sqrt(24/27) → (4/3) / 0.9428 = √2
        #expect(abs(z[4] - 2.0.squareRoot()) < 1e-12)
    }

    @Test("z-score of large, nearly constant values keeps its precision (two-pass)")
    func zScoreLargeValues() {
        let base = 1e12
        let z = run([base + 1, base + 2, base + 3]) { Normalization.rollingZScore($0, window: 3, minimumCount: 3, into: $1) }
        #expect(abs(z[2] - 1.224744871391589) < 1e-9)
    }

    @Test("rank percentile maps the window's minimum to −1, maximum to 1 and ties to their middle rank")
    func rankPercentileByHand() {
        let r = run([3, 1, 2, 2, 5, 0]) { Normalization.rollingRankPercentile($0, window: 4, minimumCount: 1, into: $1) }
        #expect(r[0] == 0)                       // alone
        #expect(r[1] == -1)                      // [3, 1]: the minimum
        #expect(r[2] == 0)                       // [3, 1, 2]: the median
        // [3, 1, 2, 2]: below 1, one other equal → p = (1 + 0.5) / 3 = 0.5 → 0
        #expect(r[3] == 0)
        #expect(r[4] == 1)                       // [1, 2, 2, 5]: the maximum
        #expect(r[5] == -1)                      // [2, 2, 5, 0]
    }

    @Test("rank percentile needs the minimum count and is bounded by ±1 on random data")
    func rankPercentileBounds() {
        var seed: UInt64 = 7
        let input = (0..<400).map { _ -> Double in
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return seed % 13 == 0 ? .nan : Double(seed >> 40) / 1000
        }
        let r = run(input) { Normalization.rollingRankPercentile($0, window: 50, minimumCount: 10, into: $1) }
        for i in input.indices {
            let defined = input[max(0, i - 49)...i].filter { !$0.isNaN }.count
            if input[i].isNaN || defined < 10 { #expect(r[i].isNaN) } else { #expect(r[i] >= -1 && r[i] <= 1) }
        }
    }
}
