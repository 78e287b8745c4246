/// Where a backtest task is in its life (docs/TASKS.md has the diagram). The allowed moves between
/// states are `TaskStateMachine`'s, and only its.
public enum TaskState: String, Codable, Sendable, CaseIterable {
    /// Written, not yet in the queue (a batch's tasks are inserted pending, then queued together).
    case pending
    /// Waiting for a worker (possibly not before `next_attempt_at`, after a failure).
    case queued
    /// A worker holds it (a lease) and runs it.
    case running
    case completed
    case failed
    case cancelled

    /// No worker will touch it again unless a client retries it.
    public var isTerminal: Bool {
        switch self {
        case .completed, .failed, .cancelled: true
        case .pending, .queued, .running: false
        }
    }

    /// The stage shown while a task rests in this state (`current_stage`).
    var stage: String {
        switch self {
        case .pending: "待提交"
        case .queued: "排队中"
        case .running: "执行中"
        case .completed: "已完成"
        case .failed: "失败"
        case .cancelled: "已取消"
        }
    }
}
