import Dispatch
import Foundation
import Factors
import HuiceCore
import MarketData

/// Seed 000's task model: one independent backtest per stock of the universe, each with the whole
/// initial capital, plus a table of their headline metrics. Runs use every core (one run per
/// core at a time); the results are in code order whatever the scheduling.
public struct PerStockBacktest: Sendable, Encodable {
    public struct Row: Sendable, Encodable {
        public var stockCode: String
        public var totalReturn: Double?
        public var annualReturn: Double?
        public var maxDrawdown: Double?
        public var sharpeRatio: Double?
        public var winRate: Double?
        public var tradeCount: Int
        public var finalValue: Money

        enum CodingKeys: String, CodingKey {
            case stockCode = "stock_code", totalReturn = "total_return", annualReturn = "annual_return"
            case maxDrawdown = "max_drawdown", sharpeRatio = "sharpe_ratio", winRate = "win_rate"
            case tradeCount = "trade_count", finalValue = "final_value"
        }
    }

    public var results: [BacktestResult]
    public var summary: [Row]

    enum CodingKeys: String, CodingKey { case results, summary }

    /// Runs `config` once per stock of its universe (every non-index stock of the data when the
    /// config names none). The first failing stock's error is thrown, naming the stock.
    /// `overrides` replace the config of the stocks they name (each stock's own factor configuration).
    public static func run(_ config: EffectiveConfig, data: MarketDataSet, factors: FactorDataSet? = nil,
                           overrides: [StockCode: EffectiveConfig] = [:], baseDirectory: String) throws -> PerStockBacktest {
        let codes = try universe(config, data: data)
        let outcomes = ResultSlots<BacktestResult>(count: codes.count)
        DispatchQueue.concurrentPerform(iterations: codes.count) { i in
            var single = overrides[codes[i]] ?? config
            single.universe = [codes[i]]
            single.backtestID = "\(config.backtestID)_\(codes[i].symbol)"
            outcomes.set(i, Result { try BacktestRunner.run(single, data: data, factors: factors, baseDirectory: baseDirectory) })
        }
        var results: [BacktestResult] = []
        for (i, outcome) in outcomes.values.enumerated() {
            switch outcome! {
            case .success(let result): results.append(result)
            case .failure(let error as ConfigError):
                var named = error
                named.reason = "\(codes[i]): \(error.reason)"
                throw named
            case .failure(let error): throw error
            }
        }
        let summary = results.map { result in
            Row(stockCode: result.config.universe?.first?.description ?? "", totalReturn: result.metrics.totalReturn,
                annualReturn: result.metrics.annualReturn, maxDrawdown: result.metrics.maxDrawdown,
                sharpeRatio: result.metrics.sharpeRatio, winRate: result.metrics.winRate,
                tradeCount: result.metrics.totalTrades, finalValue: result.finalValue)
        }
        return PerStockBacktest(results: results, summary: summary)
    }

    /// The stocks a per-stock batch runs.
    public static func universe(_ config: EffectiveConfig, data: MarketDataSet) throws -> [StockCode] {
        try BacktestRunner.universeCodes(config, data: data, benchmark: config.benchmark, signals: [])
    }

    /// The whole batch as JSON with sorted keys (byte-identical for identical inputs).
    public func jsonDocument() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
