import Foundation
import HuiceCore

/// A live event of a batch (`TaskManager.events(batchID:)`, served as SSE by the server):
///
/// - `task_state`: a task moved `from` → `to` (with `current_stage`, and `error_message` on failures).
/// - `task_progress`: a running task's `progress` (0…100), `current_stage`, `estimated_completion`.
/// - `risk_event`: the risk monitor acted during a completed task's run (`trade_date`, `kind`,
///   `value`, `limit`, `message`).
/// - `batch_completed`: every task of the batch is completed, failed or cancelled (`status`,
///   `total_tasks`, `completed_tasks`, `failed_tasks`, `cancelled_tasks`).
///
/// Keys that do not apply to an event are left out. Times are ISO 8601 UTC.
public struct TaskEvent: Sendable, Encodable, Equatable {
    public var event: String
    public var batchID: String
    public var taskID: String?
    public var stockCode: String?
    public var from: TaskState?
    public var to: TaskState?
    public var progress: Int?
    public var currentStage: String?
    public var estimatedCompletion: String?
    public var errorMessage: String?
    public var tradeDate: String?
    public var kind: String?
    public var value: Double?
    public var limit: Double?
    public var message: String?
    public var status: String?
    public var totalTasks: Int?
    public var completedTasks: Int?
    public var failedTasks: Int?
    public var cancelledTasks: Int?
    public var at: String

    init(event: String, batchID: String, at: Date) {
        self.event = event
        self.batchID = batchID
        self.at = ServiceTime.text(at)
    }

    enum CodingKeys: String, CodingKey {
        case event, batchID = "batch_id", taskID = "task_id", stockCode = "stock_code", from, to, progress
        case currentStage = "current_stage", estimatedCompletion = "estimated_completion", errorMessage = "error_message"
        case tradeDate = "trade_date", kind, value, limit, message, status, totalTasks = "total_tasks"
        case completedTasks = "completed_tasks", failedTasks = "failed_tasks", cancelledTasks = "cancelled_tasks", at
    }

    static func state(batchID: String, taskID: String, stockCode: String, from: TaskState, to: TaskState,
                      stage: String?, errorMessage: String? = nil, at: Date) -> TaskEvent {
        var e = TaskEvent(event: "task_state", batchID: batchID, at: at)
        e.taskID = taskID
        e.stockCode = stockCode
        e.from = from
        e.to = to
        e.currentStage = stage
        e.errorMessage = errorMessage
        return e
    }

    static func progress(batchID: String, taskID: String, stockCode: String, progress: Int, stage: String,
                         estimatedCompletion: Date?, at: Date) -> TaskEvent {
        var e = TaskEvent(event: "task_progress", batchID: batchID, at: at)
        e.taskID = taskID
        e.stockCode = stockCode
        e.progress = progress
        e.currentStage = stage
        e.estimatedCompletion = estimatedCompletion.map(ServiceTime.text)
        return e
    }

    static func risk(batchID: String, taskID: String, stockCode: String, _ risk: RiskEvent, at: Date) -> TaskEvent {
        var e = TaskEvent(event: "risk_event", batchID: batchID, at: at)
        e.taskID = taskID
        e.stockCode = stockCode
        e.tradeDate = risk.tradeDate.isoString
        e.kind = risk.kind.rawValue
        e.value = risk.value
        e.limit = risk.limit
        e.message = risk.message
        return e
    }

    static func batchCompleted(batchID: String, status: String, total: Int, completed: Int, failed: Int,
                               cancelled: Int, at: Date) -> TaskEvent {
        var e = TaskEvent(event: "batch_completed", batchID: batchID, at: at)
        e.status = status
        e.totalTasks = total
        e.completedTasks = completed
        e.failedTasks = failed
        e.cancelledTasks = cancelled
        return e
    }
}
