// The enumerations of seed 002 §3, with its raw values, plus the few cases the engine adds
// (each documented in docs/RESULTS.md).

/// Execution direction of a trade (seed 002 `BacktestTrade.direction`).
public enum OrderSide: String, Sendable, Codable, CaseIterable {
    case buy
    case sell
}

/// Seed 002 §3.1: how an order executes on its execution day.
public enum OrderType: String, Sendable, Codable, CaseIterable {
    /// At the opening call auction price (集合竞价).
    case auction
    /// A limit order working through the session: fills when the day's range reaches the limit.
    case limit
}

/// Seed 002 §3.2.
public enum TradeStatus: String, Sendable, Codable, CaseIterable {
    case pending
    case filled
    case partiallyFilled = "partially_filled"
    case rejected
}

/// Seed 002 §3.3, the reason on every trade record, plus the engine's extra reasons.
public enum FilledReason: String, Sendable, Codable, CaseIterable {
    /// 正常成交.
    case filled
    /// Buy while the open is at or above limit-up (涨停被拒).
    case limitUpReject = "limit_up_reject"
    /// Sell while the open is at or below limit-down (跌停被拒).
    case limitDownReject = "limit_down_reject"
    /// The fill-probability / queue model did not fill it (竞价未成交).
    case auctionFail = "auction_fail"
    /// Not enough cash for one lot plus fees (资金不足).
    case noCash = "no_cash"
    /// max_positions reached (超持仓上限).
    case maxPosition = "max_position"
    /// No bar for the stock on the execution day (停牌 / no data). Added by this engine.
    case suspended
    /// Only part of the order fitted in queue_participation_rate × the day's volume. Added by this engine.
    case volumeLimit = "volume_limit"
    /// A limit order whose price the day's range never reached. Added by this engine.
    case limitNotReached = "limit_not_reached"
    /// The platform risk monitor has halted new buys. Added by this engine.
    case riskHalt = "risk_halt"
    /// A sell for a stock not held (or already sold). Added by this engine.
    case noPosition = "no_position"
    /// A partial sell that the lot rules round to zero shares (e.g. 50 of 300 main-board shares);
    /// it is dropped, not retried. Added by this engine.
    case lotSize = "lot_size"
}

/// Seed 002 BacktestSignal.recommendation, ordered STRONG_BUY > BUY > HOLD > SELL > AVOID.
public enum Recommendation: String, Sendable, Codable, CaseIterable, Comparable {
    case strongBuy = "STRONG_BUY"
    case buy = "BUY"
    case hold = "HOLD"
    case sell = "SELL"
    case avoid = "AVOID"

    /// 4 for STRONG_BUY … 0 for AVOID.
    public var rank: Int {
        switch self {
        case .strongBuy: 4
        case .buy: 3
        case .hold: 2
        case .sell: 1
        case .avoid: 0
        }
    }

    public static func < (lhs: Recommendation, rhs: Recommendation) -> Bool { lhs.rank < rhs.rank }

    /// Accepts the seed spelling in any case, with `-`, `_` or a space (`strong buy`).
    public init?(parsing text: some StringProtocol) {
        let key = String(text.trimmingASCIIWhitespace().uppercased().map { $0 == "-" || $0 == " " ? "_" : $0 })
        self.init(rawValue: key)
    }
}

/// Seed 002 §3.4.
public enum SignalSource: String, Sendable, Codable, CaseIterable {
    case integrated
    case pasFallback = "pas_fallback"
}

/// Seed 002 §3.7.
public enum BacktestState: String, Sendable, Codable, CaseIterable {
    case normal
    case warnDataFallback = "warn_data_fallback"
    case warnModeFallback = "warn_mode_fallback"
    case blockedGateFail = "blocked_gate_fail"
    case blockedUntradable = "blocked_untradable"
}

/// Seed 002 BacktestTrade.liquidity_tier.
public enum LiquidityTier: String, Sendable, Codable, CaseIterable {
    case l1 = "L1"
    case l2 = "L2"
    case l3 = "L3"
}

/// Why the engine (not the strategy) closed a position; recorded on the sell.
public enum ExitReason: String, Sendable, Codable, CaseIterable {
    case strategy
    case signal
    case stopLoss = "stop_loss"
    case takeProfit = "take_profit"
    case maxHoldingDays = "max_holding_days"
    case riskLiquidation = "risk_liquidation"
}
