import Foundation
import Hummingbird
import HummingbirdTesting
import HuiceCore
import Logging
import MarketData
import Runtime
import Server
import Service
import Storage
import TestSupport

/// The real API over the real task manager: an in-memory store holding the bundled sample's
/// calendar, the benchmark and `stocks` (bars and factor values), a started `TaskManager` with
/// fast progress writes, and the factor configs on the seed's clock (config_20240107_001, …).
/// The manager is stopped and the store closed afterwards.
func withSampleApp<T: Sendable>(
    stocks: [String],
    _ body: @Sendable (MarketDataStore, any TestClientProtocol) async throws -> T
) async throws -> T {
    let store = try await MarketDataStore.open(path: ":memory:")
    var configuration = TaskManagerConfiguration()
    configuration.workerCount = 2
    // Frequent progress writes, so even a short run reports progress between 0 and 100.
    configuration.progressInterval = .milliseconds(10)
    configuration.pollInterval = .milliseconds(50)
    configuration.workerNiceness = 0  // not behind the rest of the test suite
    let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    let manager = TaskManager(database: store.database, data: StoreTaskDataSource(store: store),
                              configuration: configuration, logger: quiet)
    do {
        try await SampleSubset.save(stocks: stocks, into: store)
        try await manager.start()
        var api = HuiceAPI(store: store, backtests: manager)
        api.factorConfigs = FactorConfigManager(store: store, now: { seedTime })
        let app = Application(router: api.makeRouter(), logger: quiet)
        let value = try await app.test(.router) { client in try await body(store, client) }
        await manager.shutdown()
        try? await store.close()
        return value
    } catch {
        await manager.shutdown()
        try? await store.close()
        throw error
    }
}

/// One Server-Sent Event frame: `event:` and the `data:` lines joined, or a comment / retry hint.
struct SSEFrame: Equatable {
    var event: String?
    var data: String
    var fields: [String]

    /// The frames of a whole event-stream body.
    static func parse(_ text: String) -> [SSEFrame] {
        text.components(separatedBy: "\n\n").filter { !$0.isEmpty }.map { block in
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let event = lines.first { $0.hasPrefix("event: ") }.map { String($0.dropFirst(7)) }
            let data = lines.filter { $0.hasPrefix("data: ") }.map { String($0.dropFirst(6)) }.joined(separator: "\n")
            return SSEFrame(event: event, data: data, fields: lines)
        }
    }

    var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: Data(data.utf8)) }
}

extension JSONValue {
    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
