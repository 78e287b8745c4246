import Foundation
import HuiceCore
import Server
import Service

/// A stand-in for the TaskManager behind the routes: answers with the seed's example shapes
/// (as JSON values), knows one batch and one task, and throws the contract's errors for the rest,
/// so the route tests check request validation and envelope mapping only.
struct FakeBacktestAPI: BacktestAPI {
    static let batchID = "batch_20240107_001"
    static let taskID = "bt_20240107_001"
    /// A task that is already finished: cancelling it is a conflict.
    static let finishedTaskID = "bt_20240107_002"

    /// What getBatchStatus answers (and the event stream's first event).
    var batchStatus: JSONValue = .object([
        "batch_id": .string(batchID), "name": "因子组合回测任务批次", "status": "running", "progress": 65,
        "total_tasks": 3, "completed_tasks": 2, "failed_tasks": 0,
    ])
    /// The live events of `batchID`, yielded in order.
    var liveEvents: [FakeEvent] = []
    /// Pause before each live event (to let heartbeats through).
    var eventDelay: Duration = .zero

    typealias BatchSpec = JSONValue
    typealias ListQuery = JSONValue
    typealias Parts = JSONValue

    /// A stand-in for BatchRequest.parse: `stock_pool` must be a non-empty list.
    static func parseBatch(_ body: JSONValue) throws -> JSONValue {
        guard case .array(let pool) = body.objectValue?["stock_pool"] ?? .null, !pool.isEmpty else {
            throw RequestError(field: "stock_pool", reason: "required field missing", message: "stock_pool不能为空")
        }
        return body
    }

    static func parseTaskListQuery(_ body: JSONValue) throws -> JSONValue { body }

    static func parseResultRequest(_ body: JSONValue) throws -> (taskID: String, parts: JSONValue) {
        guard let id = body.objectValue?["task_id"]?.stringValue else {
            throw ServiceError.invalidRequest(RequestError(field: "task_id", reason: "required field missing",
                                                           message: "task_id不能为空"))
        }
        return (id, body)
    }

    func createBatch(_ request: JSONValue) async throws -> JSONValue {
        .object(["batch_id": .string(Self.batchID), "task_ids": [.string(Self.taskID)], "total_tasks": 1, "status": "pending",
                 "created_at": "2024-01-07T10:00:00Z", "estimated_duration": "90分钟"])
    }

    func batchStatus(batchID: String) async throws -> JSONValue {
        guard batchID == Self.batchID else { throw ServiceError.notFound(kind: "batch", id: batchID) }
        return batchStatus
    }

    func taskStatus(taskID: String) async throws -> JSONValue {
        guard taskID == Self.taskID else { throw ServiceError.notFound(kind: "task", id: taskID) }
        return .object(["task_id": .string(taskID), "batch_id": .string(Self.batchID), "status": "running", "progress": 65])
    }

    func taskList(_ query: JSONValue) async throws -> JSONValue {
        .object(["total": 0, "page": 1, "size": 20, "tasks": []])
    }

    func taskResults(taskID: String, include: JSONValue) async throws -> JSONValue {
        guard taskID == Self.taskID else { throw ServiceError.notFound(kind: "task", id: taskID) }
        return .object(["task_id": .string(taskID), "summary": .object(["total_trades": 1250])])
    }

    func cancelTask(taskID: String) async throws -> JSONValue {
        if taskID == Self.finishedTaskID {
            throw ServiceError.conflict(field: "status", message: "任务状态为completed，不能取消（cancel needs pending or queued）")
        }
        return try await taskStatus(taskID: taskID)
    }

    func cancelBatch(batchID: String) async throws -> JSONValue { try await batchStatus(batchID: batchID) }

    func retryTask(taskID: String) async throws -> JSONValue { try await taskStatus(taskID: taskID) }

    func events(batchID: String) -> AsyncStream<FakeEvent> {
        let events = liveEvents, delay = eventDelay
        return AsyncStream { continuation in
            let producer = Task {
                for event in events {
                    if delay > .zero { try? await Task.sleep(for: delay) }
                    continuation.yield(event)
                }
                // Like a live manager, the stream stays open after its events.
            }
            continuation.onTermination = { _ in producer.cancel() }
        }
    }

    func updateStateGauges() async throws {}
}

/// A task event as the manager would send it: its name and a few fields.
struct FakeEvent: NamedEvent {
    var event: String
    var taskID: String?
    var progress: Int?

    enum CodingKeys: String, CodingKey { case event, taskID = "task_id", progress }
}
