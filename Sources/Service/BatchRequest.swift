import Factors
import Foundation
import HuiceCore
import Runtime

/// The createBatch body (seed 000 §2.3.3), parsed and validated: one backtest per stock of
/// `stock_pool`, all with the same dates, capital and strategy.
///
/// Body keys: `name`, `description`, `stock_pool` (1…500 codes, duplicates dropped),
/// `start_date`, `end_date` (`yyyy-mm-dd` or `yyyymmdd`), `initial_capital` (yuan, > 0), one
/// strategy source — `factor_config_id` (a stored factor config for every stock),
/// `use_stock_configs: true` (each stock's own stored config) or `strategy` (any strategy a
/// config file accepts; with one of the first two it must be a `factor_score` strategy without
/// factors, and supplies thresholds, normalisation and sizing) — `backtest_mode`, `priority`
/// (−100…100, higher first), `max_attempts` (1…10), and any backtest config key (docs/CONFIG.md:
/// fees, slippage, position and risk limits, benchmark, …) either at the top level or inside a
/// `config` object. The config keys are checked by the config decoder itself, so the rules are
/// the CLI's; a bad one is reported with its path (`fee_config.commission_rate`, or
/// `config.fee_config.commission_rate` inside `config`). Unknown keys are refused by name.
public struct BatchRequest: Sendable {
    /// Where the tasks' factor combination comes from.
    public enum StrategySource: Sendable, Equatable {
        /// `factor_config_id`: one stored factor config, resolved when the batch is created.
        case factorConfig(id: String)
        /// `use_stock_configs`: each stock's stored factor config, resolved when the batch is created.
        case stockConfigs
        /// The strategy exactly as given.
        case inline
    }

    public var name: String
    public var description: String?
    /// Normalised codes, in the order given, without duplicates.
    public var stockPool: [StockCode]
    public var startDate: TradingDay
    public var endDate: TradingDay
    public var initialCapital: Money
    public var strategySource: StrategySource
    public var backtestMode: BacktestMode
    public var priority: Int
    /// nil: the manager's default.
    public var maxAttempts: Int?
    /// The checked backtest config the tasks derive from (universe = the whole pool; each task
    /// narrows it to its stock and resolves the factor config).
    public var config: EffectiveConfig
    /// The body as received (kept with the batch).
    public var body: JSONValue

    /// The largest stock pool one batch may hold.
    public static let maxStockPool = 500
    public static let priorityRange = -100...100
    public static let maxAttemptsRange = 1...10

    /// Keys of the body itself (besides backtest config keys).
    static let requestKeys: Set<String> = [
        "name", "description", "stock_pool", "start_date", "end_date", "initial_capital", "factor_config_id",
        "use_stock_configs", "strategy", "backtest_mode", "priority", "max_attempts", "config",
    ]

    /// Config keys a batch sets itself, each with what to use instead.
    static let reservedConfigKeys: [String: String] = [
        "initial_cash": "使用initial_capital", "universe": "使用stock_pool（每只股票一个任务）",
        "backtest_id": "任务ID由系统分配", "factor_data": "批次任务的因子数据来自数据库",
    ]

    /// Config keys accepted at the top level or inside `config`.
    static var configKeys: Set<String> {
        Set(BacktestConfig.keyNames).subtracting(requestKeys).subtracting(["start_date", "end_date"])
            .subtracting(reservedConfigKeys.keys)
    }
}
