/// A fee or tax rate in fixed point (one unit = 1e-10), so that `amount × rate` rounds
/// half-up to the fen exactly, with no binary-float surprise at a half fen.
@frozen
public struct Rate: Hashable, Comparable, Sendable {
    public var units: Int64
    public static let unitsPerOne: Int64 = 10_000_000_000
    public static let zero = Rate(units: 0)

    @inlinable public init(units: Int64) { self.units = units }

    /// `0.0003` → 3,000,000 units, rounded to the nearest 1e-10.
    @inlinable public init(_ value: Double) {
        units = Int64((value * Double(Rate.unitsPerOne)).rounded(.toNearestOrAwayFromZero))
    }

    @inlinable public var doubleValue: Double { Double(units) / Double(Rate.unitsPerOne) }

    /// `amount × rate` rounded half-up to the fen: the named place where every fee is rounded.
    @inlinable public func fee(on amount: Money) -> Money {
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
