import HuiceCore
import MarketData

/// What a liquidity model sees of one order attempt.
public struct LiquidityContext: Sendable {
    public var side: OrderSide
    /// Shares the order wants on this attempt.
    public var shares: Int
    /// The execution day's volume in shares and turnover (nil when the data has none).
    public var dayVolume: Int64
    public var dayAmount: Money?
    public var open: Price
    /// The price the limits are measured from (pre-close).
    public var referencePrice: Price?
    public var band: PriceBand?

    public init(side: OrderSide, shares: Int, dayVolume: Int64, dayAmount: Money?, open: Price,
                referencePrice: Price?, band: PriceBand?) {
        self.side = side
        self.shares = shares
        self.dayVolume = dayVolume
        self.dayAmount = dayAmount
        self.open = open
        self.referencePrice = referencePrice
        self.band = band
    }
}

/// The model's verdict: seed 002's fill_probability, queue_ratio and liquidity_tier, plus the
/// most shares the day's volume lets this order fill.
public struct LiquidityAssessment: Sendable, Equatable {
    public var fillProbability: Double
    public var queueRatio: Double
    public var tier: LiquidityTier?
    /// Before lot rounding; `Int.max` when volume does not limit fills.
    public var fillableShares: Int

    public init(fillProbability: Double, queueRatio: Double, tier: LiquidityTier?, fillableShares: Int) {
        self.fillProbability = fillProbability
        self.queueRatio = queueRatio
        self.tier = tier
        self.fillableShares = fillableShares
    }

    public static var unlimited: LiquidityAssessment {
        LiquidityAssessment(fillProbability: 1, queueRatio: 1, tier: nil, fillableShares: .max)
    }
}

/// Judges whether and how much of an order the day's liquidity fills.
public protocol LiquidityModel: Sendable {
    func assess(_ context: LiquidityContext) -> LiquidityAssessment
}

/// Every order fills in full (the generic profile).
public struct UnlimitedLiquidity: LiquidityModel {
    public init() {}
    public func assess(_ context: LiquidityContext) -> LiquidityAssessment { .unlimited }
}
