import HuiceCore

/// The bars a K-line draws, as parallel columns (struct of arrays, like `BarSeries`): one entry per
/// trading day, prices in yuan as `Double` (charts are reports, not accounting).
public struct OHLCSeries: Sendable, Equatable {
    public var days: [TradingDay]
    public var open: [Double]
    public var high: [Double]
    public var low: [Double]
    public var close: [Double]
    public var volume: [Double]

    /// Columns of equal length (the shortest decides: extra entries are dropped).
    public init(days: [TradingDay], open: [Double], high: [Double], low: [Double], close: [Double], volume: [Double]) {
        let n = [days.count, open.count, high.count, low.count, close.count, volume.count].min()!
        self.days = Array(days.prefix(n))
        self.open = Array(open.prefix(n))
        self.high = Array(high.prefix(n))
        self.low = Array(low.prefix(n))
        self.close = Array(close.prefix(n))
        self.volume = Array(volume.prefix(n))
    }

    /// From the fixed-point columns of a bar series (`BarSeries.times`, `.open`, … `.volume`).
    public init(times: [BarTime], open: [Price], high: [Price], low: [Price], close: [Price], volume: [Int64]) {
        self.init(days: times.map(\.day), open: open.map(\.doubleValue), high: high.map(\.doubleValue),
                  low: low.map(\.doubleValue), close: close.map(\.doubleValue), volume: volume.map(Double.init))
    }

    public var count: Int { days.count }
    public var isEmpty: Bool { days.isEmpty }
}
