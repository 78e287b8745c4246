import HuiceCore

/// One point of the equity curve at a session's close: seed 002 §1.5 `EquityPoint`, with its
/// snake_case keys.
///
/// `equity`, `cash` and `positionsValue` are exact fen amounts (encoded as yuan numbers, like every
/// `Money`); the three fractions are derived from them. A fraction that is not finite (only
/// possible if a previous equity was 0) encodes as `null` and decodes back as NaN.
public struct EquityPoint: Sendable, Equatable, Codable {
    /// The session (`20240105` in JSON, like `TradingDay`'s description).
    public var tradeDate: TradingDay
    /// cash + positions_value.
    public var equity: Money
    public var cash: Money
    /// Market value of the holdings at the close.
    public var positionsValue: Money
    /// equity / previous equity − 1; for the first point the previous equity is the initial cash.
    public var dailyReturn: Double
    /// equity / initial cash − 1.
    public var cumulativeReturn: Double
    /// equity / running peak − 1 (≤ 0); the peak includes the initial cash, so a first-day loss is
    /// already a drawdown.
    public var drawdown: Double

    public init(tradeDate: TradingDay, equity: Money, cash: Money, positionsValue: Money,
                dailyReturn: Double, cumulativeReturn: Double, drawdown: Double) {
        self.tradeDate = tradeDate
        self.equity = equity
        self.cash = cash
        self.positionsValue = positionsValue
        self.dailyReturn = dailyReturn
        self.cumulativeReturn = cumulativeReturn
        self.drawdown = drawdown
    }

    enum CodingKeys: String, CodingKey {
        case tradeDate = "trade_date"
        case equity
        case cash
        case positionsValue = "positions_value"
        case dailyReturn = "daily_return"
        case cumulativeReturn = "cumulative_return"
        case drawdown
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tradeDate = try c.decode(TradingDay.self, forKey: .tradeDate)
        equity = try c.decode(Money.self, forKey: .equity)
        cash = try c.decode(Money.self, forKey: .cash)
        positionsValue = try c.decode(Money.self, forKey: .positionsValue)
        dailyReturn = try c.decodeFiniteOrNaN(forKey: .dailyReturn)
        cumulativeReturn = try c.decodeFiniteOrNaN(forKey: .cumulativeReturn)
        drawdown = try c.decodeFiniteOrNaN(forKey: .drawdown)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tradeDate, forKey: .tradeDate)
        try c.encode(equity, forKey: .equity)
        try c.encode(cash, forKey: .cash)
        try c.encode(positionsValue, forKey: .positionsValue)
        try c.encodeFinite(dailyReturn, forKey: .dailyReturn)
        try c.encodeFinite(cumulativeReturn, forKey: .cumulativeReturn)
        try c.encodeFinite(drawdown, forKey: .drawdown)
    }
}
