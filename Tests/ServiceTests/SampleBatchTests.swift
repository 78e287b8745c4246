import Factors
import Foundation
import HuiceCore
import MarketData
import Runtime
import Storage
import Testing
import TestSupport
@testable import Service

/// A batch end to end on the bundled real sample: the store holds the sample's market data and
/// factor values, a factor config is created through the manager of configs, and the batch runs
/// with `factor_config_id` over three stocks.
@Suite("Sample batch end to end")
struct SampleBatchTests {
    static let stocks = ["600036.SH", "000002.SZ", "002594.SZ"]

    /// A store (a temporary SQLite file, or a fresh PostgreSQL schema) with the sample's calendar
    /// and the market data and factor values of the batch's stocks and the benchmark.
    static func sampleStore(_ engine: TestStoreEngine) async throws -> MarketDataStore {
        let store = engine == .postgresql
            ? try await MarketDataStore.open(database: try await ScopedPostgresDatabase.open())
            : try await MarketDataStore.open(path: FileManager.default.temporaryDirectory
                .appendingPathComponent("huice-service-sample-\(UUID().uuidString)/market.sqlite").path)
        try await SampleSubset.save(stocks: stocks, into: store)
        return store
    }

    @Test("each task's final value and trades equal BacktestRunner.run of the same single-stock config, to the fen",
          arguments: TestStoreEngine.available)
    func tasksEqualDirectRuns(engine: TestStoreEngine) async throws {
        let store = try await Self.sampleStore(engine)
        let configs = FactorConfigManager(database: store.database)
        let saved = try await configs.create(FactorConfigDraft(
            stockCode: "600036.SH", technicalFactors: ["rsi", "macd"], fundamentalFactors: ["pe"],
            factorWeights: ["rsi": 0.4, "macd": 0.3, "pe": 0.3], factorParams: ["rsi": ["period": 10]],
            description: "样例组合"))
        let configID = saved.config.configID

        let manager = TaskManager(database: store.database, data: StoreTaskDataSource(store: store),
                                  configuration: testConfiguration(workers: 2), logger: quietLogger)
        try await manager.start()
        let request = try BatchRequest.parse([
            "name": "样例批次", "stock_pool": .array(Self.stocks.map { .string($0) }),
            "start_date": "2014-01-02", "end_date": "2016-12-30", "initial_capital": 1_000_000,
            "factor_config_id": .string(configID),
        ])
        let created = try await manager.createBatch(request)
        let events = await collectEvents(manager.events(batchID: created.batchID))
        #expect(events.last?.event == "batch_completed")
        #expect(events.last?.completedTasks == 3)

        // Progress events rise per task and end at 100.
        for taskID in created.taskIDs {
            let progress = events.filter { $0.event == "task_progress" && $0.taskID == taskID }.compactMap(\.progress)
            #expect(!progress.isEmpty)
            #expect(zip(progress, progress.dropFirst()).allSatisfy { $0 <= $1 }, "\(taskID): \(progress)")
            #expect(progress.last == 100)
        }

        // The same configs run directly, on everything in the store.
        let everything = try await store.load()
        let allFactors = try await store.loadFactors()
        var totalTrades = 0
        for (taskID, stock) in zip(created.taskIDs, Self.stocks) {
            let json = """
            {"start_date": "2014-01-02", "end_date": "2016-12-30", "initial_cash": 1000000, "universe": ["\(stock)"],
             "strategy": {"type": "factor_score", "factor_config_id": "\(configID)"}}
            """
            // The stored config's factors put into the spec as `huice backtest --store` does (either engine).
            var config = try EffectiveConfig(BacktestConfig.decode(Data(json.utf8), file: "direct.json"))
            guard case .factorScore(let spec) = config.strategy else { Issue.record("not a factor strategy"); return }
            config.strategy = .factorScore(spec.resolving(saved.config))
            let direct = try BacktestRunner.run(config, data: everything, factors: allFactors, baseDirectory: "/")
            let results = try await manager.taskResults(taskID: taskID, include: ResultParts(trades: true, equityCurve: true))
            #expect(results.finalValue == direct.finalValue, "\(stock)")
            #expect(results.trades == direct.trades, "\(stock)")
            #expect(results.equityCurve == direct.equityCurve, "\(stock)")
            #expect(results.summary == direct.metrics, "\(stock)")
            // The trade rows are the result's trades, and so is the results row's JSON copy.
            let repository = BacktestTaskRepository(database: store.database)
            #expect(try await repository.trades(taskID: taskID) == direct.trades)
            let row = try #require(try await repository.result(taskID: taskID, includingTradesDetail: true))
            #expect(try JSONDecoder().decode([BacktestTrade].self, from: Data(row.tradesDetail!.utf8)) == direct.trades)
            #expect(row.finalValue == direct.finalValue)
            #expect(results.factorCombination.name == "样例组合")
            #expect(results.factorCombination.factors.map(\.name) == ["rsi", "macd", "pe_ratio"])
            #expect(results.factorCombination.factors.first?.params == ["period": 10])
            let status = try await manager.taskStatus(taskID: taskID)
            #expect(status.factorCombinationID == configID)
            totalTrades += direct.trades.count
        }
        #expect(totalTrades > 0)

        // Editing the stored config later does not change what a queued task runs.
        let snapshot = try #require(try await BacktestTaskRepository(database: store.database).task(id: created.taskIDs[0]))
        _ = try await configs.update(configID: configID, with: FactorConfigDraft(
            stockCode: "600036.SH", technicalFactors: ["rsi"], factorWeights: ["rsi": 1]))
        #expect(try await BacktestTaskRepository(database: store.database).task(id: created.taskIDs[0])?.config == snapshot.config)
        #expect(snapshot.config.contains("\"macd\""))

        await manager.shutdown()
        try await store.close()
    }
}
