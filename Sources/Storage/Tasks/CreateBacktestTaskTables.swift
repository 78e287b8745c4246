import SQLKit

/// Schema v4: the backtest task queue and its outputs (docs/TASKS.md).
///
/// - `backtest_batches`: one row per createBatch request (the request as JSON, for audit and retries).
/// - `backtest_tasks`: seed 000 §3.2.1's columns plus the queue's (priority, attempts, lease,
///   cancel flag, progress, error snapshot). One task is one stock.
/// - `backtest_results`: seed 000 §3.2.3's and seed 002 §2.3's columns, one row per task
///   (`UNIQUE (task_id, stock_code)`: a result can never be written twice).
/// - `backtest_trade_records`: seed 002 §2.1's columns plus `task_id`; `trade_id` is
///   `<task_id>-<engine trade id>` so it is unique across tasks.
/// - `backtest_id_sequence`: the last number handed out per (kind, UTC day), for
///   `batch_YYYYMMDD_NNN` and `bt_YYYYMMDD_NNN` (never reused, like `factor_config_sequence`).
///
/// Portable choices: dates are yyyymmdd integers; display times (`created_at`, `started_at`, …)
/// are ISO 8601 UTC text in whole seconds, which sorts chronologically; the two times the queue
/// compares at millisecond precision (`next_attempt_at`, `lease_expires_at`) are epoch
/// milliseconds (BIGINT); money is yuan as DOUBLE PRECISION, exact to the fen when read back with
/// `Money(roundingYuan:)`, like the JSON; JSON documents are TEXT; flags are 0/1 integers.
struct CreateBacktestTaskTables: SchemaMigration {
    let version = 4
    let name = "backtest_tasks"

