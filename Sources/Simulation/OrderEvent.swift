import HuiceCore

/// One order attempt and its outcome, as the engine logs it: plain values only, so logging costs a
/// copy of a few words. `SimulationLog.trades` turns events into seed 002 `BacktestTrade` records.
public struct OrderEvent: Sendable, Equatable {
    public var orderID: Int
    public var instrument: Int
    /// The session whose close decided the order, and the one it executed (or would have) in.
    public var decisionSession: Int
    public var executeSession: Int
    public var side: OrderSide
    public var orderType: OrderType
    public var status: TradeStatus
    public var reason: FilledReason
    public var signalPrice: Price
    public var filledPrice: Price
    /// Shares filled, and shares the attempt asked for.
    public var shares: Int
    public var orderShares: Int
    public var amount: Money
    public var fees: FeeBreakdown
    public var slippage: Money
    public var impactBps: Double
    public var fillProbability: Double
    public var queueRatio: Double
    public var tier: LiquidityTier?
    public var pnl: Money?
    public var pnlPct: Double?
    public var holdDays: Int?
    public var exitReason: ExitReason?
    public var fillTime: FillTime
    /// Index of the order's tag in `SimulationLog.tags` (0 = no tag).
    public var tagIndex: Int

    /// When in the session a fill happened.
    public enum FillTime: UInt8, Sendable, Equatable {
        case none
        /// The opening call auction (09:25).
        case openingAuction
        /// Some time in the continuous session (a limit reached intraday on a daily bar).
        case continuous
        /// At the intraday bar's own time.
        case barTime
    }

    public var isFill: Bool { shares > 0 }
}
