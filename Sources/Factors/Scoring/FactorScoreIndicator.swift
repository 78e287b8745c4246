import HuiceCore
import MarketData

/// The composite factor score, score = Σ weight × normalised factor value (seed 000 §2.1.3), as
/// an indicator the engine computes per stock (`StrategyContext.register`) and a strategy reads
/// bar by bar through the look-back API. Causal: every input on bar i is visible at bar i's close.
public struct FactorScoreIndicator: SeriesIndicator {
    public let factors: [WeightedFactor]
    public let normalization: FactorNormalization
    public let source: FactorValueSource

    public init(factors: [WeightedFactor], normalization: FactorNormalization = .standard, source: FactorValueSource) {
        self.factors = factors
        self.normalization = normalization
        self.source = source
    }

    public var name: String { "factor_score" }

    public func compute(_ bars: BarSeriesView, for code: StockCode, into output: UnsafeMutableBufferPointer<Double>) {
        let columns = FactorColumns(factors: factors, code: code, bars: bars, source: source, normalization: normalization)
        columns.score(weights: factors.map(\.weight), into: output)
    }

    /// Without a stock code no stored values can be found: imported factors are undefined, so the
    /// score is too unless every factor is bar-derived.
    public func compute(_ bars: BarSeriesView, into output: UnsafeMutableBufferPointer<Double>) {
        let columns = FactorColumns(factors: factors, code: nil, bars: bars, source: source, normalization: normalization)
        columns.score(weights: factors.map(\.weight), into: output)
    }
}

/// Values computed elsewhere, one array per stock aligned with the stock's bars (parameter search
/// computes factor columns once and hands each trial its score this way). An array may be longer
/// than the bars: values must be causal, so a run over fewer bars (an earlier end) uses its prefix.
public struct PrecomputedIndicator: SeriesIndicator {
    public let name: String
    public let values: [StockCode: [Double]]

    public init(name: String, values: [StockCode: [Double]]) {
        self.name = name
        self.values = values
    }

    public func compute(_ bars: BarSeriesView, for code: StockCode, into output: UnsafeMutableBufferPointer<Double>) {
        guard let series = values[code] else { return }  // output stays NaN
        precondition(series.count >= bars.count, "precomputed \(name) for \(code) has \(series.count) values for \(bars.count) bars")
        for i in 0..<bars.count { output[i] = series[i] }
    }

    public func compute(_ bars: BarSeriesView, into output: UnsafeMutableBufferPointer<Double>) {}
}
