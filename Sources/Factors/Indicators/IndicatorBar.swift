import HuiceCore
import MarketData

/// One bar's inputs to the indicators, as `Double`: prices in yuan (`Price.doubleValue`, the
/// exact quotient units / 10000, the same double TA-Lib is fed in the reference fixtures) and
/// volume in shares.
public struct IndicatorBar: Sendable, Equatable {
    public var high: Double
    public var low: Double
    public var close: Double
    public var volume: Double

    public init(high: Double, low: Double, close: Double, volume: Double) {
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    /// Bar `index` of `bars`.
    public init(_ bars: BarSeriesView, at index: Int) {
        self.init(high: bars.high[index].doubleValue, low: bars.low[index].doubleValue,
                  close: bars.close[index].doubleValue, volume: Double(bars.volume[index]))
    }

    public init(_ bar: Bar) {
        self.init(high: bar.high.doubleValue, low: bar.low.doubleValue, close: bar.close.doubleValue,
                  volume: Double(bar.volume))
    }
}
