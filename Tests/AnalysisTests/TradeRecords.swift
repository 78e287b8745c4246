import HuiceCore

/// Builders for trade records in tests: only the fields the analysis reads are meaningful.
enum TradeRecords {
    static func day(_ yyyymmdd: Int32) -> TradingDay { TradingDay(yyyymmdd: yyyymmdd)! }
    static func code(_ text: String) -> StockCode { StockCode(normalizing: text)! }

    /// A fill of `shares` at `price` yuan with `fee` yuan of fees; sells carry the engine's pnl.
    static func fill(_ id: String, _ date: Int32, _ stock: String, _ side: OrderSide, _ shares: Int,
                     at price: String, fee: String, pnl: String? = nil, holdDays: Int? = nil,
                     status: TradeStatus = .filled, reason: FilledReason = .filled,
                     orderShares: Int? = nil) -> BacktestTrade {
        let filledPrice = Price(parsing: price)!
        return BacktestTrade(
            tradeID: id, signalDate: day(date).adding(days: -1), executeDate: day(date), stockCode: code(stock),
            direction: side, orderType: .auction, signalPrice: filledPrice, filledPrice: filledPrice,
            shares: shares, orderShares: orderShares ?? shares, amount: Money.value(of: shares, at: filledPrice),
            totalFee: Money(parsingYuan: fee)!, status: status, filledTime: "09:25:00", filledReason: reason,
            pnl: pnl.map { Money(parsingYuan: $0)! }, holdDays: holdDays)
    }

    /// An attempt that filled nothing.
    static func reject(_ id: String, _ date: Int32, _ stock: String, _ side: OrderSide,
                       _ reason: FilledReason) -> BacktestTrade {
        BacktestTrade(tradeID: id, signalDate: day(date).adding(days: -1), executeDate: day(date),
                      stockCode: code(stock), direction: side, orderType: .auction,
                      signalPrice: Price(parsing: "10")!, orderShares: 100, status: .rejected, filledReason: reason)
    }

    /// Three round trips (one closed by two sells, one opened by two buys), two open positions
    /// (one from a partial fill) and one rejection of each counted reason, in execution order.
    static let scenario: [BacktestTrade] = [
        fill("T01", 20240102, "600000.SH", .buy, 1000, at: "10.00", fee: "5.00"),            // cost 10005.00
        fill("T02", 20240102, "000001.SZ", .buy, 500, at: "20.00", fee: "5.00"),             // cost 10005.00
        reject("T03", 20240103, "300750.SZ", .buy, .limitUpReject),
        // Partial sell: 4400 − 9.40 − 0.4 × 10005 = 388.60
        fill("T04", 20240104, "600000.SH", .sell, 400, at: "11.00", fee: "9.40", pnl: "388.60", holdDays: 2),
        // 9000 − 14 − 10005 = −1019.00: the losing trip, closed first.
        fill("T05", 20240105, "000001.SZ", .sell, 500, at: "18.00", fee: "14.00", pnl: "-1019.00", holdDays: 3),
        // 6300 − 11.30 − 0.6 × 10005 = 285.70: closes trip 600000.SH with pnl 674.30.
        fill("T06", 20240108, "600000.SH", .sell, 600, at: "10.50", fee: "11.30", pnl: "285.70", holdDays: 4),
        reject("T07", 20240108, "600519.SH", .sell, .auctionFail),
        fill("T08", 20240109, "600000.SH", .buy, 100, at: "10.00", fee: "5.00"),             // cost 1005.00
        reject("T09", 20240109, "601318.SH", .buy, .noCash),
        fill("T10", 20240110, "600000.SH", .buy, 100, at: "10.10", fee: "5.00"),             // cost 1015.00
        // 2040 − 7.04 − 2020 = 12.96
        fill("T11", 20240111, "600000.SH", .sell, 200, at: "10.20", fee: "7.04", pnl: "12.96", holdDays: 2),
        fill("T12", 20240112, "300750.SZ", .buy, 100, at: "200.00", fee: "5.00"),
        reject("T13", 20240112, "000002.SZ", .sell, .limitDownReject),
        reject("T14", 20240115, "600036.SH", .buy, .maxPosition),
        reject("T15", 20240115, "000333.SZ", .buy, .suspended),
        fill("T16", 20240115, "600036.SH", .buy, 300, at: "30.00", fee: "5.00",
             status: .partiallyFilled, reason: .volumeLimit, orderShares: 500),
    ]
}
