import HuiceCore

/// One task of a new batch: inserted `pending`, with no attempt yet.
public struct NewBacktestTask: Sendable {
    public var taskName: String
    public var taskType: String
    public var stockCode: String
    public var startDate: TradingDay
    public var endDate: TradingDay
    public var backtestMode: String
    public var factorCombinationID: String?
    /// The config snapshot (JSON text).
    public var config: String
    /// The resolved factor combination (JSON `{name, factors}`), nil without one.
    public var factorCombination: String?
    public var priority: Int
    public var maxAttempts: Int

    public init(taskName: String, taskType: String = "backtest", stockCode: String, startDate: TradingDay,
                endDate: TradingDay, backtestMode: String, factorCombinationID: String?, config: String,
                factorCombination: String?,
                priority: Int, maxAttempts: Int) {
        self.taskName = taskName
        self.taskType = taskType
        self.stockCode = stockCode
        self.startDate = startDate
        self.endDate = endDate
        self.backtestMode = backtestMode
        self.factorCombinationID = factorCombinationID
        self.config = config
        self.factorCombination = factorCombination
        self.priority = priority
        self.maxAttempts = maxAttempts
    }
}
