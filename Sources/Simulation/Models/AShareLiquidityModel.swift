import HuiceCore

/// The deterministic A-share fill model (seed 002 fill_probability / queue_ratio / liquidity_tier).
///
/// - Liquidity tier from the execution day's turnover (成交额; volume × open when the data has no
///   amount): L1 ≥ 300 million CNY, L2 ≥ 50 million, L3 below.
/// - Capacity = ⌊queue_participation_rate × day volume⌋ shares; queue_ratio = min(1, capacity / order
///   shares): the share of the order the day's queue can absorb.
/// - fill_probability = base(tier) × (0.5 + 0.5 × queue_ratio) × pressure, with base L1 0.95,
///   L2 0.85, L3 0.65, and pressure 0.5 when the open is within 2% (of the reference price) of the
///   limit the order trades against (a buy near limit-up, a sell near limit-down: queues pile up
///   there), else 1.
///
/// With the seed's defaults (min_fill_probability 0.35) an order fails (`auction_fail`) when it is
/// large for a thin L3 stock, or sits near the limit in a thin one; liquid stocks always fill.
public struct AShareLiquidityModel: LiquidityModel {
    public var participationRate: Double

    public static let tier1Turnover = Money(fen: 30_000_000_000)  // 3亿
    public static let tier2Turnover = Money(fen: 5_000_000_000)   // 5000万

    public init(participationRate: Double) { self.participationRate = participationRate }

    public static func tier(forTurnover amount: Money) -> LiquidityTier {
        amount >= tier1Turnover ? .l1 : amount >= tier2Turnover ? .l2 : .l3
    }

    public static func baseProbability(_ tier: LiquidityTier) -> Double {
        switch tier {
        case .l1: 0.95
        case .l2: 0.85
        case .l3: 0.65
        }
    }

    public func assess(_ context: LiquidityContext) -> LiquidityAssessment {
        let turnover = context.dayAmount ?? Money.value(of: Int(context.dayVolume), at: context.open)
        let tier = Self.tier(forTurnover: turnover)
        let capacity = Int((participationRate * Double(context.dayVolume)).rounded(.down))
        let queueRatio = context.shares > 0 ? min(1, Double(capacity) / Double(context.shares)) : 1
        var pressure = 1.0
        if let band = context.band, let reference = context.referencePrice, reference.units > 0 {
            let distance = context.side == .buy ? band.up.units - context.open.units : context.open.units - band.down.units
            if Double(distance) <= 0.02 * Double(reference.units) { pressure = 0.5 }
        }
        let probability = Self.baseProbability(tier) * (0.5 + 0.5 * queueRatio) * pressure
        return LiquidityAssessment(fillProbability: probability, queueRatio: queueRatio, tier: tier,
                                   fillableShares: capacity)
    }
}
