import Foundation
import HuiceCore

/// One row of `backtest_results`: a finished task's headline figures (seed 000 §3.2.3 and
/// seed 002 §2.3) and its documents as JSON text. Money is exact (fen).
public struct BacktestResultRecord: Sendable, Equatable {
    public var taskID: String
    public var stockCode: String
    public var backtestID: String
    public var engineType: String
    public var integrationMode: String
    public var backtestName: String
    public var startDate: TradingDay
    public var endDate: TradingDay
    /// JSON: `{"name", "factors": [{"name", "weight", "params"}]}`.
    public var factorCombination: String
    public var combinationName: String?
    public var initialCash: Money
    public var finalValue: Money
    public var figures: Figures
    /// JSON: every metric of the run (`BacktestMetrics`), the figures above included.
    public var metrics: String
    /// JSON: the effective config the run used.
    public var configParams: String
    /// JSON: the equity curve; nil when a read did not ask for it.
    public var equityCurve: String?
    /// JSON: the trade records; nil when a read did not ask for it (they are also rows of
    /// `backtest_trade_records`).
    public var tradesDetail: String?
    /// JSON: the risk monitor's events.
    public var riskEvents: String
    public var createdAt: Date

    public init(taskID: String, stockCode: String, backtestID: String, engineType: String, integrationMode: String,
                backtestName: String, startDate: TradingDay, endDate: TradingDay, factorCombination: String,
                combinationName: String?, initialCash: Money, finalValue: Money, figures: Figures, metrics: String,
                configParams: String, equityCurve: String?, tradesDetail: String?, riskEvents: String, createdAt: Date) {
        self.taskID = taskID; self.stockCode = stockCode; self.backtestID = backtestID; self.engineType = engineType
        self.integrationMode = integrationMode; self.backtestName = backtestName; self.startDate = startDate
        self.endDate = endDate; self.factorCombination = factorCombination; self.combinationName = combinationName
        self.initialCash = initialCash; self.finalValue = finalValue; self.figures = figures; self.metrics = metrics
        self.configParams = configParams; self.equityCurve = equityCurve; self.tradesDetail = tradesDetail
        self.riskEvents = riskEvents; self.createdAt = createdAt
    }

    /// The metric columns (fractions as ratios, amounts in yuan; nil = undefined for the run).
    public struct Figures: Sendable, Equatable {
        public var totalReturn: Double?
        public var annualReturn: Double?
        public var maxDrawdown: Double?
        public var volatility: Double?
        public var sharpeRatio: Double?
        public var sortinoRatio: Double?
        public var calmarRatio: Double?
        /// Round trips (seed 002 `total_trades`).
        public var totalTrades: Int
        /// Filled order records (seed 000 `trade_count`, 交易次数).
        public var tradeCount: Int
        public var winRate: Double?
        public var profitFactor: Double?
        public var avgTrade: Double?
        public var avgWin: Double?
        public var avgLoss: Double?
        public var maxWin: Double?
        public var maxLoss: Double?
        public var fillRate: Double?
        public var limitUpRejected: Int
        public var auctionFailed: Int
        public var var95: Double?

        public init(totalReturn: Double? = nil, annualReturn: Double? = nil, maxDrawdown: Double? = nil,
                    volatility: Double? = nil, sharpeRatio: Double? = nil, sortinoRatio: Double? = nil,
                    calmarRatio: Double? = nil, totalTrades: Int = 0, tradeCount: Int = 0, winRate: Double? = nil,
                    profitFactor: Double? = nil, avgTrade: Double? = nil, avgWin: Double? = nil, avgLoss: Double? = nil,
                    maxWin: Double? = nil, maxLoss: Double? = nil, fillRate: Double? = nil, limitUpRejected: Int = 0,
                    auctionFailed: Int = 0, var95: Double? = nil) {
            self.totalReturn = totalReturn; self.annualReturn = annualReturn; self.maxDrawdown = maxDrawdown
            self.volatility = volatility; self.sharpeRatio = sharpeRatio; self.sortinoRatio = sortinoRatio
            self.calmarRatio = calmarRatio; self.totalTrades = totalTrades; self.tradeCount = tradeCount
            self.winRate = winRate; self.profitFactor = profitFactor; self.avgTrade = avgTrade; self.avgWin = avgWin
            self.avgLoss = avgLoss; self.maxWin = maxWin; self.maxLoss = maxLoss; self.fillRate = fillRate
            self.limitUpRejected = limitUpRejected; self.auctionFailed = auctionFailed; self.var95 = var95
        }
    }
}
