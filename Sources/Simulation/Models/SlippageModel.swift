import HuiceCore
import MarketData

/// What a slippage model sees of one intended fill.
public struct SlippageContext: Sendable {
    public var side: OrderSide
    /// The price before slippage: the open (auction) or the limit / better open (limit orders).
    public var referencePrice: Price
    public var shares: Int
    /// The execution day's volume in shares.
    public var dayVolume: Int64
    /// Daily close-to-close return volatility over recent bars (sample std), nil when unknown.
    public var recentVolatility: Double?
    public var tick: Price
    public var band: PriceBand?

    public init(side: OrderSide, referencePrice: Price, shares: Int, dayVolume: Int64,
                recentVolatility: Double?, tick: Price, band: PriceBand?) {
        self.side = side
        self.referencePrice = referencePrice
        self.shares = shares
        self.dayVolume = dayVolume
        self.recentVolatility = recentVolatility
        self.tick = tick
        self.band = band
    }

    /// Moves the reference price against the trader by `bps` basis points, rounds half-up to the
    /// tick and clamps into the day's limit band: the one place a slipped price is formed.
    public func slipped(byBps bps: Double) -> SlippageQuote {
        guard bps > 0 else { return SlippageQuote(price: referencePrice, impactBps: 0) }
        let sign: Double = side == .buy ? 1 : -1
        var price = Price(rounding: referencePrice.doubleValue * (1 + sign * bps / 10_000)).rounded(toTick: tick)
        if let band { price = band.clamp(price) }
        if price.units <= 0 { price = tick }
        return SlippageQuote(price: price, impactBps: bps)
    }
}

/// The price a fill gets and the impact it was charged.
public struct SlippageQuote: Sendable, Equatable {
    public var price: Price
    public var impactBps: Double

    public init(price: Price, impactBps: Double) {
        self.price = price
        self.impactBps = impactBps
    }
}

/// Turns a reference price into a fill price.
public protocol SlippageModel: Sendable {
    /// Whether `quote` needs `recentVolatility` (the broker computes it only then).
    var needsVolatility: Bool { get }
    func quote(_ context: SlippageContext) -> SlippageQuote
}

extension SlippageModel {
    public var needsVolatility: Bool { false }
}
