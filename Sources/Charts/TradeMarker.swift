import HuiceCore

/// A fill drawn on the K-line: an arrow under the bar for a buy (pointing up at it), above the
/// bar for a sell (pointing down), with the price and an optional note as its tooltip.
public struct TradeMarker: Sendable, Equatable {
    /// Index of the bar in the chart's `OHLCSeries`.
    public var index: Int
    public var side: OrderSide
    public var price: Double
    public var note: String

    public init(index: Int, side: OrderSide, price: Double, note: String = "") {
        self.index = index
        self.side = side
        self.price = price
        self.note = note
    }
}
