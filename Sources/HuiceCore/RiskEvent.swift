/// A breach of a platform risk limit (seed 001 §2.3): the monitor liquidates everything at the
/// next open and stops new buys for the rest of the run or a cool-down.
public struct RiskEvent: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Drawdown from the equity peak reached `max_drawdown_pct`.
        case maxDrawdown = "max_drawdown"
        /// The day's loss against the previous close reached `daily_max_loss_pct`.
        case dailyLoss = "daily_loss"
        /// New buys allowed again after the cool-down.
        case resumed
    }

    public var kind: Kind
    /// The close at which the breach was seen.
    public var tradeDate: TradingDay
    /// The measured value (a positive fraction: 0.2 = 20%).
    public var value: Double
    /// The configured limit.
    public var limit: Double
    public var equity: Money
    /// The day the forced liquidation orders execute (the next trading day), nil for `resumed`.
    public var liquidationDate: TradingDay?
    public var message: String

    public init(kind: Kind, tradeDate: TradingDay, value: Double, limit: Double, equity: Money,
                liquidationDate: TradingDay?, message: String) {
        self.kind = kind
        self.tradeDate = tradeDate
        self.value = value
        self.limit = limit
        self.equity = equity
        self.liquidationDate = liquidationDate
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case kind = "type"
        case tradeDate = "trade_date"
        case value
        case limit
        case equity
        case liquidationDate = "liquidation_date"
        case message
    }
}
