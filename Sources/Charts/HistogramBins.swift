/// Equal-width bins over the finite values' range; the last bin also holds the maximum.
public struct HistogramBins: Sendable, Equatable {
    public var lowerBound: Double
    public var binWidth: Double
    public var counts: [Int]

    public init(_ values: [Double], binCount: Int) {
        let finite = values.filter(\.isFinite)
        counts = []
        guard let lo = finite.min(), let hi = finite.max() else {
            lowerBound = 0
            binWidth = 0
            return
        }
        guard hi > lo else {
            // All equal: one bin centred on the value, 1% of it wide (or 0.0001 around zero).
            binWidth = max(abs(lo) * 0.01, 0.0001)
            lowerBound = lo - binWidth / 2
            counts = [finite.count]
            return
        }
        let n = max(1, binCount)
        lowerBound = lo
        binWidth = (hi - lo) / Double(n)
        counts = Array(repeating: 0, count: n)
        for v in finite {
            counts[min(n - 1, Int((v - lo) / binWidth))] += 1
        }
    }

    public var upperBound: Double { lowerBound + binWidth * Double(counts.count) }
    public var total: Int { counts.reduce(0, +) }
}
