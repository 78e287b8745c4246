/// A day that closed at its limit (涨停 / 跌停), marked on the K-line by a tinted column.
///
/// The chart does not work limits out itself: the band depends on the board, ST status and the
/// date (MarketData's `PriceLimitRule`), so the caller passes the days it found.
public struct PriceLimitMark: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case limitUp = "limit-up"
        case limitDown = "limit-down"
    }

    /// Index of the bar in the chart's `OHLCSeries`.
    public var index: Int
    public var kind: Kind

    public init(index: Int, kind: Kind) {
        self.index = index
        self.kind = kind
    }
}
