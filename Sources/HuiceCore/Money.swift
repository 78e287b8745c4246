/// An amount of money in fen (0.01 CNY), the unit in which A-share cash, amounts and fees settle.
@frozen
public struct Money: Hashable, Comparable, Sendable {
    public var fen: Int64

    @inlinable public static var zero: Money { Money(fen: 0) }

    @inlinable public init(fen: Int64) { self.fen = fen }

    /// Rounds a yuan amount half-up to the fen. The named place where a configured float
    /// (initial cash, a value order) becomes money.
    @inlinable public init(roundingYuan value: Double) {
        fen = Int64((value * 100).rounded(.toNearestOrAwayFromZero))
    }

    /// Parses a decimal yuan amount exactly (`1234.56`); more than two decimals round half-up.
    public init?(parsingYuan text: some StringProtocol) {
        guard let value = FixedPointParser.parse(text.utf8, scale: 2) else { return nil }
        fen = value
    }

    /// The value of `shares` at `price`, rounded half-up to the fen.
    /// Exact for every price on the 0.01 grid; the named place for trade amounts and market values.
    @inlinable public static func value(of shares: Int, at price: Price) -> Money {
        let product = Int64(shares).multipliedReportingOverflow(by: price.units)
        precondition(!product.overflow, "trade value overflows: \(shares) × \(price)")
        return Money(fen: roundHalfUp(product.partialValue, dividedBy: Price.unitsPerYuan / 100))
    }

    @inlinable public var yuan: Double { Double(fen) / 100 }
    @inlinable public var isNegative: Bool { fen < 0 }

    @inlinable public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    @inlinable public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    @inlinable public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
    @inlinable public static func += (lhs: inout Money, rhs: Money) { lhs.fen += rhs.fen }
    @inlinable public static func -= (lhs: inout Money, rhs: Money) { lhs.fen -= rhs.fen }
    @inlinable public static prefix func - (value: Money) -> Money { Money(fen: -value.fen) }

    /// `self × numerator / denominator`, rounded half-up to the fen: the named place where a cost
    /// basis is split between the sold and the kept part of a position.
    @inlinable public func proportion(_ numerator: Int, of denominator: Int) -> Money {
        precondition(denominator > 0)
        let (high, low) = fen.multipliedFullWidth(by: Int64(numerator))
        return Money(fen: roundHalfUpFullWidth(high: high, low: low, divisor: Int64(denominator)))
    }
}

/// `value / divisor` rounded half-up (away from zero), divisor > 0.
@inlinable
public func roundHalfUp(_ value: Int64, dividedBy divisor: Int64) -> Int64 {
    let half = divisor / 2
    if value >= 0 { return (value + half) / divisor }
    return -((-value + half) / divisor)
}

/// Half-up division of a 128-bit product by a positive divisor.
@inlinable
func roundHalfUpFullWidth(high: Int64, low: UInt64, divisor: Int64) -> Int64 {
    let negative = high < 0
    var mHigh = UInt64(bitPattern: high), mLow = low
    if negative {  // two's-complement negate the 128-bit value
        mLow = ~mLow &+ 1
        mHigh = ~mHigh &+ (mLow == 0 ? 1 : 0)
    }
    let d = UInt64(divisor)
    let (q, r) = d.dividingFullWidth((high: mHigh, low: mLow))
    let rounded = r >= d - r ? q + 1 : q
    return negative ? -Int64(rounded) : Int64(rounded)
}

extension Money: CustomStringConvertible {
    /// `1234.56`, `-0.05`.
    public var description: String { FixedPointParser.format(fen, scale: 2, minimumFractionDigits: 2) }
}

extension Money: Codable {
    /// Encoded as a JSON number in yuan with at most two decimals; decoded from a number or a string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let money = Money(parsingYuan: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not an amount")
            }
            self = money
        } else {
            let value = try container.decode(Double.self)
            guard value.isFinite else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "amount is not finite")
            }
            self = Money(roundingYuan: value)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(yuan)
    }
}