    func prepare(on db: any SQLDatabase) async throws {
        typealias T = BacktestTaskTable
        try await db.create(table: T.batches)
            .column("id", type: PortableType.bigint, .primaryKey(autoIncrement: true))
            .column("batch_id", type: PortableType.text, .notNull, .unique)
            .column("name", type: PortableType.text, .notNull)
            .column("description", type: PortableType.text)
            .column("request", type: PortableType.text, .notNull)
            .column("priority", type: .int, .notNull, .default(0))
            .column("task_count", type: .int, .notNull)
            .column("created_at", type: PortableType.text, .notNull)
            .column("updated_at", type: PortableType.text, .notNull)
            .run()
        try await index(db, T.batches, "created_at")

        try await db.create(table: T.tasks)
            .column("id", type: PortableType.bigint, .primaryKey(autoIncrement: true))
            .column("task_id", type: PortableType.text, .notNull, .unique)
            .column("batch_id", type: PortableType.text)
            .column("task_name", type: PortableType.text, .notNull)
            .column("task_type", type: PortableType.text, .notNull, .default("backtest"))
            .column("stock_code", type: PortableType.text, .notNull)
            .column("start_date", type: PortableType.date, .notNull)
            .column("end_date", type: PortableType.date, .notNull)
            .column("backtest_mode", type: PortableType.text, .notNull, .default("historical_simulation"))
            .column("factor_combination_id", type: PortableType.text)
            .column("optimization_result_id", type: PortableType.text)
            .column("config", type: PortableType.text, .notNull)
            // The resolved combination (JSON {name, factors}), copied into the result.
            .column("factor_combination", type: PortableType.text)
            .column("status", type: PortableType.text, .notNull, .default("pending"))
            .column("error_message", type: PortableType.text)
            .column("created_at", type: PortableType.text, .notNull)
            .column("started_at", type: PortableType.text)
            .column("completed_at", type: PortableType.text)
            .column("updated_at", type: PortableType.text, .notNull)
            // The queue's columns.
            .column("priority", type: .int, .notNull, .default(0))
            .column("attempts", type: .int, .notNull, .default(0))
            .column("max_attempts", type: .int, .notNull, .default(3))
            .column("next_attempt_at", type: PortableType.bigint, .notNull)
            .column("lease_owner", type: PortableType.text)
            .column("lease_expires_at", type: PortableType.bigint)
            .column("cancel_requested", type: .int, .notNull, .default(0))
            .column("progress", type: .int, .notNull, .default(0))
            .column("current_stage", type: PortableType.text)
            .column("sessions_done", type: .int, .notNull, .default(0))
            .column("sessions_total", type: .int, .notNull, .default(0))
            .column("estimated_completion", type: PortableType.text)
            .column("execution_ms", type: PortableType.bigint)
            .column("error_snapshot", type: PortableType.text)
            .run()
        for column in ["batch_id", "status", "stock_code", "task_type", "created_at", "factor_combination_id"] {
            try await index(db, T.tasks, column)
        }
        // The claim's scan: queued tasks by priority, then age.
        try await db.create(index: "idx_backtest_tasks_queue").on(T.tasks)
            .column("status").column("priority").column("created_at")
            .run()

        try await db.create(table: T.results)
            .column("id", type: PortableType.bigint, .primaryKey(autoIncrement: true))
            .column("task_id", type: PortableType.text, .notNull)
            .column("stock_code", type: PortableType.text, .notNull)
            .column("backtest_id", type: PortableType.text, .notNull, .unique)
            .column("engine_type", type: PortableType.text, .notNull)
            .column("integration_mode", type: PortableType.text, .notNull)
            .column("backtest_name", type: PortableType.text, .notNull)
            .column("start_date", type: PortableType.date, .notNull)
            .column("end_date", type: PortableType.date, .notNull)
            .column("factor_combination", type: PortableType.text, .notNull)
            .column("combination_name", type: PortableType.text)
            .column("initial_cash", type: PortableType.double, .notNull)
            .column("final_value", type: PortableType.double, .notNull)
            .column("total_return", type: PortableType.double)
            .column("annual_return", type: PortableType.double)
            .column("max_drawdown", type: PortableType.double)
            .column("volatility", type: PortableType.double)
            .column("sharpe_ratio", type: PortableType.double)
            .column("sortino_ratio", type: PortableType.double)
            .column("calmar_ratio", type: PortableType.double)
            .column("total_trades", type: .int, .notNull)
            .column("trade_count", type: .int, .notNull)
            .column("win_rate", type: PortableType.double)
            .column("profit_factor", type: PortableType.double)
            .column("avg_trade", type: PortableType.double)
            .column("avg_win", type: PortableType.double)
            .column("avg_loss", type: PortableType.double)
            .column("max_win", type: PortableType.double)
            .column("max_loss", type: PortableType.double)
            .column("fill_rate", type: PortableType.double)
            .column("limit_up_rejected", type: .int, .notNull)
            .column("auction_failed", type: .int, .notNull)
            .column("var_95", type: PortableType.double)
            .column("metrics", type: PortableType.text, .notNull)
            .column("config_params", type: PortableType.text, .notNull)
            .column("equity_curve", type: PortableType.text, .notNull)
            .column("trades_detail", type: PortableType.text, .notNull)
            .column("risk_events", type: PortableType.text, .notNull)
            .column("created_at", type: PortableType.text, .notNull)
            .unique("task_id", "stock_code", named: "uk_backtest_results_task_stock")
            .run()
        for column in ["task_id", "stock_code", "total_return", "sharpe_ratio", "created_at", "backtest_name"] {
            try await index(db, T.results, column)
        }
        try await db.create(index: "idx_backtest_results_dates").on(T.results)
            .column("start_date").column("end_date")
            .run()

        try await db.create(table: T.trades)
            .column("trade_id", type: PortableType.text, .primaryKey(autoIncrement: false))
            .column("task_id", type: PortableType.text, .notNull)
            .column("trade_index", type: .int, .notNull)
            .column("signal_date", type: PortableType.date, .notNull)
            .column("execute_date", type: PortableType.date, .notNull)
            .column("stock_code", type: PortableType.text, .notNull)
            .column("stock_name", type: PortableType.text, .notNull)
            .column("direction", type: PortableType.text, .notNull)
            .column("order_type", type: PortableType.text, .notNull)
            .column("signal_price", type: PortableType.double, .notNull)
            .column("filled_price", type: PortableType.double, .notNull)
            .column("shares", type: PortableType.bigint, .notNull)
            .column("order_shares", type: PortableType.bigint, .notNull)
            .column("amount", type: PortableType.double, .notNull)
            .column("commission", type: PortableType.double, .notNull)
            .column("stamp_tax", type: PortableType.double, .notNull)
            .column("transfer_fee", type: PortableType.double, .notNull)
            .column("slippage", type: PortableType.double, .notNull)
            .column("impact_cost_bps", type: PortableType.double, .notNull)
            .column("total_fee", type: PortableType.double, .notNull)
            .column("status", type: PortableType.text, .notNull)
            .column("fill_probability", type: PortableType.double, .notNull)
            .column("queue_ratio", type: PortableType.double, .notNull)
            .column("liquidity_tier", type: PortableType.text)
            .column("backtest_state", type: PortableType.text, .notNull)
            .column("filled_time", type: PortableType.text, .notNull)
            .column("filled_reason", type: PortableType.text, .notNull)
            .column("pnl", type: PortableType.double)
            .column("pnl_pct", type: PortableType.double)
            .column("hold_days", type: .int)
            .column("signal_score", type: PortableType.double)
            .column("signal_source", type: PortableType.text)
            .column("integration_mode", type: PortableType.text)
            .column("recommendation", type: PortableType.text)
            .column("signal_id", type: PortableType.text, .notNull)
            .column("exit_reason", type: PortableType.text)
            .column("created_at", type: PortableType.text, .notNull)
            .run()
        for column in ["task_id", "execute_date", "signal_date", "stock_code", "status", "backtest_state"] {
            try await index(db, T.trades, column)
        }

        try await db.create(table: T.sequence)
            .column("kind", type: PortableType.text, .notNull)
            .column("day", type: PortableType.date, .notNull)
            .column("last_value", type: .int, .notNull)
            .primaryKey("kind", "day")
            .run()
    }

    private func index(_ db: any SQLDatabase, _ table: String, _ column: String) async throws {
        try await db.create(index: "idx_\(table)_\(column)").on(table).column(column).run()
    }
}

/// Table names of the task schema.
enum BacktestTaskTable {
    static let batches = "backtest_batches"
    static let tasks = "backtest_tasks"
    static let results = "backtest_results"
    static let trades = "backtest_trade_records"
    static let sequence = "backtest_id_sequence"
}
