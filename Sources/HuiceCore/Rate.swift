/// A fee or tax rate in fixed point (one unit = 1e-10), so that `amount × rate` rounds
/// half-up to the fen exactly, with no binary-float surprise at a half fen.
@frozen
public struct Rate: Hashable, Comparable, Sendable {
    public var units: Int64
    public static let unitsPerOne: Int64 = 10_000_000_000
    @inlinable public static var zero: Rate { Rate(units: 0) }

    @inlinable public init(units: Int64) { self.units = units }

    /// `0.0003` → 3,000,000 units, rounded to the nearest 1e-10.
    @inlinable public init(_ value: Double) {
        units = Int64((value * Double(Rate.unitsPerOne)).rounded(.toNearestOrAwayFromZero))
    }

    @inlinable public var doubleValue: Double { Double(units) / Double(Rate.unitsPerOne) }

    /// `amount × rate` rounded half-up to the fen: the named place where every fee is rounded.
    @inlinable public func fee(on amount: Money) -> Money {
        if units == 0 { return Money(fen: 0) }
        let (high, low) = amount.fen.multipliedFullWidth(by: units)
        return Money(fen: roundHalfUpFullWidth(high: high, low: low, divisor: Rate.unitsPerOne))
    }

    @inlinable public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.units < rhs.units }
}

extension Rate: CustomStringConvertible {
    public var description: String { FixedPointParser.format(units, scale: 10, minimumFractionDigits: 1) }
}

extension Rate: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Double.self)
        self.init(value)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(doubleValue)
    }
}

extension Rate {
    /// `amount × rate` rounded down to the fen: the named place where a fraction of equity becomes
    /// a buy budget (a budget never rounds up past what the fraction allows).
    @inlinable public func floorPortion(of amount: Money) -> Money {
        let product = Int128(amount.fen) * Int128(units)
        let quotient = product / Int128(Rate.unitsPerOne)
        let floored = product < 0 && quotient * Int128(Rate.unitsPerOne) != product ? quotient - 1 : quotient
        return Money(fen: Int64(floored))
    }
}

extension Money {
    /// The most whole shares `self` pays for at `price` (floor of value / price); 0 for a
    /// non-positive price or budget.
    @inlinable public func wholeShares(at price: Price) -> Int {
        guard price.units > 0, fen > 0 else { return 0 }
        return Int(Int128(fen) * Int128(Price.unitsPerYuan / 100) / Int128(price.units))
    }
}
