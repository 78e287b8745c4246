import HuiceCore

/// A held position at a close, seed 002 §1.4 `Position` with its field names.
public struct PositionSnapshot: Sendable, Equatable, Codable {
    public var stockCode: StockCode
    public var stockName: String
    public var industryCode: String
    public var shares: Int
    /// Average fill price without fees.
    public var costPrice: Double
    /// Σ buy amounts of the held shares, fees excluded.
    public var costAmount: Money
    public var marketPrice: Price
    public var marketValue: Money
    /// market_value − cost_amount − the held shares' buy fees.
    public var unrealizedPnl: Money
    public var unrealizedPnlPct: Double
    public var buyDate: TradingDay
    public var canSellDate: TradingDay?
    public var isFrozen: Bool
    public var stopPrice: Price?
    public var targetPrice: Price?
    public var signalID: String
    public var direction: String

    enum CodingKeys: String, CodingKey {
        case stockCode = "stock_code", stockName = "stock_name", industryCode = "industry_code", shares
        case costPrice = "cost_price", costAmount = "cost_amount", marketPrice = "market_price"
        case marketValue = "market_value", unrealizedPnl = "unrealized_pnl", unrealizedPnlPct = "unrealized_pnl_pct"
        case buyDate = "buy_date", canSellDate = "can_sell_date", isFrozen = "is_frozen", stopPrice = "stop_price"
        case targetPrice = "target_price", signalID = "signal_id", direction
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stockCode, forKey: .stockCode)
        try c.encode(stockName, forKey: .stockName)
        try c.encode(industryCode, forKey: .industryCode)
        try c.encode(shares, forKey: .shares)
        try c.encode(costPrice, forKey: .costPrice)
        try c.encode(costAmount, forKey: .costAmount)
        try c.encode(marketPrice, forKey: .marketPrice)
        try c.encode(marketValue, forKey: .marketValue)
        try c.encode(unrealizedPnl, forKey: .unrealizedPnl)
        try c.encode(unrealizedPnlPct, forKey: .unrealizedPnlPct)
        try c.encode(buyDate, forKey: .buyDate)
        try c.encode(canSellDate, forKey: .canSellDate)
        try c.encode(isFrozen, forKey: .isFrozen)
        try c.encode(stopPrice, forKey: .stopPrice)
        try c.encode(targetPrice, forKey: .targetPrice)
        try c.encode(signalID, forKey: .signalID)
        try c.encode(direction, forKey: .direction)
    }
}
