import Foundation
import HTTPTypes
import Hummingbird
import HuiceCore

/// Seed 000 §2.3.3: `/api/v1/backtest/…` over a `BacktestAPI` (the TaskManager), plus the live
/// progress stream `GET /api/v1/backtest/events`. Batch and query bodies are parsed by the API's
/// own parsers (`BatchRequest.parse`, …); the id-only bodies here.
struct BacktestRoutes<API: BacktestAPI>: Sendable {
    let api: API
    /// How often an idle event stream sends `: ping`.
    var heartbeat: Duration = .seconds(15)
    /// The reconnection delay suggested to event-stream clients.
    var retry: Duration = .seconds(3)

    static var basePath: String { "/api/v1/backtest" }

    var endpoints: [APIEndpoint] {
        let base = Self.basePath
        return [
            .post("\(base)/createBatch", createBatch),
            .post("\(base)/getBatchStatus", batchStatus),
            .post("\(base)/getTaskStatus", taskStatus),
            .post("\(base)/getTaskList", taskList),
            .post("\(base)/getTaskResults", taskResults),
            .post("\(base)/cancelTask", cancelTask),
            .post("\(base)/cancelBatch", cancelBatch),
            .post("\(base)/retryTask", retryTask),
            .get("\(base)/events", events),
        ]
    }

    @Sendable func createBatch(_ request: Request, context: APIRequestContext) async throws -> Response {
        let spec = try API.parseBatch(try await JSONRequestBody.read(request, context: context))
        return try JSONResponse.success(try await api.createBatch(spec), message: "批次创建成功")
    }

    @Sendable func batchStatus(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try await Self.identifier("batch_id", of: request, context: context)
        return try JSONResponse.success(try await api.batchStatus(batchID: id), message: "查询成功")
    }

    @Sendable func taskStatus(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try await Self.identifier("task_id", of: request, context: context)
        return try JSONResponse.success(try await api.taskStatus(taskID: id), message: "查询成功")
    }

    @Sendable func taskList(_ request: Request, context: APIRequestContext) async throws -> Response {
        let query = try API.parseTaskListQuery(try await JSONRequestBody.read(request, context: context))
        return try JSONResponse.success(try await api.taskList(query), message: "查询成功")
    }

    @Sendable func taskResults(_ request: Request, context: APIRequestContext) async throws -> Response {
        let (taskID, parts) = try API.parseResultRequest(try await JSONRequestBody.read(request, context: context))
        return try JSONResponse.success(try await api.taskResults(taskID: taskID, include: parts), message: "查询成功")
    }

    @Sendable func cancelTask(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try await Self.identifier("task_id", of: request, context: context)
        return try JSONResponse.success(try await api.cancelTask(taskID: id), message: "任务取消成功")
    }

    @Sendable func cancelBatch(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try await Self.identifier("batch_id", of: request, context: context)
        return try JSONResponse.success(try await api.cancelBatch(batchID: id), message: "批次取消成功")
    }

    @Sendable func retryTask(_ request: Request, context: APIRequestContext) async throws -> Response {
        let id = try await Self.identifier("task_id", of: request, context: context)
        return try JSONResponse.success(try await api.retryTask(taskID: id), message: "任务重试已提交")
    }

    /// Server-Sent Events for one batch (`?batch_id=…`); an unknown batch is a 404 envelope
    /// before any event is written.
    @Sendable func events(_ request: Request, context: APIRequestContext) async throws -> Response {
        let batchID = try Self.batchID(inQueryOf: request)
        // Subscribe before reading the status, so no event between the two is lost (a duplicate
        // progress event is harmless; a lost batch_completed would leave the client waiting).
        let live = api.events(batchID: batchID)
        let snapshot = try JSONResponse.encode(try await api.batchStatus(batchID: batchID))
        let stream = BatchEventStream<API.Event>(snapshot: snapshot, events: live, heartbeat: heartbeat, retry: retry)
        return Response(status: .ok,
                        headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache",
                                  HTTPField.Name("X-Accel-Buffering")!: "no"],
                        body: stream.body)
    }

    /// The one string field of an id-only body (`{"task_id": "bt_20240107_001"}`).
    private static func identifier(_ key: String, of request: Request, context: APIRequestContext) async throws -> String {
        try RequestObject(try await JSONRequestBody.read(request, context: context), allowed: [key]).requiredString(key)
    }

    /// `batch_id` from the query string, the only parameter the event stream takes.
    static func batchID(inQueryOf request: Request) throws -> String {
        var members: [String: JSONValue] = [:]
        for (key, value) in request.uri.queryParameters {
            let name = String(key)
            guard members[name] == nil else {
                throw APIError.invalidField(name, reason: "repeated parameter", message: "\(name)只能出现一次")
            }
            members[name] = .string(String(value))
        }
        return try RequestObject(.object(members), allowed: ["batch_id"]).requiredString("batch_id")
    }
}
