import HuiceCore

/// A position still held after the last record: the unfinished part of a would-be round trip.
/// It is listed beside the round trips but not counted in any trade statistic, because its
/// outcome is not known (its unrealised value is already in the equity curve).
public struct OpenTrip: Sendable, Equatable, Codable {
    public var stockCode: StockCode
    public var stockName: String
    /// Execute date of the opening buy.
    public var entryDate: TradingDay
    /// Shares still held.
    public var shares: Int
    /// The most shares held at any point.
    public var maxShares: Int
    /// Total buy cost so far (amount + total_fee of every buy).
    public var cost: Money
    /// pnl of the partial sells made so far.
    public var realizedPnl: Money
    public var entries: Int
    public var exits: Int

    public init(stockCode: StockCode, stockName: String, entryDate: TradingDay, shares: Int, maxShares: Int,
                cost: Money, realizedPnl: Money, entries: Int, exits: Int) {
        self.stockCode = stockCode
        self.stockName = stockName
        self.entryDate = entryDate
        self.shares = shares
        self.maxShares = maxShares
        self.cost = cost
        self.realizedPnl = realizedPnl
        self.entries = entries
        self.exits = exits
    }

    enum CodingKeys: String, CodingKey {
        case stockCode = "stock_code"
        case stockName = "stock_name"
        case entryDate = "entry_date"
        case shares
        case maxShares = "max_shares"
        case cost
        case realizedPnl = "realized_pnl"
        case entries
        case exits
    }
}
