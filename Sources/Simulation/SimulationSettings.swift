import HuiceCore

/// Everything the engine needs besides data and strategy.
public struct SimulationSettings: Sendable {
    public var initialCash: Money
    public var models: MarketModels
    public var fillPolicy: FillPolicy
    public var positions: PositionRules
    public var risk: RiskLimits
    /// Bars of history behind the volatility an impact model reads.
    public var volatilityLookback: Int

    public init(initialCash: Money, models: MarketModels, fillPolicy: FillPolicy = FillPolicy(),
                positions: PositionRules = PositionRules(), risk: RiskLimits = RiskLimits(),
                volatilityLookback: Int = 20) {
        self.initialCash = initialCash
        self.models = models
        self.fillPolicy = fillPolicy
        self.positions = positions
        self.risk = risk
        self.volatilityLookback = volatilityLookback
    }
}

/// How a fill probability becomes a fill.
public struct FillPolicy: Sendable, Equatable {
    /// Below it an order fails with `auction_fail` (seed 002 `min_fill_probability`).
    public var minFillProbability: Double
    /// When set, an order at or above the minimum also fails with probability 1 − p, drawn from a
    /// generator seeded by (seed, session, instrument, side): reproducible and independent of the
    /// order in which orders are processed. When nil the model is deterministic.
    public var randomSeed: UInt64?

    public init(minFillProbability: Double = 0, randomSeed: UInt64? = nil) {
        self.minFillProbability = minFillProbability
        self.randomSeed = randomSeed
    }
}

/// Seed 002's position rules; nil switches a rule off.
public struct PositionRules: Sendable, Equatable {
    /// Held positions (including those with a pending sell) plus buys accepted that evening.
    public var maxPositions: Int?
    /// Caps a buy's target value at this fraction of the decision day's equity; never rejects.
    public var maxPositionPct: Double?
    /// Exit at the next open once this many trading days have passed since the buy's execute date.
    public var maxHoldingDays: Int?
    /// Exit at the next open when a close is at or below cost_price × (1 − pct).
    public var stopLossPct: Double?
    /// Exit at the next open when a close is at or above cost_price × (1 + pct).
    public var takeProfitPct: Double?

    public init(maxPositions: Int? = nil, maxPositionPct: Double? = nil, maxHoldingDays: Int? = nil,
                stopLossPct: Double? = nil, takeProfitPct: Double? = nil) {
        self.maxPositions = maxPositions
        self.maxPositionPct = maxPositionPct
        self.maxHoldingDays = maxHoldingDays
        self.stopLossPct = stopLossPct
        self.takeProfitPct = takeProfitPct
    }
}

/// Platform risk limits (seed 001): breaching one liquidates everything at the next open and
/// stops new buys for the rest of the run, or for `cooldownDays` trading days.
public struct RiskLimits: Sendable, Equatable {
    /// Drawdown from the equity peak, as a positive fraction (0.2 = 20%).
    public var maxDrawdownPct: Double?
    /// Loss from the previous close's equity within one session, as a positive fraction.
    public var dailyMaxLossPct: Double?
    /// Trading days after the breach before new buys are allowed again; nil = never.
    public var cooldownDays: Int?

    public init(maxDrawdownPct: Double? = nil, dailyMaxLossPct: Double? = nil, cooldownDays: Int? = nil) {
        self.maxDrawdownPct = maxDrawdownPct
        self.dailyMaxLossPct = dailyMaxLossPct
        self.cooldownDays = cooldownDays
    }

    public var isActive: Bool { maxDrawdownPct != nil || dailyMaxLossPct != nil }
}
