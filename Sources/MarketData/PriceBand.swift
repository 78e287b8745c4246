import HuiceCore

/// The prices a stock may trade between on one day (涨跌停价), inclusive.
public struct PriceBand: Sendable, Equatable, Codable {
    public var up: Price
    public var down: Price

    public init(up: Price, down: Price) {
        self.up = up
        self.down = down
    }

    /// `price` moved inside the band.
    @inlinable public func clamp(_ price: Price) -> Price { min(max(price, down), up) }
}
