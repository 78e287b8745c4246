import HuiceCore

/// A closed position in one stock: from a buy fill while flat to the fill that brings the
/// position back to zero shares. Added buys and partial sells in between belong to it.
public struct RoundTrip: Sendable, Equatable, Codable {
    public var stockCode: StockCode
    public var stockName: String
    /// Execute date of the opening buy.
    public var entryDate: TradingDay
    /// Execute date of the sell that closed the position.
    public var exitDate: TradingDay
    /// The most shares held at any point of the trip.
    public var shares: Int
    /// Total buy cost: every buy's amount + total_fee.
    public var cost: Money
    /// Sum of the sells' `pnl` (each already nets its share of the buy cost and both sides' fees).
    public var pnl: Money
    /// pnl / cost; nil when the cost is zero.
    public var pnlPct: Double?
    /// The closing sell's `hold_days` (trading days since the buy it was matched against).
    public var holdDays: Int?
    /// Buy fills in the trip (1 + add-ons).
    public var entries: Int
    /// Sell fills in the trip (> 1 with partial sells).
    public var exits: Int

    public init(stockCode: StockCode, stockName: String, entryDate: TradingDay, exitDate: TradingDay,
                shares: Int, cost: Money, pnl: Money, pnlPct: Double?, holdDays: Int?, entries: Int, exits: Int) {
        self.stockCode = stockCode
        self.stockName = stockName
        self.entryDate = entryDate
        self.exitDate = exitDate
        self.shares = shares
        self.cost = cost
        self.pnl = pnl
        self.pnlPct = pnlPct
        self.holdDays = holdDays
        self.entries = entries
        self.exits = exits
    }

    public var isWin: Bool { pnl.fen > 0 }
    public var isLoss: Bool { pnl.fen < 0 }

    enum CodingKeys: String, CodingKey {
        case stockCode = "stock_code"
        case stockName = "stock_name"
        case entryDate = "entry_date"
        case exitDate = "exit_date"
        case shares
        case cost
        case pnl
        case pnlPct = "pnl_pct"
        case holdDays = "hold_days"
        case entries
        case exits
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stockCode, forKey: .stockCode)
        try c.encode(stockName, forKey: .stockName)
        try c.encode(entryDate, forKey: .entryDate)
        try c.encode(exitDate, forKey: .exitDate)
        try c.encode(shares, forKey: .shares)
        try c.encode(cost, forKey: .cost)
        try c.encode(pnl, forKey: .pnl)
        try c.encodeFinite(pnlPct, forKey: .pnlPct)
        try c.encode(holdDays, forKey: .holdDays)
        try c.encode(entries, forKey: .entries)
        try c.encode(exits, forKey: .exits)
    }
}
