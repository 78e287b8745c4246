import HuiceCore
import MarketData
import SeriesMath

/// An indicator computed over a whole bar series in one vectorized pass. Values must be causal:
/// the value at row `i` may depend only on rows `0...i`, so the engine can hand the strategy the
/// prefix up to "now" and nothing beyond (`StrategyContext.indicator(_:of:ago:)`).
public protocol SeriesIndicator: Sendable {
    /// A stable name for reports and caches, such as `sma_10`.
    var name: String { get }
    /// Writes one value per bar of `bars` into `output` (`.nan` where not yet defined).
    func compute(_ bars: BarSeriesView, into output: UnsafeMutableBufferPointer<Double>)
    /// The same for the bars of the stock `code`: what the engine calls, so indicators that also
    /// read data kept per stock (point-in-time fundamentals) can find it. Defaults to the above.
    func compute(_ bars: BarSeriesView, for code: StockCode, into output: UnsafeMutableBufferPointer<Double>)
}

extension SeriesIndicator {
    public func compute(_ bars: BarSeriesView, for code: StockCode, into output: UnsafeMutableBufferPointer<Double>) {
        compute(bars, into: output)
    }

    /// The indicator over a series value, as an array.
    public func values(for series: BarSeries) -> [Double] {
        var output = [Double](repeating: .nan, count: series.count)
        series.withView { view in output.withUnsafeMutableBufferPointer { compute(view, into: $0) } }
        return output
    }
}

/// Simple moving average of closes (TA-Lib `SMA`).
public struct SimpleMovingAverage: SeriesIndicator {
    public let period: Int

    public init(period: Int) {
        precondition(period >= 1, "SMA period must be at least 1")
        self.period = period
    }

    public var name: String { "sma_\(period)" }

    public func compute(_ bars: BarSeriesView, into output: UnsafeMutableBufferPointer<Double>) {
        bars.withCloseValues { Rolling.mean($0, period: period, into: output) }
    }
}

/// Rate of change of closes over `period` bars: close[i] / close[i - period] − 1 (TA-Lib `ROCR` − 1).
public struct RateOfChange: SeriesIndicator {
    public let period: Int

    public init(period: Int) {
        precondition(period >= 1, "ROC period must be at least 1")
        self.period = period
    }

    public var name: String { "roc_\(period)" }

    public func compute(_ bars: BarSeriesView, into output: UnsafeMutableBufferPointer<Double>) {
        let close = bars.close
        for i in 0..<close.count {
            output[i] = i >= period ? Double(close[i].units) / Double(close[i - period].units) - 1 : .nan
        }
    }
}

/// SMA(fast) − SMA(slow) of closes, the crossover's d, in one pass (`Rolling.meanDifference`, whose
/// running sums evolve exactly as `SimpleMovingAverage`'s, so d[i] equals `sma_fast[i] −
/// sma_slow[i]` bit for bit) and one column instead of two.
public struct MovingAverageSpread: SeriesIndicator {
    public let fast: Int
    public let slow: Int

    public init(fast: Int, slow: Int) {
        precondition(fast >= 1 && slow >= 1, "periods must be at least 1")
        self.fast = fast
        self.slow = slow
    }

    public var name: String { "sma_\(fast)_minus_sma_\(slow)" }

    public func compute(_ bars: BarSeriesView, into output: UnsafeMutableBufferPointer<Double>) {
        bars.withCloseValues { Rolling.meanDifference($0, fast: fast, slow: slow, into: output) }
    }
}
