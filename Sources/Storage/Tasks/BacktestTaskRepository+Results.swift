import Foundation
import HuiceCore
import SQLKit

extension BacktestTaskRepository {
    /// The result of `taskID`, or nil. The equity curve and the trades' JSON are read only when asked
    /// for (they are the large columns).
    public func result(taskID: String, includingEquityCurve: Bool = false, includingTradesDetail: Bool = false)
        async throws -> BacktestResultRecord?
    {
        try await read { db in
            var columns = Self.resultColumns.filter { $0 != "equity_curve" && $0 != "trades_detail" }
            if includingEquityCurve { columns.append("equity_curve") }
            if includingTradesDetail { columns.append("trades_detail") }
            return try await db.select().columns(columns.map { SQLColumn($0) }).from(BacktestTaskTable.results)
                .where("task_id", .equal, SQLBind(taskID)).first().map(Self.result(from:))
        }
    }

    /// The headline figures of the results of `taskIDs` (for task lists), by task id.
    public func figures(taskIDs: [String]) async throws -> [String: BacktestResultRecord.Figures] {
        guard !taskIDs.isEmpty else { return [:] }
        return try await read { db in
            let columns = ["task_id"] + Self.figureColumns
            let rows = try await db.select().columns(columns.map { SQLColumn($0) }).from(BacktestTaskTable.results)
                .where(SQLColumn("task_id"), .in, SQLBind.group(taskIDs)).all()
            var figures: [String: BacktestResultRecord.Figures] = [:]
            for row in rows { figures[try row.decode(column: "task_id", as: String.self)] = try Self.figures(from: row) }
            return figures
        }
    }

    /// The trade records of `taskID` in the run's order, with the engine's own trade ids (`T000001`).
    public func trades(taskID: String) async throws -> [BacktestTrade] {
        try await read { db in
            try await db.select().columns(BacktestTradeRow.columns.map { SQLColumn($0) }).from(BacktestTaskTable.trades)
                .where("task_id", .equal, SQLBind(taskID)).orderBy("trade_index").all()
                .map { try BacktestTradeRow.trade(from: $0, taskID: taskID) }
        }
    }

    // MARK: - Rows

    static let figureColumns = [
        "total_return", "annual_return", "max_drawdown", "volatility", "sharpe_ratio", "sortino_ratio", "calmar_ratio",
        "total_trades", "trade_count", "win_rate", "profit_factor", "avg_trade", "avg_win", "avg_loss", "max_win",
        "max_loss", "fill_rate", "limit_up_rejected", "auction_failed", "var_95",
    ]

    static let resultColumns = [
        "task_id", "stock_code", "backtest_id", "engine_type", "integration_mode", "backtest_name", "start_date",
        "end_date", "factor_combination", "combination_name", "initial_cash", "final_value",
    ] + figureColumns + ["metrics", "config_params", "equity_curve", "trades_detail", "risk_events", "created_at"]

    static func insertResult(_ r: BacktestResultRecord, on db: any SQLDatabase) async throws {
        let f = r.figures
        let values: [String: any SQLExpression] = [
            "task_id": SQLBind(r.taskID), "stock_code": SQLBind(r.stockCode), "backtest_id": SQLBind(r.backtestID),
            "engine_type": SQLBind(r.engineType), "integration_mode": SQLBind(r.integrationMode),
            "backtest_name": SQLBind(r.backtestName), "start_date": SQLBind(Int(r.startDate.yyyymmdd)),
            "end_date": SQLBind(Int(r.endDate.yyyymmdd)), "factor_combination": SQLBind(r.factorCombination),
            "combination_name": SQLValue.bind(r.combinationName), "initial_cash": SQLBind(r.initialCash.yuan),
            "final_value": SQLBind(r.finalValue.yuan),
            "total_return": SQLValue.number(f.totalReturn), "annual_return": SQLValue.number(f.annualReturn),
            "max_drawdown": SQLValue.number(f.maxDrawdown), "volatility": SQLValue.number(f.volatility),
            "sharpe_ratio": SQLValue.number(f.sharpeRatio), "sortino_ratio": SQLValue.number(f.sortinoRatio),
            "calmar_ratio": SQLValue.number(f.calmarRatio), "total_trades": SQLBind(f.totalTrades),
            "trade_count": SQLBind(f.tradeCount), "win_rate": SQLValue.number(f.winRate),
            "profit_factor": SQLValue.number(f.profitFactor), "avg_trade": SQLValue.number(f.avgTrade),
            "avg_win": SQLValue.number(f.avgWin), "avg_loss": SQLValue.number(f.avgLoss),
            "max_win": SQLValue.number(f.maxWin), "max_loss": SQLValue.number(f.maxLoss),
            "fill_rate": SQLValue.number(f.fillRate), "limit_up_rejected": SQLBind(f.limitUpRejected),
            "auction_failed": SQLBind(f.auctionFailed), "var_95": SQLValue.number(f.var95),
            "metrics": SQLBind(r.metrics), "config_params": SQLBind(r.configParams),
            "equity_curve": SQLBind(r.equityCurve ?? "[]"), "trades_detail": SQLBind(r.tradesDetail ?? "[]"),
            "risk_events": SQLBind(r.riskEvents), "created_at": SQLValue.time(r.createdAt),
        ]
        try await db.insert(into: BacktestTaskTable.results).columns(resultColumns)
            .values(resultColumns.map { values[$0]! }).run()
    }

