import Foundation
import Hummingbird
import HummingbirdTesting
import HuiceCore
import Logging
import Service
import Storage
import TestSupport
import Web

/// The site with its backtest pages over the real task manager: an in-memory store holding the
/// bundled sample's calendar, the benchmark (000001.SH) and `stocks` (bars and factor values), and
/// a `TaskManager` (2 workers, frequent progress writes), started unless `start` is false (then
/// tasks stay queued, for the pages of a batch that has not run). Stopped and closed afterwards.
func withBacktestWebApp<T: Sendable>(
    stocks: [String] = ["600036.SH", "000002.SZ"], start: Bool = true,
    _ body: @Sendable (_ manager: TaskManager, _ store: MarketDataStore, _ client: any TestClientProtocol) async throws -> T
) async throws -> T {
    let store = try await MarketDataStore.open(path: ":memory:")
    var configuration = TaskManagerConfiguration()
    configuration.workerCount = 2
    configuration.progressInterval = .milliseconds(10)
    configuration.pollInterval = .milliseconds(50)
    configuration.workerNiceness = 0  // not behind the rest of the test suite
    let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    let manager = TaskManager(database: store.database, data: StoreTaskDataSource(store: store),
                              configuration: configuration, logger: quiet)
    do {
        try await SampleSubset.save(stocks: stocks, into: store)
        if start { try await manager.start() }
        let site = WebSite(store: store, factorConfigs: FactorConfigManager(store: store, now: { fixedNow }), tasks: manager)
        let router = Router(context: BasicRequestContext.self)
        site.register(on: router)
        let app = Application(router: router, logger: quiet)
        let value = try await app.test(.router) { client in try await body(manager, store, client) }
        await manager.shutdown()
        try? await store.close()
        return value
    } catch {
        await manager.shutdown()
        try? await store.close()
        throw error
    }
}

/// An SMA(5/20) crossover batch over `stocks` from 2016-01-04 to 2016-12-30 (the API's createBatch
/// body, parsed by the service), run to the end; its id and task ids.
func completedBatch(_ manager: TaskManager, stocks: [String] = ["600036.SH", "000002.SZ"],
                    strategy: JSONValue = .object(["type": .string("sma_crossover"), "fast": .number(5), "slow": .number(20)])
) async throws -> BatchCreated {
    let created = try await manager.createBatch(try BatchRequest.parse(sampleBatchBody(name: "web test", stocks: stocks, strategy: strategy)))
    let deadline = ContinuousClock.now + .seconds(60)
    while ContinuousClock.now < deadline {
        let status = try await manager.batchStatus(batchID: created.batchID)
        if status.status.isTerminal { return created }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw BatchTimeout(batchID: created.batchID)
}

struct BatchTimeout: Error { var batchID: String }

/// The createBatch body of the sample batches: `stocks` over 2016 with 1,000,000 yuan, the
/// benchmark 000001.SH and `strategy` (SMA 5/20 crossover by default).
func sampleBatchBody(name: String, stocks: [String] = ["600036.SH", "000002.SZ"],
                     strategy: JSONValue = .object(["type": .string("sma_crossover"), "fast": .number(5), "slow": .number(20)])
) -> JSONValue {
    .object([
        "name": .string(name),
        "stock_pool": .array(stocks.map { .string($0) }),
        "start_date": .string("2016-01-04"), "end_date": .string("2016-12-30"),
        "initial_capital": .number(1_000_000),
        "strategy": strategy,
        "benchmark": .string(SampleSubset.benchmark),
    ])
}
