import Analysis
import HuiceCore

/// The getTaskResults answer (seed 000): the summary metrics, the factor combination, the risk
/// events, and on request the trade records and the equity curve.
///
/// `summary` holds every metric of the run (seed 000's annual_return, volatility, sharpe_ratio,
/// max_drawdown, win_rate, total_trades among them; max_drawdown ≤ 0). Money is yuan, exact to the fen.
public struct TaskResults: Sendable, Encodable {
    public var taskID: String
    public var batchID: String?
    public var stockCode: String
    public var backtestID: String
    public var startDate: String
    public var endDate: String
    public var initialCash: Money
    public var finalValue: Money
    public var summary: BacktestMetrics
    public var factorCombination: FactorCombination
    public var riskEvents: [RiskEvent]
    public var createdAt: String
    /// Present only when asked for (`include_trades`).
    public var trades: [BacktestTrade]?
    /// Present only when asked for (`include_equity_curve`).
    public var equityCurve: [EquityPoint]?

    enum CodingKeys: String, CodingKey {
        case taskID = "task_id", batchID = "batch_id", stockCode = "stock_code", backtestID = "backtest_id"
        case startDate = "start_date", endDate = "end_date", initialCash = "initial_cash", finalValue = "final_value"
        case summary, factorCombination = "factor_combination", riskEvents = "risk_events", createdAt = "created_at"
        case trades, equityCurve = "equity_curve"
    }
}
