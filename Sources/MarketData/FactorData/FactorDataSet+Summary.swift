import HuiceCore

extension FactorDataSet {
    /// What a data set holds of one factor (what `huice factors import` prints per factor).
    public struct FactorSummary: Sendable, Equatable {
        public var factor: String
        public var observationCount: Int
        public var codeCount: Int
        public var observedRange: ClosedRange<TradingDay>
        public var publishedRange: ClosedRange<TradingDay>
        /// Observations that restate an earlier one (same stock and observed day, later publish day).
        public var restatementCount: Int
    }

    /// One summary per factor, sorted by name.
    public var factorSummaries: [FactorSummary] {
        var byFactor: [String: FactorSummary] = [:]
        var codes: [String: Set<StockCode>] = [:]
        var previous: FactorObservation?
        for o in observations {
            let restates = previous.map { $0.code == o.code && $0.factor == o.factor && $0.observed == o.observed } ?? false
            previous = o
            codes[o.factor, default: []].insert(o.code)
            guard var s = byFactor[o.factor] else {
                byFactor[o.factor] = FactorSummary(factor: o.factor, observationCount: 1, codeCount: 0,
                                                   observedRange: o.observed...o.observed,
                                                   publishedRange: o.published...o.published, restatementCount: 0)
                continue
            }
            s.observationCount += 1
            s.observedRange = min(s.observedRange.lowerBound, o.observed)...max(s.observedRange.upperBound, o.observed)
            s.publishedRange = min(s.publishedRange.lowerBound, o.published)...max(s.publishedRange.upperBound, o.published)
            if restates { s.restatementCount += 1 }
            byFactor[o.factor] = s
        }
        return byFactor.keys.sorted().map { name in
            var s = byFactor[name]!
            s.codeCount = codes[name]!.count
            return s
        }
    }
}
