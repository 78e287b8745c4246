import Storage

/// What a batch's completed tasks add up to (the `summary` of getBatchStatus): one line per
/// stock is the task list; this is the batch at a glance — how many stocks made money, the mean
/// and median return, the mean risk figures, the best and the worst stock, the trades in all.
///
/// Means and medians are over the completed tasks that have the figure (a run without a single
/// return has no Sharpe ratio, say); `max_drawdown` keeps the result files' sign (≤ 0), so the
/// worst drawdown is the smallest. Failed and cancelled tasks are not in it; `stocks` says how
/// many are.
public struct BatchSummary: Sendable, Encodable, Equatable {
    public struct Extreme: Sendable, Encodable, Equatable {
        public var taskID: String
        public var stockCode: String
        public var totalReturn: Double

        enum CodingKeys: String, CodingKey { case taskID = "task_id", stockCode = "stock_code", totalReturn = "total_return" }
    }

    public var stocks: Int
    public var profitableStocks: Int
    public var profitableRatio: Double
    public var meanTotalReturn: Double?
    public var medianTotalReturn: Double?
    public var meanAnnualReturn: Double?
    public var meanSharpeRatio: Double?
    public var meanMaxDrawdown: Double?
    public var worstMaxDrawdown: Double?
    public var meanWinRate: Double?
    public var totalTrades: Int
    public var tradeCount: Int
    public var best: Extreme?
    public var worst: Extreme?

    enum CodingKeys: String, CodingKey {
        case stocks, profitableStocks = "profitable_stocks", profitableRatio = "profitable_ratio"
        case meanTotalReturn = "mean_total_return", medianTotalReturn = "median_total_return"
        case meanAnnualReturn = "mean_annual_return", meanSharpeRatio = "mean_sharpe_ratio"
        case meanMaxDrawdown = "mean_max_drawdown", worstMaxDrawdown = "worst_max_drawdown"
        case meanWinRate = "mean_win_rate", totalTrades = "total_trades", tradeCount = "trade_count", best, worst
    }

    /// Every key is written; absent figures are `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stocks, forKey: .stocks)
        try c.encode(profitableStocks, forKey: .profitableStocks)
        try c.encode(profitableRatio, forKey: .profitableRatio)
        try c.encode(meanTotalReturn, forKey: .meanTotalReturn)
        try c.encode(medianTotalReturn, forKey: .medianTotalReturn)
        try c.encode(meanAnnualReturn, forKey: .meanAnnualReturn)
        try c.encode(meanSharpeRatio, forKey: .meanSharpeRatio)
        try c.encode(meanMaxDrawdown, forKey: .meanMaxDrawdown)
        try c.encode(worstMaxDrawdown, forKey: .worstMaxDrawdown)
        try c.encode(meanWinRate, forKey: .meanWinRate)
        try c.encode(totalTrades, forKey: .totalTrades)
        try c.encode(tradeCount, forKey: .tradeCount)
        try c.encode(best, forKey: .best)
        try c.encode(worst, forKey: .worst)
    }

    /// The summary of `results` (task id, stock code and figures of each completed task, in task
    /// order); nil when there are none. Ties for best/worst go to the earlier task.
    public init?(results: [(taskID: String, stockCode: String, figures: BacktestResultRecord.Figures)]) {
        guard !results.isEmpty else { return nil }
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        let returns = results.compactMap(\.figures.totalReturn)
        stocks = results.count
        profitableStocks = returns.filter { $0 > 0 }.count
        profitableRatio = Double(profitableStocks) / Double(results.count)
        meanTotalReturn = mean(returns)
        medianTotalReturn = Self.median(returns)
        meanAnnualReturn = mean(results.compactMap(\.figures.annualReturn))
        meanSharpeRatio = mean(results.compactMap(\.figures.sharpeRatio))
        let drawdowns = results.compactMap(\.figures.maxDrawdown)
        meanMaxDrawdown = mean(drawdowns)
        worstMaxDrawdown = drawdowns.min()
        meanWinRate = mean(results.compactMap(\.figures.winRate))
        totalTrades = results.map(\.figures.totalTrades).reduce(0, +)
        tradeCount = results.map(\.figures.tradeCount).reduce(0, +)
        var best: Extreme?
        var worst: Extreme?
        for result in results {
            guard let value = result.figures.totalReturn else { continue }
            let entry = Extreme(taskID: result.taskID, stockCode: result.stockCode, totalReturn: value)
            if best.map({ value > $0.totalReturn }) ?? true { best = entry }
            if worst.map({ value < $0.totalReturn }) ?? true { worst = entry }
        }
        self.best = best
        self.worst = worst
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
