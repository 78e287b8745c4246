import Foundation
import Hummingbird
import HummingbirdTesting
import HuiceCore
import Logging
import Server
import Storage

/// 2024-01-07T10:00:00Z: the seed's creation time, so the first config id is config_20240107_001.
let seedTime = Date(timeIntervalSince1970: 1_704_621_600)

/// Runs `body` against an in-process app over a private in-memory store (closed afterwards).
func withTestApp<T: Sendable>(
    backtests: FakeBacktestAPI = FakeBacktestAPI(), heartbeat: Duration = .seconds(15),
    now: @escaping @Sendable () -> Date = { seedTime },
    // The access log of every request would drown the test output; the log format has its own tests.
    logger: Logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
    _ body: @Sendable (MarketDataStore, any TestClientProtocol) async throws -> T
) async throws -> T {
    let store = try await MarketDataStore.open(path: ":memory:")
    do {
        var api = HuiceAPI(store: store, backtests: backtests)
        api.factorConfigs = FactorConfigManager(store: store, now: now)
        api.eventHeartbeat = heartbeat
        let app = Application(router: api.makeRouter(), logger: logger)
        let value = try await app.test(.router) { client in try await body(store, client) }
        try? await store.close()
        return value
    } catch {
        try? await store.close()
        throw error
    }
}

extension TestClientProtocol {
    /// POSTs `json` (text, sent as is) with `Content-Type: application/json` unless `contentType` says otherwise.
    func post(_ path: String, json: String, contentType: String? = "application/json",
              headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        if let contentType { headers[.contentType] = contentType }
        return try await execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: json))
    }
}

extension TestResponse {
    /// The body parsed as JSON.
    var json: JSONValue {
        get throws { try JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView)) }
    }

    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }
}

extension JSONValue {
    /// The member at a dotted path (`data.config_id`), nil when absent.
    subscript(path path: String) -> JSONValue? {
        var value: JSONValue? = self
        for key in path.split(separator: ".") {
            value = value?.objectValue?[String(key)]
        }
        return value
    }
}

/// The seed's create example (§2.2.7).
let seedCreateBody = """
    {
      "stock_code": "000001.SZ",
      "description": "基于多类型因子的组合配置",
      "technical_factors": ["rsi", "macd", "bollinger_bands"],
      "fundamental_factors": ["pe_ratio", "pb_ratio"],
      "sentiment_factors": ["news_sentiment"],
      "factor_weights": {"rsi": 0.2, "macd": 0.2, "bollinger_bands": 0.2, "pe_ratio": 0.2, "pb_ratio": 0.1, "news_sentiment": 0.1}
    }
    """
