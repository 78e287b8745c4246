/// A price in fixed point: one unit is 0.0001 CNY (or of the instrument's currency).
///
/// A-share prices move in ticks of 0.01 (0.001 for funds), so every exchange price is exact;
/// four decimals also hold the generic profile's prices. `Double` is used only where an
/// indicator or a report needs it (`doubleValue`).
@frozen
public struct Price: Hashable, Comparable, Sendable {
    /// Units of 0.0001.
    public var units: Int64

    public static let unitsPerYuan: Int64 = 10_000
    @inlinable public static var zero: Price { Price(units: 0) }
    /// The A-share tick, 0.01.
    @inlinable public static var cent: Price { Price(units: 100) }

    @inlinable public init(units: Int64) { self.units = units }

    /// Rounds a floating-point price half-up (away from zero) to the nearest 0.0001.
    /// The named place where vendor floats (通达信 float32 fields, computed limits) become prices.
    @inlinable public init(rounding value: Double) {
        units = Int64((value * Double(Price.unitsPerYuan)).rounded(.toNearestOrAwayFromZero))
    }

    /// Parses a decimal such as `12.34`, `-0.5` or `1e3` exactly when it has at most four decimals;
    /// longer fractions are rounded half-up at the fourth decimal.
    public init?(parsing text: some StringProtocol) {
        guard let value = FixedPointParser.parse(text.utf8, scale: 4) else { return nil }
        units = value
    }

    @inlinable public var doubleValue: Double { Double(units) / Double(Price.unitsPerYuan) }
    @inlinable public var isPositive: Bool { units > 0 }

    /// Rounds to a multiple of `tick`, half-up (away from zero). The named place for tick rounding
    /// of computed prices (limit prices, slipped fills).
    @inlinable public func rounded(toTick tick: Price) -> Price {
        guard tick.units > 1 else { return self }
        let half = tick.units / 2
        let q = units >= 0 ? (units + half) / tick.units : -((-units + half) / tick.units)
        return Price(units: q * tick.units)
    }

    /// Rounds down to a multiple of `tick`.
    @inlinable public func roundedDown(toTick tick: Price) -> Price {
        guard tick.units > 1 else { return self }
        return Price(units: (units / tick.units) * tick.units)
    }

    /// Rounds up to a multiple of `tick`.
    @inlinable public func roundedUp(toTick tick: Price) -> Price {
        guard tick.units > 1 else { return self }
        return Price(units: ((units + tick.units - 1) / tick.units) * tick.units)
    }

    @inlinable public static func < (lhs: Price, rhs: Price) -> Bool { lhs.units < rhs.units }
    @inlinable public static func + (lhs: Price, rhs: Price) -> Price { Price(units: lhs.units + rhs.units) }
    @inlinable public static func - (lhs: Price, rhs: Price) -> Price { Price(units: lhs.units - rhs.units) }
}

extension Price: CustomStringConvertible {
    /// Plain decimal with trailing zeros trimmed to at least two places: `12.30`, `3.1415`.
    public var description: String { FixedPointParser.format(units, scale: 4, minimumFractionDigits: 2) }
}

extension Price: Codable {
    /// Encoded as a JSON number in yuan (`12.34`), decoded from a number or a decimal string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let price = Price(parsing: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a price")
            }
            self = price
        } else {
            let value = try container.decode(Double.self)
            guard value.isFinite else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "price is not finite")
            }
            self = Price(rounding: value)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(doubleValue)
    }
}
