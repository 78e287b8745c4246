import Foundation
import HTTPTypes
import HuiceCore
import Logging
import Server
import HummingbirdTesting
import Testing

/// Each way a request can fail, answered in the seed's error envelope with the matching status.
@Suite struct ErrorEnvelopeTests {
    @Test func missingFieldNamesIt() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/api/v1/factor-config/get", json: "{}")
            #expect(response.status == .badRequest)
            #expect(try response.json == .object([
                "code": 400, "message": "参数错误", "error": "config_id不能为空",
                "details": .object(["field": "config_id", "reason": "required field missing"]),
            ]))
            #expect(response.text == #"{"code":400,"message":"参数错误","error":"config_id不能为空","#
                + #""details":{"field":"config_id","reason":"required field missing"}}"#)
        }
    }

    @Test func wrongTypeNamesTheFieldAndTheType() async throws {
        try await withTestApp { _, client in
            let json = try await client.post("/api/v1/factor-config/list", json: #"{"page": "1"}"#).json
            #expect(json[path: "code"] == 400)
            #expect(json[path: "details.field"] == "page")
            #expect(json[path: "details.reason"] == "must be an integer")
            #expect(json[path: "error"]?.stringValue?.contains("a string") == true)
        }
    }

    @Test func wrongTypeInsideAConfigNamesTheKeyPath() async throws {
        try await withTestApp { _, client in
            let json = try await client.post("/api/v1/factor-config/create", json: """
                {"stock_code": "000001.SZ", "technical_factors": ["rsi"], "factor_weights": {"rsi": "high"}}
                """).json
            #expect(json[path: "code"] == 400)
            #expect(json[path: "details.field"] == "factor_weights.rsi")
            #expect(json[path: "details.reason"] == "expected a number")
        }
    }

    @Test func sizeOutOfRangeGivesTheBounds() async throws {
        try await withTestApp { _, client in
            let json = try await client.post("/api/v1/factor-config/list", json: #"{"size": 101}"#).json
            #expect(json[path: "details"] == .object(["field": "size", "reason": "out of range", "min": 1, "max": 100]))
        }
    }

    @Test func weightsSummingTo095GiveTheSeedEnvelope() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/api/v1/factor-config/create", json: """
                {"stock_code": "000001.SZ", "technical_factors": ["rsi", "macd", "bollinger_bands"],
                 "fundamental_factors": ["pe_ratio", "pb_ratio"], "sentiment_factors": ["news_sentiment"],
                 "factor_weights": {"rsi": 0.2, "macd": 0.2, "bollinger_bands": 0.2, "pe_ratio": 0.2, "pb_ratio": 0.1, "news_sentiment": 0.05}}
                """)
            #expect(response.status == .badRequest)
            let json = try response.json
            #expect(json[path: "code"] == 400)
            #expect(json[path: "message"] == "参数错误")
            #expect(json[path: "error"] == "权重总和必须等于1.0")
            #expect(json[path: "details.field"] == "factor_weights")
            #expect(json[path: "details.current_sum"] == 0.95)
            #expect(json[path: "details.expected_sum"] == 1.0)
            #expect(json[path: "details.code"] == "weight_sum")
        }
    }

    @Test func unknownKeyIsRefusedByName() async throws {
        try await withTestApp { _, client in
            let json = try await client.post("/api/v1/factor-config/get", json: #"{"configid": "config_20240107_001"}"#).json
            #expect(json[path: "code"] == 400)
            #expect(json[path: "details.field"] == "configid")
            #expect(json[path: "details.reason"] == "unknown field")
            #expect(json[path: "error"]?.stringValue?.contains("did you mean 'config_id'?") == true)
        }
    }

    @Test func unknownKeyInAConfigIsRefusedWithAHint() async throws {
        try await withTestApp { _, client in
            let json = try await client.post("/api/v1/factor-config/create", json: """
                {"stock_code": "000001.SZ", "technical_factors": ["rsi"], "factor_weight": {"rsi": 1.0}}
                """).json
            #expect(json[path: "details.field"] == "factor_weight")
            #expect(json[path: "details.reason"]?.stringValue?.contains("did you mean 'factor_weights'?") == true)
        }
    }

    @Test func malformedJSONNamesTheBodyLineAndColumn() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/api/v1/factor-config/create", json: "{\"stock_code\": \"000001.SZ\",\n  \"description\": }")
            #expect(response.status == .badRequest)
            let json = try response.json
            #expect(json[path: "details.field"] == "body")
            #expect(json[path: "details.reason"] == "malformed JSON")
            #expect(json[path: "details.line"] == 2)
            #expect(json[path: "details.column"] == 18)
            #expect(json[path: "error"] == "the request body is not valid JSON at line 2, column 18")
        }
    }

    @Test func bodyThatIsNotAnObjectIsRefused() async throws {
        try await withTestApp { _, client in
            let json = try await client.post("/api/v1/factor-config/get", json: #"["config_20240107_001"]"#).json
            #expect(json[path: "details"] == .object(["field": "body", "reason": "must be a JSON object"]))
        }
    }

    @Test func wrongContentTypeIs415() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/api/v1/factor-config/list", json: "page=1",
                                                  contentType: "application/x-www-form-urlencoded")
            #expect(response.status == .unsupportedMediaType)
            let json = try response.json
            #expect(json[path: "code"] == 415)
            #expect(json[path: "details.field"] == "Content-Type")
        }
    }

    @Test func bodyOverOneMebibyteIs413() async throws {
        try await withTestApp { _, client in
            let padding = String(repeating: " ", count: 1 << 20)
            let response = try await client.post("/api/v1/factor-config/list", json: "{}" + padding)
            #expect(response.status == .contentTooLarge)
            #expect(try response.json[path: "details"] == .object(["field": "body", "reason": "too large", "limit": 1_048_576]))
        }
    }

    @Test func unknownConfigIs404WithTheSeedShape() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/api/v1/factor-config/get", json: #"{"config_id": "config_20991231_001"}"#)
            #expect(response.status == .notFound)
            #expect(try response.json == .object(["code": 404, "message": "因子组合配置不存在", "data": .null]))
        }
    }

    @Test func stockWithoutAConfigIsTheSeeds404() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/api/v1/factor-config/get-by-stock", json: #"{"stock_code": "600519.SH"}"#)
            #expect(response.status == .notFound)
            #expect(try response.json == .object(["code": 404, "message": "该股票暂无因子组合配置", "data": .null]))
        }
    }

    @Test func secondConfigForAStockIs409() async throws {
        try await withTestApp { _, client in
            _ = try await client.post("/api/v1/factor-config/create", json: seedCreateBody)
            let response = try await client.post("/api/v1/factor-config/create", json: seedCreateBody)
            #expect(response.status == .conflict)
            let json = try response.json
            #expect(json[path: "code"] == 409)
            #expect(json[path: "details.field"] == "stock_code")
            #expect(json[path: "details.existing_config_id"] == "config_20240107_001")
        }
    }

    @Test func unknownRouteIs404Envelope() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/api/v1/factor-config/rename", json: "{}")
            #expect(response.status == .notFound)
            #expect(try response.json == .object(["code": 404, "message": "接口不存在", "data": .null]))
        }
    }

    @Test func wrongMethodIs405WithAllow() async throws {
        try await withTestApp { _, client in
            let response = try await client.execute(uri: "/api/v1/factor-config/list", method: .get)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "POST")
            let json = try response.json
            #expect(json[path: "code"] == 405)
            #expect(json[path: "details.allowed"] == ["POST"])
        }
    }

    @Test func unexpectedFailureIs500WithoutInternals() async throws {
        try await withTestApp { store, client in
            try await store.close()  // every store call now fails with a StorageError naming the store
            let response = try await client.post("/api/v1/factor-config/list", json: "{}", headers: [RequestIDHeader.name: "req-500"])
            #expect(response.status == .internalServerError)
            #expect(try response.json == .object([
                "code": 500, "message": "服务器内部错误", "error": "internal error",
                "details": .object(["request_id": "req-500"]),
            ]))
            #expect(!response.text.contains("memory"))
            #expect(!response.text.lowercased().contains("closed"))
        }
    }

    @Test func unexpectedFailureIsLoggedWithItsRequestID() async throws {
        let lines = JSONLogHandlerTests.Lines()
        let logger = Logger(label: "test") { _ in JSONLogHandler(output: { lines.append($0) }) }
        try await withTestApp(logger: logger) { store, client in
            try await store.close()
            _ = try await client.post("/api/v1/factor-config/list", json: "{}", headers: [RequestIDHeader.name: "req-log"])
        }
        let failure = try #require(lines.all.first { $0.contains(#""level":"ERROR""#) })
        #expect(failure.contains(#""request_id":"req-log""#))
        #expect(failure.contains(#""module":"http""#))
        #expect(failure.contains("StorageError"))  // the real error, which the answer does not show
        let access = try #require(lines.all.first { $0.contains("request completed") })
        #expect(access.contains(#""status":500"#))
    }
}

enum RequestIDHeader {
    static let name = HTTPField.Name("X-Request-ID")!
}
