import HuiceCore
import HummingbirdTesting
import Testing

/// The backtest routes over a fake API: request validation and the mapping of the contract's
/// errors to envelopes (the TaskManager's own behaviour is tested in ServiceTests).
@Suite struct BacktestRouteTests {
    static let seedBatchBody = """
        {"name": "因子组合回测任务批次", "description": "测试多因子组合在A股市场的表现",
         "stock_pool": ["000001.SZ", "000002.SZ", "600000.SH"], "start_date": "2020-01-01", "end_date": "2023-12-31",
         "initial_capital": 1000000, "factor_config_id": "config_20240107_001"}
        """

    @Test func createBatchWrapsTheManagersAnswer() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/api/v1/backtest/createBatch", json: Self.seedBatchBody)
            #expect(response.status == .ok)
            let json = try response.json
            #expect(json[path: "code"] == 200)
            #expect(json[path: "message"] == "批次创建成功")
            #expect(json[path: "data.batch_id"] == "batch_20240107_001")
            #expect(json[path: "data.status"] == "pending")
        }
    }

    @Test func createBatchRequestErrorBecomesTheSeedEnvelope() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/api/v1/backtest/createBatch", json: #"{"stock_pool": []}"#)
            #expect(response.status == .badRequest)
            #expect(try response.json == .object([
                "code": 400, "message": "参数错误", "error": "stock_pool不能为空",
                "details": .object(["field": "stock_pool", "reason": "required field missing"]),
            ]))
        }
    }

    @Test func invalidRequestServiceErrorIs400() async throws {
        try await withTestApp { _, client in
            let json = try await client.post("/api/v1/backtest/getTaskResults", json: "{}").json
            #expect(json[path: "code"] == 400)
            #expect(json[path: "details.field"] == "task_id")
        }
    }

    @Test func statusQueriesAnswerQuerySucceeded() async throws {
        try await withTestApp { _, client in
            let batch = try await client.post("/api/v1/backtest/getBatchStatus", json: #"{"batch_id": "batch_20240107_001"}"#).json
            #expect(batch[path: "message"] == "查询成功")
            #expect(batch[path: "data.progress"] == 65)
            let task = try await client.post("/api/v1/backtest/getTaskStatus", json: #"{"task_id": "bt_20240107_001"}"#).json
            #expect(task[path: "data.task_id"] == "bt_20240107_001")
            let list = try await client.post("/api/v1/backtest/getTaskList", json: #"{"page": 1, "size": 20}"#).json
            #expect(list[path: "data.size"] == 20)
            let results = try await client.post("/api/v1/backtest/getTaskResults", json: #"{"task_id": "bt_20240107_001"}"#).json
            #expect(results[path: "data.summary.total_trades"] == 1250)
        }
    }

    @Test func actionsAnswerTheirMessages() async throws {
        try await withTestApp { _, client in
            let cancel = try await client.post("/api/v1/backtest/cancelTask", json: #"{"task_id": "bt_20240107_001"}"#).json
            #expect(cancel[path: "message"] == "任务取消成功")
            let cancelBatch = try await client.post("/api/v1/backtest/cancelBatch", json: #"{"batch_id": "batch_20240107_001"}"#).json
            #expect(cancelBatch[path: "message"] == "批次取消成功")
            let retry = try await client.post("/api/v1/backtest/retryTask", json: #"{"task_id": "bt_20240107_001"}"#).json
            #expect(retry[path: "message"] == "任务重试已提交")
        }
    }

    @Test func missingIDIsNamed() async throws {
        try await withTestApp { _, client in
            let json = try await client.post("/api/v1/backtest/getBatchStatus", json: "{}").json
            #expect(json[path: "details"] == .object(["field": "batch_id", "reason": "required field missing"]))
        }
    }

    @Test func idOfTheWrongTypeIsNamed() async throws {
        try await withTestApp { _, client in
            let json = try await client.post("/api/v1/backtest/getTaskStatus", json: #"{"task_id": 17}"#).json
            #expect(json[path: "details"] == .object(["field": "task_id", "reason": "must be a string"]))
        }
    }

    @Test func unknownKeyInAnIDBodyIsRefused() async throws {
        try await withTestApp { _, client in
            let json = try await client.post("/api/v1/backtest/cancelTask", json: #"{"task_id": "bt_1", "force": true}"#).json
            #expect(json[path: "code"] == 400)
            #expect(json[path: "details.field"] == "force")
            #expect(json[path: "details.reason"] == "unknown field")
        }
    }

    @Test func unknownTaskIs404() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/api/v1/backtest/getTaskStatus", json: #"{"task_id": "bt_20991231_001"}"#)
            #expect(response.status == .notFound)
            #expect(try response.json == .object(["code": 404, "message": "任务不存在", "data": .null]))
        }
    }

    @Test func unknownBatchIs404() async throws {
        try await withTestApp { _, client in
            let json = try await client.post("/api/v1/backtest/cancelBatch", json: #"{"batch_id": "batch_x"}"#).json
            #expect(json == .object(["code": 404, "message": "批次不存在", "data": .null]))
        }
    }

    @Test func conflictIs409() async throws {
        try await withTestApp { _, client in
            let response = try await client.post("/api/v1/backtest/cancelTask", json: #"{"task_id": "bt_20240107_002"}"#)
            #expect(response.status == .conflict)
            #expect(try response.json == .object([
                "code": 409, "message": "操作冲突", "error": "任务状态为completed，不能取消（cancel needs pending or queued）",
                "details": .object(["field": "status", "reason": "conflict"]),
            ]))
        }
    }
}
