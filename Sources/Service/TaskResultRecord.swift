import Analysis
import Foundation
import HuiceCore
import Runtime
import Storage

/// A finished run as the store keeps it: the headline figures as columns, the documents as JSON
/// with sorted keys (money in yuan, exact to the fen, as in a result file).
enum TaskResultRecord {
    static func make(task: BacktestTaskRecord, result: BacktestResult, at now: Date) throws -> BacktestResultRecord {
        let m = result.metrics
        let combination = try task.factorCombination ?? json(FactorCombination(name: result.config.strategy.typeName, factors: []))
        let name = (try? JSONDecoder().decode(FactorCombination.self, from: Data(combination.utf8)))?.name
        return BacktestResultRecord(
            taskID: task.taskID, stockCode: task.stockCode, backtestID: result.backtestID, engineType: result.engineType,
            integrationMode: result.integrationMode, backtestName: result.backtestName, startDate: result.startDate,
            endDate: result.endDate, factorCombination: combination, combinationName: name,
            initialCash: result.initialCash, finalValue: result.finalValue,
            figures: BacktestResultRecord.Figures(
                totalReturn: m.totalReturn, annualReturn: m.annualReturn, maxDrawdown: m.maxDrawdown,
                volatility: m.volatility, sharpeRatio: m.sharpeRatio, sortinoRatio: m.sortinoRatio,
                calmarRatio: m.calmarRatio, totalTrades: m.totalTrades, tradeCount: m.filledOrders, winRate: m.winRate,
                profitFactor: m.profitFactor, avgTrade: m.avgTrade, avgWin: m.avgWin, avgLoss: m.avgLoss,
                maxWin: m.maxWin, maxLoss: m.maxLoss, fillRate: m.fillRate, limitUpRejected: m.limitUpRejected,
                auctionFailed: m.auctionFailed, var95: m.var95),
            metrics: try json(m), configParams: try json(result.config), equityCurve: try json(result.equityCurve),
            tradesDetail: try json(result.trades), riskEvents: try json(result.riskEvents), createdAt: now)
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
