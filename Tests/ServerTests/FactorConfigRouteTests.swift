import Foundation
import HuiceCore
import HummingbirdTesting
import Testing

/// The six factor-config routes with the seed's example bodies: status, message and data shape.
@Suite struct FactorConfigRouteTests {
    @Test func createAnswersTheSeedShape() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/api/v1/factor-config/create", json: seedCreateBody)
            #expect(response.status == .ok)
            let json = try response.json
            #expect(json == .object([
                "code": 200, "message": "配置创建成功",
                "data": .object(["config_id": "config_20240107_001", "stock_code": "000001.SZ",
                                 "created_at": "2024-01-07T10:00:00Z"]),
            ]))
            // The envelope's keys in the seed's order; sorted inside.
            #expect(response.text == #"{"code":200,"message":"配置创建成功","data":{"config_id":"config_20240107_001","#
                + #""created_at":"2024-01-07T10:00:00Z","stock_code":"000001.SZ"}}"#)
        }
    }

    @Test func getReturnsTheStoredConfig() async throws {
        try await withTestApp { _, client in
            _ = try await client.post("/api/v1/factor-config/create", json: seedCreateBody)
            let response = try await client.post("/api/v1/factor-config/get", json: #"{"config_id": "config_20240107_001"}"#)
            #expect(response.status == .ok)
            let json = try response.json
            #expect(json[path: "code"] == 200)
            #expect(json[path: "message"] == "查询成功")
            #expect(json[path: "data.config_id"] == "config_20240107_001")
            #expect(json[path: "data.stock_code"] == "000001.SZ")
            #expect(json[path: "data.description"] == "基于多类型因子的组合配置")
            #expect(json[path: "data.technical_factors"] == ["rsi", "macd", "bollinger_bands"])
            #expect(json[path: "data.fundamental_factors"] == ["pe_ratio", "pb_ratio"])
            #expect(json[path: "data.sentiment_factors"] == ["news_sentiment"])
            #expect(json[path: "data.factor_weights.pb_ratio"] == 0.1)
            #expect(json[path: "data.factor_count"] == 6)
            #expect(json[path: "data.created_at"] == "2024-01-07T10:00:00Z")
            #expect(json[path: "data.updated_at"] == "2024-01-07T10:00:00Z")
        }
    }

    @Test func updateWithTheSeedBodyBumpsUpdatedAt() async throws {
        let clock = TestClock(seedTime)
        try await withTestApp(now: { clock.now }) { _, client in
            _ = try await client.post("/api/v1/factor-config/create", json: seedCreateBody)
            clock.now = seedTime.addingTimeInterval(90 * 60)  // 11:30
            let response = try await client.post("/api/v1/factor-config/update", json: """
                {"config_id": "config_20240107_001", "stock_code": "000001.SZ", "description": "调整权重后的技术指标组合",
                 "factors": ["rsi", "macd", "bollinger_bands"], "factor_weights": {"rsi": 0.35, "macd": 0.35, "bollinger_bands": 0.3}}
                """)
            #expect(response.status == .ok)
            #expect(try response.json == .object([
                "code": 200, "message": "配置更新成功",
                "data": .object(["config_id": "config_20240107_001", "updated_at": "2024-01-07T11:30:00Z"]),
            ]))
            let fetched = try await client.post("/api/v1/factor-config/get", json: #"{"config_id": "config_20240107_001"}"#).json
            #expect(fetched[path: "data.technical_factors"] == ["rsi", "macd", "bollinger_bands"])
            #expect(fetched[path: "data.fundamental_factors"] == [])
            #expect(fetched[path: "data.created_at"] == "2024-01-07T10:00:00Z")
        }
    }

    @Test func deleteAnswersTheSeedShapeAndTheConfigIsGone() async throws {
        let clock = TestClock(seedTime)
        try await withTestApp(now: { clock.now }) { _, client in
            _ = try await client.post("/api/v1/factor-config/create", json: seedCreateBody)
            clock.now = seedTime.addingTimeInterval(2 * 3600)  // 12:00
            let response = try await client.post("/api/v1/factor-config/delete", json: #"{"config_id": "config_20240107_001"}"#)
            #expect(response.status == .ok)
            #expect(try response.json == .object([
                "code": 200, "message": "配置删除成功",
                "data": .object(["config_id": "config_20240107_001", "deleted_at": "2024-01-07T12:00:00Z"]),
            ]))
            let again = try await client.post("/api/v1/factor-config/get", json: #"{"config_id": "config_20240107_001"}"#)
            #expect(again.status == .notFound)
        }
    }

    @Test func listPagesWithTotal() async throws {
        try await withTestApp { _, client in
            _ = try await client.post("/api/v1/factor-config/create", json: seedCreateBody)
            _ = try await client.post("/api/v1/factor-config/create", json: seedCreateBody.replacingOccurrences(of: "000001.SZ", with: "600000.SH"))
            let response = try await client.post("/api/v1/factor-config/list", json: #"{"page": 1, "size": 10}"#)
            #expect(response.status == .ok)
            let json = try response.json
            #expect(json[path: "message"] == "查询成功")
            #expect(json[path: "data.total"] == 2)
            #expect(json[path: "data.page"] == 1)
            #expect(json[path: "data.size"] == 10)
            guard case .array(let configs) = json[path: "data.configs"] else { Issue.record("configs is not a list"); return }
            #expect(configs.map { $0[path: "config_id"] } == ["config_20240107_001", "config_20240107_002"])
            #expect(configs.first?[path: "factor_count"] == 6)

            let second = try await client.post("/api/v1/factor-config/list", json: #"{"page": 2, "size": 1}"#).json
            #expect(second[path: "data.total"] == 2)
            #expect(second[path: "data.configs"] == [try #require(configs.last)])
        }
    }

    @Test func listWithoutABodyUsesTheDefaults() async throws {
        try await withTestApp { _, client in
            let json = try await client.post("/api/v1/factor-config/list", json: "").json
            #expect(json[path: "data"] == .object(["total": 0, "page": 1, "size": 10, "configs": []]))
        }
    }

    @Test func getByStockReturnsTheStocksConfig() async throws {
        try await withTestApp { _, client in
            _ = try await client.post("/api/v1/factor-config/create", json: seedCreateBody)
            let response = try await client.post("/api/v1/factor-config/get-by-stock", json: #"{"stock_code": "000001.SZ"}"#)
            #expect(response.status == .ok)
            let json = try response.json
            #expect(json[path: "message"] == "查询成功")
            #expect(json[path: "data.config_id"] == "config_20240107_001")
            #expect(json[path: "data.factor_count"] == 6)
        }
    }

    @Test func createWithAZeroWeightListsTheWarning() async throws {
        try await withTestApp { _, client in
            let json = try await client.post("/api/v1/factor-config/create", json: """
                {"stock_code": "000001.SZ", "technical_factors": ["rsi", "macd"], "factor_weights": {"rsi": 1.0, "macd": 0}}
                """).json
            #expect(json[path: "code"] == 200)
            guard case .array(let warnings) = json[path: "warnings"] else { Issue.record("no warnings"); return }
            #expect(warnings.first?[path: "code"] == "zero_weight")
        }
    }
}

/// A settable clock for the manager's timestamps.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date

    init(_ start: Date) { value = start }

    var now: Date {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
