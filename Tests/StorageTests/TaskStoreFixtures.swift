import Foundation
import HuiceCore
import TestSupport
@testable import Storage

/// Task-store test data. The databases come from `taskDatabase(_:)`, so the same tests run on
/// every engine of `available`.
enum TaskStoreEngine: CaseIterable, Sendable, CustomStringConvertible {
    /// SQLite `:memory:` (one connection).
    case sqliteMemory
    /// A SQLite file in a fresh temporary directory (writer + WAL reader connections).
    case sqliteFile
    /// A fresh schema in the `HUICE_TEST_POSTGRES_URL` database (a connection pool), dropped on close.
    case postgresql

    /// Both SQLite forms always; PostgreSQL when `HUICE_TEST_POSTGRES_URL` is set (`TestStoreEngine`).
    static var available: [TaskStoreEngine] {
        TestStoreEngine.postgresURL == nil ? [.sqliteMemory, .sqliteFile] : [.sqliteMemory, .sqliteFile, .postgresql]
    }

    var description: String {
        switch self {
        case .sqliteMemory: "sqlite :memory:"
        case .sqliteFile: "sqlite file"
        case .postgresql: "postgresql"
        }
    }
}

/// A freshly migrated, empty store database on `engine`.
func taskDatabase(_ engine: TaskStoreEngine) async throws -> any StoreDatabase {
    let database: any StoreDatabase
    switch engine {
    case .sqliteMemory: database = try await SQLiteStoreDatabase.open(path: ":memory:")
    case .sqliteFile: database = try await SQLiteStoreDatabase.open(path: FileManager.default.temporaryDirectory
        .appendingPathComponent("huice-task-tests-\(UUID().uuidString)", isDirectory: true)
        .appendingPathComponent("tasks.sqlite").path)
    case .postgresql: database = try await ScopedPostgresDatabase.open()
    }
    try await database.migrate()
    return database
}

enum TaskFixtures {
    static let queued = TaskStatusChange(from: ["pending"], to: "queued")
    static let claim = TaskStatusChange(from: ["queued"], to: "running")
    static let complete = TaskStatusChange(from: ["running"], to: "completed")
    static let requeue = TaskStatusChange(from: ["running"], to: "queued")
    static let fail = TaskStatusChange(from: ["running"], to: "failed")

    static func day(_ yyyymmdd: Int32) -> TradingDay { TradingDay(yyyymmdd: yyyymmdd)! }

    static func task(_ stock: String, priority: Int = 0, maxAttempts: Int = 3) -> NewBacktestTask {
        NewBacktestTask(taskName: "test \(stock)", stockCode: stock, startDate: day(20200102), endDate: day(20201231),
                        backtestMode: "historical_simulation", factorCombinationID: nil, config: #"{"stock":"\#(stock)"}"#,
                        factorCombination: #"{"factors":[],"name":"test"}"#, priority: priority, maxAttempts: maxAttempts)
    }

    /// Inserts a batch of `stocks` (priorities in the same order) created at `now`, and queues it.
    @discardableResult
    static func insertQueued(_ repository: BacktestTaskRepository, _ stocks: [String], priorities: [Int]? = nil,
                             maxAttempts: Int = 3, at now: Date) async throws -> BatchIdentifiers {
        let ids = try await repository.insertBatch(taskCount: stocks.count, status: "pending", at: now) { _ in
            NewBacktestBatch(name: "batch", description: nil, request: "{}", priority: 0,
                             tasks: stocks.enumerated().map { task($1, priority: priorities?[$0] ?? 0, maxAttempts: maxAttempts) })
        }
        _ = try await repository.changeStatus(batchID: ids.batchID, queued, stage: "排队中", at: now)
        return ids
    }

    /// A buy and a sell covering every column, the sell with the optional values set.
    static func trades(stock: String = "600036.SH") -> [BacktestTrade] {
        let code = StockCode(normalizing: stock)!
        let buy = BacktestTrade(
            tradeID: "T000001", signalDate: day(20200102), executeDate: day(20200103), signalID: "", stockCode: code,
            stockName: "招商银行", direction: .buy, orderType: .auction, signalPrice: Price(parsing: "35.50")!,
            filledPrice: Price(parsing: "35.62")!, shares: 2_800, orderShares: 2_800, amount: Money(parsingYuan: "99736.00")!,
            commission: Money(parsingYuan: "29.92")!, slippage: .zero, impactCostBps: 0, stampTax: .zero,
            transferFee: Money(parsingYuan: "1.99")!, totalFee: Money(parsingYuan: "31.91")!, status: .filled,
            fillProbability: 0.91, queueRatio: 1, liquidityTier: .l1, backtestState: .normal, filledTime: "09:25:00",
            filledReason: .filled, signalScore: 0.73, integrationMode: "top_down")
        let sell = BacktestTrade(
            tradeID: "T000002", signalDate: day(20200110), executeDate: day(20200113), signalID: "sig-1", stockCode: code,
            stockName: "招商银行", direction: .sell, orderType: .limit, signalPrice: Price(parsing: "36.10")!,
            filledPrice: Price(parsing: "36.0500")!, shares: 2_800, orderShares: 2_800,
            amount: Money(parsingYuan: "100940.00")!, commission: Money(parsingYuan: "30.28")!,
            slippage: Money(parsingYuan: "0.15")!, impactCostBps: 1.25, stampTax: Money(parsingYuan: "100.94")!,
            transferFee: Money(parsingYuan: "2.02")!, totalFee: Money(parsingYuan: "133.24")!, status: .filled,
            fillProbability: 0.8, queueRatio: 0.5, liquidityTier: .l2, backtestState: .warnDataFallback,
            filledTime: "09:25:00", filledReason: .filled, pnl: Money(parsingYuan: "1038.85")!, pnlPct: 0.01041,
            holdDays: 6, signalScore: -0.7, signalSource: .integrated, integrationMode: "top_down",
            recommendation: .sell, exitReason: .strategy)
        let rejected = BacktestTrade(
            tradeID: "T000003", signalDate: day(20200113), executeDate: day(20200114), stockCode: code, direction: .buy,
            orderType: .auction, signalPrice: Price(parsing: "36.05")!, orderShares: 2_700, status: .rejected,
            fillProbability: 0.2, queueRatio: 0, filledReason: .auctionFail)
        return [buy, sell, rejected]
    }

    static func result(taskID: String, stock: String, backtestID: String, at now: Date) -> BacktestResultRecord {
        BacktestResultRecord(
            taskID: taskID, stockCode: stock, backtestID: backtestID, engineType: "huice", integrationMode: "top_down",
            backtestName: "test", startDate: day(20200102), endDate: day(20201231),
            factorCombination: #"{"factors":[{"name":"rsi","params":{},"weight":1}],"name":"test"}"#,
            combinationName: "test", initialCash: Money(parsingYuan: "1000000.00")!,
            finalValue: Money(parsingYuan: "1001204.37")!,
            figures: BacktestResultRecord.Figures(totalReturn: 0.00120437, annualReturn: 0.00121, maxDrawdown: -0.0123,
                                                  volatility: 0.1, sharpeRatio: nil, totalTrades: 1, tradeCount: 2,
                                                  winRate: 1, fillRate: 2.0 / 3, auctionFailed: 1, var95: -0.004),
            metrics: #"{"total_return":0.00120437}"#, configParams: #"{"universe":["\#(stock)"]}"#,
            equityCurve: #"[{"equity":1001204.37}]"#, tradesDetail: "[]", riskEvents: "[]", createdAt: now)
    }
}
