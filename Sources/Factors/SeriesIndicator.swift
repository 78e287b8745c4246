import HuiceCore
import MarketData
import SeriesMath

/// An indicator computed over a whole bar series in one vectorized pass. Values must be causal:
/// the value at row `i` may depend only on rows `0...i`, so the engine can hand the strategy the
/// prefix up to "now" and nothing beyond (`StrategyContext.indicator(_:of:ago:)`).
public protocol SeriesIndicator: Sendable {
    /// A stable name for reports and caches, such as `sma_10`.
    var name: String { get }
    /// One value per row of `series`; `.nan` where the indicator is not yet defined.
    func values(for series: BarSeries) -> [Double]
}

/// Simple moving average of closes (TA-Lib `SMA`).
public struct SimpleMovingAverage: SeriesIndicator {
    public let period: Int

    public init(period: Int) {
        precondition(period >= 1, "SMA period must be at least 1")
        self.period = period
    }

    public var name: String { "sma_\(period)" }

    public func values(for series: BarSeries) -> [Double] {
        Rolling.mean(series.closeValues(), period: period)
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

    public func values(for series: BarSeries) -> [Double] {
        let closes = series.closeValues()
        return closes.indices.map { i in i >= period ? closes[i] / closes[i - period] - 1 : .nan }
    }
}
