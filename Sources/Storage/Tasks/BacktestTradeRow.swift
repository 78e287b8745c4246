import Foundation
import HuiceCore
import SQLKit

/// A `BacktestTrade` as a row of `backtest_trade_records` and back. The row's `trade_id` is
/// `<task_id>-<engine trade id>` (unique across tasks); reading strips the prefix again, so a task's
/// trades read back equal the run's. Money and prices are yuan numbers, exact when read back.
enum BacktestTradeRow {
    static let columns = [
        "trade_id", "task_id", "trade_index", "signal_date", "execute_date", "stock_code", "stock_name", "direction",
        "order_type", "signal_price", "filled_price", "shares", "order_shares", "amount", "commission", "stamp_tax",
        "transfer_fee", "slippage", "impact_cost_bps", "total_fee", "status", "fill_probability", "queue_ratio",
        "liquidity_tier", "backtest_state", "filled_time", "filled_reason", "pnl", "pnl_pct", "hold_days",
        "signal_score", "signal_source", "integration_mode", "recommendation", "signal_id", "exit_reason", "created_at",
    ]

    static func storedID(taskID: String, tradeID: String) -> String { "\(taskID)-\(tradeID)" }

    static func values(_ t: BacktestTrade, taskID: String, index: Int, at now: Date) -> [any SQLExpression] {
        [
            SQLBind(storedID(taskID: taskID, tradeID: t.tradeID)), SQLBind(taskID), SQLBind(index),
            SQLBind(Int(t.signalDate.yyyymmdd)), SQLBind(Int(t.executeDate.yyyymmdd)), SQLBind(t.stockCode.storageText),
            SQLBind(t.stockName), SQLBind(t.direction.rawValue), SQLBind(t.orderType.rawValue),
            SQLBind(t.signalPrice.doubleValue), SQLBind(t.filledPrice.doubleValue), SQLBind(t.shares), SQLBind(t.orderShares),
            SQLBind(t.amount.yuan), SQLBind(t.commission.yuan), SQLBind(t.stampTax.yuan), SQLBind(t.transferFee.yuan),
            SQLBind(t.slippage.yuan), SQLValue.number(t.impactCostBps) , SQLBind(t.totalFee.yuan), SQLBind(t.status.rawValue),
            SQLValue.number(t.fillProbability), SQLValue.number(t.queueRatio), SQLValue.bind(t.liquidityTier?.rawValue),
            SQLBind(t.backtestState.rawValue), SQLBind(t.filledTime), SQLBind(t.filledReason.rawValue),
            SQLValue.bind(t.pnl?.yuan), SQLValue.number(t.pnlPct), SQLValue.bind(t.holdDays), SQLValue.number(t.signalScore),
            SQLValue.bind(t.signalSource?.rawValue), SQLValue.bind(t.integrationMode), SQLValue.bind(t.recommendation?.rawValue),
            SQLBind(t.signalID), SQLValue.bind(t.exitReason?.rawValue), SQLValue.time(now),
        ]
    }

    static func trade(from row: any SQLRow, taskID: String) throws -> BacktestTrade {
        let stored = try row.decode(column: "trade_id", as: String.self)
        func fail(_ column: String) -> StorageError {
            StorageError(table: "\(BacktestTaskTable.trades).\(column)", reason: "trade \(stored): unreadable value")
        }
        func text(_ column: String) throws -> String { try row.decode(column: column, as: String.self) }
        func number(_ column: String) throws -> Double { try row.decode(column: column, as: Double.self) }
        func money(_ column: String) throws -> Money { Money(roundingYuan: try number(column)) }
        func price(_ column: String) throws -> Price { Price(rounding: try number(column)) }
        func day(_ column: String) throws -> TradingDay {
            guard let day = TradingDay(yyyymmdd: Int32(try row.decode(column: column, as: Int.self))) else { throw fail(column) }
            return day
        }
        func value<E: RawRepresentable>(_ column: String, as type: E.Type) throws -> E where E.RawValue == String {
            guard let value = E(rawValue: try text(column)) else { throw fail(column) }
            return value
        }
        func optionalValue<E: RawRepresentable>(_ column: String, as type: E.Type) throws -> E? where E.RawValue == String {
            guard let raw = try row.optional(column, as: String.self) else { return nil }
            guard let value = E(rawValue: raw) else { throw fail(column) }
            return value
        }
        let prefix = "\(taskID)-"
        guard stored.hasPrefix(prefix), let code = StockCode(normalizing: try text("stock_code")) else { throw fail("trade_id") }
        return BacktestTrade(
            tradeID: String(stored.dropFirst(prefix.count)), signalDate: try day("signal_date"),
            executeDate: try day("execute_date"), signalID: try text("signal_id"), stockCode: code,
            stockName: try text("stock_name"), direction: try value("direction", as: OrderSide.self),
            orderType: try value("order_type", as: OrderType.self), signalPrice: try price("signal_price"),
            filledPrice: try price("filled_price"), shares: try row.decode(column: "shares", as: Int.self),
            orderShares: try row.decode(column: "order_shares", as: Int.self), amount: try money("amount"),
            commission: try money("commission"), slippage: try money("slippage"),
            impactCostBps: try row.optional("impact_cost_bps", as: Double.self) ?? .nan, stampTax: try money("stamp_tax"),
            transferFee: try money("transfer_fee"), totalFee: try money("total_fee"),
            status: try value("status", as: TradeStatus.self),
            fillProbability: try row.optional("fill_probability", as: Double.self) ?? .nan,
            queueRatio: try row.optional("queue_ratio", as: Double.self) ?? .nan,
            liquidityTier: try optionalValue("liquidity_tier", as: LiquidityTier.self),
            backtestState: try value("backtest_state", as: BacktestState.self), filledTime: try text("filled_time"),
            filledReason: try value("filled_reason", as: FilledReason.self),
            pnl: try row.optional("pnl", as: Double.self).map(Money.init(roundingYuan:)),
            pnlPct: try row.optional("pnl_pct", as: Double.self), holdDays: try row.optional("hold_days", as: Int.self),
            signalScore: try row.optional("signal_score", as: Double.self),
            signalSource: try optionalValue("signal_source", as: SignalSource.self),
            integrationMode: try row.optional("integration_mode", as: String.self),
            recommendation: try optionalValue("recommendation", as: Recommendation.self),
            exitReason: try optionalValue("exit_reason", as: ExitReason.self))
    }
}
