import HuiceCore

/// A column of the report's fill table: its `?sort=` name (the trade's JSON key), label, cell
/// text and sort key.
enum TradeColumn: String, CaseIterable, Sendable {
    case tradeID = "trade_id"
    case executeDate = "execute_date"
    case direction
    case filledPrice = "filled_price"
    case shares
    case amount
    case commission
    case stampTax = "stamp_tax"
    case transferFee = "transfer_fee"
    case slippage
    case totalFee = "total_fee"
    case pnl
    case pnlPct = "pnl_pct"
    case filledReason = "filled_reason"

    /// What a column sorts by: numbers (money in fen, dates as yyyymmdd) or text.
    enum SortKey: Comparable, Sendable {
        case number(Double)
        case text(String)
    }

    var label: I18n.Key {
        switch self {
        case .tradeID: .reportTradeID
        case .executeDate: .reportExecuteDate
        case .direction: .reportSide
        case .filledPrice: .reportPrice
        case .shares: .reportShares
        case .amount: .reportAmount
        case .commission: .reportCommission
        case .stampTax: .reportStampTax
        case .transferFee: .reportTransferFee
        case .slippage: .reportSlippageCost
        case .totalFee: .reportTotalFee
        case .pnl: .reportPnl
        case .pnlPct: .reportPnlPct
        case .filledReason: .reportFilledReason
        }
    }

    /// Right-aligned, tabular figures.
    var isNumeric: Bool {
        switch self {
        case .tradeID, .executeDate, .direction, .filledReason: false
        default: true
        }
    }

    /// nil for a value the trade does not have (pnl on a buy): such rows sort last either way.
    func sortKey(_ trade: BacktestTrade) -> SortKey? {
        func money(_ value: Money) -> SortKey { .number(Double(value.fen)) }
        switch self {
        case .tradeID: return .text(trade.tradeID)
        case .executeDate: return .number(Double(trade.executeDate.yyyymmdd))
        case .direction: return .text(trade.direction.rawValue)
        case .filledPrice: return .number(Double(trade.filledPrice.units))
        case .shares: return .number(Double(trade.shares))
        case .amount: return money(trade.amount)
        case .commission: return money(trade.commission)
        case .stampTax: return money(trade.stampTax)
        case .transferFee: return money(trade.transferFee)
        case .slippage: return money(trade.slippage)
        case .totalFee: return money(trade.totalFee)
        case .pnl: return trade.pnl.map(money)
        case .pnlPct: return trade.pnlPct.flatMap { $0.isFinite ? .number($0) : nil }
        case .filledReason: return .text(trade.filledReason.rawValue)
        }
    }

    /// The cell as the table shows it; pnl coloured by its sign.
    func cell(_ trade: BacktestTrade, _ t: I18n) -> Markup {
        switch self {
        case .tradeID: return "\(trade.tradeID)"
        case .executeDate: return "\(DisplayNumber.date(trade.executeDate))"
        case .direction:
            return "<span class=\"side \(trade.direction.rawValue)\">\(t[trade.direction == .buy ? .reportBuy : .reportSell])</span>"
        case .filledPrice: return "\(ReportFormat.price(trade.filledPrice))"
        case .shares: return "\(DisplayNumber.grouped(trade.shares))"
        case .amount: return "\(ReportFormat.money(trade.amount))"
        case .commission: return "\(ReportFormat.money(trade.commission))"
        case .stampTax: return "\(ReportFormat.money(trade.stampTax))"
        case .transferFee: return "\(ReportFormat.money(trade.transferFee))"
        case .slippage: return "\(ReportFormat.money(trade.slippage))"
        case .totalFee: return "\(ReportFormat.money(trade.totalFee))"
        case .pnl:
            guard let pnl = trade.pnl else { return "—" }
            return "<span class=\"\(DisplayNumber.changeClass(pnl.yuan))\">\(ReportFormat.money(pnl))</span>"
        case .pnlPct:
            guard let pct = trade.pnlPct, pct.isFinite else { return "—" }
            return "<span class=\"\(DisplayNumber.changeClass(pct))\">\(DisplayNumber.signedPercent(pct))</span>"
        case .filledReason: return ReportFormat.reason(trade.filledReason, t)
        }
    }
}