    static func insertTrades(_ trades: [BacktestTrade], taskID: String, at now: Date, on db: any SQLDatabase) async throws {
        for chunk in Array(trades.enumerated()).chunked(into: rowsPerInsert) {
            var insert = db.insert(into: BacktestTaskTable.trades).columns(BacktestTradeRow.columns)
            for (index, trade) in chunk {
                insert = insert.values(BacktestTradeRow.values(trade, taskID: taskID, index: index, at: now))
            }
            try await insert.run()
        }
    }

    static func figures(from row: any SQLRow) throws -> BacktestResultRecord.Figures {
        func number(_ column: String) throws -> Double? { try row.optional(column, as: Double.self) }
        return BacktestResultRecord.Figures(
            totalReturn: try number("total_return"), annualReturn: try number("annual_return"),
            maxDrawdown: try number("max_drawdown"), volatility: try number("volatility"),
            sharpeRatio: try number("sharpe_ratio"), sortinoRatio: try number("sortino_ratio"),
            calmarRatio: try number("calmar_ratio"), totalTrades: try row.decode(column: "total_trades", as: Int.self),
            tradeCount: try row.decode(column: "trade_count", as: Int.self), winRate: try number("win_rate"),
            profitFactor: try number("profit_factor"), avgTrade: try number("avg_trade"), avgWin: try number("avg_win"),
            avgLoss: try number("avg_loss"), maxWin: try number("max_win"), maxLoss: try number("max_loss"),
            fillRate: try number("fill_rate"), limitUpRejected: try row.decode(column: "limit_up_rejected", as: Int.self),
            auctionFailed: try row.decode(column: "auction_failed", as: Int.self), var95: try number("var_95"))
    }

    static func result(from row: any SQLRow) throws -> BacktestResultRecord {
        let taskID = try row.decode(column: "task_id", as: String.self)
        func day(_ column: String) throws -> TradingDay {
            guard let day = TradingDay(yyyymmdd: Int32(try row.decode(column: column, as: Int.self))) else {
                throw StorageError(table: BacktestTaskTable.results, reason: "task \(taskID): unreadable \(column)")
            }
            return day
        }
        return BacktestResultRecord(
            taskID: taskID, stockCode: try row.decode(column: "stock_code", as: String.self),
            backtestID: try row.decode(column: "backtest_id", as: String.self),
            engineType: try row.decode(column: "engine_type", as: String.self),
            integrationMode: try row.decode(column: "integration_mode", as: String.self),
            backtestName: try row.decode(column: "backtest_name", as: String.self),
            startDate: try day("start_date"), endDate: try day("end_date"),
            factorCombination: try row.decode(column: "factor_combination", as: String.self),
            combinationName: try row.optional("combination_name", as: String.self),
            initialCash: Money(roundingYuan: try row.decode(column: "initial_cash", as: Double.self)),
            finalValue: Money(roundingYuan: try row.decode(column: "final_value", as: Double.self)),
            figures: try figures(from: row),
            metrics: try row.decode(column: "metrics", as: String.self),
            configParams: try row.decode(column: "config_params", as: String.self),
            equityCurve: row.contains(column: "equity_curve") ? try row.decode(column: "equity_curve", as: String.self) : nil,
            tradesDetail: row.contains(column: "trades_detail") ? try row.decode(column: "trades_detail", as: String.self) : nil,
            riskEvents: try row.decode(column: "risk_events", as: String.self),
            createdAt: try TaskTime.date(text: try row.decode(column: "created_at", as: String.self), column: "created_at"))
    }
}
