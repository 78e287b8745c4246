import Foundation
import Hummingbird
import HummingbirdTesting
import HuiceCore
import Logging
import Service
import Storage
import TestSupport
import Web

/// Like `withBacktestWebApp`, but the task manager is never started: a batch created here stays
/// queued, so pages about tasks without results can be tested without racing a worker.
func withQueuedBacktestWebApp<T: Sendable>(
    _ body: @Sendable (_ manager: TaskManager, _ client: any TestClientProtocol) async throws -> T
) async throws -> T {
    let store = try await MarketDataStore.open(path: ":memory:")
    let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    let manager = TaskManager(database: store.database, data: StoreTaskDataSource(store: store), logger: quiet)
    do {
        try await SampleSubset.save(stocks: ["600036.SH", "000002.SZ"], into: store)
        let site = WebSite(store: store, factorConfigs: FactorConfigManager(store: store, now: { fixedNow }), tasks: manager)
        let router = Router(context: BasicRequestContext.self)
        site.register(on: router)
        let app = Application(router: router, logger: quiet)
        let value = try await app.test(.router) { client in try await body(manager, client) }
        await manager.shutdown()
        try? await store.close()
        return value
    } catch {
        await manager.shutdown()
        try? await store.close()
        throw error
    }
}

/// The sample batch of `completedBatch`, created but (with no workers) left queued.
func queuedBatch(_ manager: TaskManager) async throws -> BatchCreated {
    let body: JSONValue = .object([
        "name": .string("queued"),
        "stock_pool": .array([.string("600036.SH"), .string("000002.SZ")]),
        "start_date": .string("2016-01-04"), "end_date": .string("2016-12-30"),
        "initial_capital": .number(1_000_000),
        "strategy": .object(["type": .string("sma_crossover"), "fast": .number(5), "slow": .number(20)]),
        "benchmark": .string(SampleSubset.benchmark),
    ])
    return try await manager.createBatch(try BatchRequest.parse(body))
}

/// The first task of a completed sample batch with its trades and equity curve: the numbers the
/// pages must show, read from the task manager rather than from the pages.
func completedResults(_ manager: TaskManager) async throws -> (batch: BatchCreated, results: TaskResults) {
    let batch = try await completedBatch(manager)
    let results = try await manager.taskResults(taskID: batch.taskIDs[0], include: ResultParts(trades: true, equityCurve: true))
    return (batch, results)
}

extension String {
    /// The values of `attribute="…"` in order of appearance (`data-trade` → the fill rows' ids).
    func attributeValues(_ attribute: String) -> [String] {
        var values: [String] = []
        var rest = self[...]
        let marker = attribute + "=\""
        while let start = rest.range(of: marker) {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            values.append(String(after[..<end]))
            rest = after[end...]
        }
        return values
    }

    /// Occurrences of `needle`.
    func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}
