import HuiceCore

/// The prices a stock may trade between on one day: its up (涨停) and down (跌停) limits.
public struct PriceBand: Sendable, Hashable, Codable {
    public var up: Price
    public var down: Price

    public init(up: Price, down: Price) {
        self.up = up
        self.down = down
    }

    /// The up side of a band the data bounds only from below (see `PriceLimitResolver`).
    public static let unboundedUp = Price(units: .max)

    public func contains(_ price: Price) -> Bool { price >= down && price <= up }

    /// `price` moved inside the band.
    @inlinable public func clamp(_ price: Price) -> Price { min(max(price, down), up) }
}
