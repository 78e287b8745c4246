import Storage

/// The task state machine, in one place: which moves exist (`table`), whether a move is allowed
/// from a state, and the conditional status change the store applies for it (so the rule holds
/// even when two callers race: the store changes a row only if it is still in a source state).
///
///     pending ─enqueue─▶ queued ─claim─▶ running ─complete─▶ completed
///     pending, queued ─cancel─▶ cancelled        running ─fail─▶ failed
///     running ─stop─▶ cancelled (after a cancel request, between days)
///     running ─retryLater / requeue─▶ queued     failed, cancelled ─retry─▶ queued
///
/// Anything else (cancel a completed task, retry a running one, …) is `ServiceError.conflict`.
public enum TaskStateMachine {
    /// Every move: its source states and its target.
    public static let table: [TaskTransition: (from: [TaskState], to: TaskState)] = [
        .enqueue: ([.pending], .queued),
        .claim: ([.queued], .running),
        .complete: ([.running], .completed),
        .fail: ([.running], .failed),
        .stop: ([.running], .cancelled),
        .cancel: ([.pending, .queued], .cancelled),
        .retryLater: ([.running], .queued),
        .requeue: ([.running], .queued),
        .retry: ([.failed, .cancelled], .queued),
    ]

    /// Whether any move leads from `from` to `to`.
    public static func allows(from: TaskState, to: TaskState) -> Bool {
        table.values.contains { $0.to == to && $0.from.contains(from) }
    }

    /// The state `transition` leads to from `state`; `ServiceError.conflict` when it does not start there.
    public static func target(of transition: TaskTransition, from state: TaskState) throws(ServiceError) -> TaskState {
        let move = table[transition]!
        guard move.from.contains(state) else {
            throw ServiceError.conflict(
                field: "status",
                message: "任务状态为\(state.rawValue)，不能\(transition.verb)（\(transition.rawValue) needs "
                    + move.from.map(\.rawValue).joined(separator: " or ") + "）")
        }
        return move.to
    }

    /// Checks a move given by its two ends; `ServiceError.conflict` when no move leads there.
    public static func validate(from: TaskState, to: TaskState) throws(ServiceError) {
        guard allows(from: from, to: to) else {
            throw ServiceError.conflict(field: "status", message: "任务状态不能从\(from.rawValue)变为\(to.rawValue)")
        }
    }

    /// The store's conditional update for `transition`.
    static func change(_ transition: TaskTransition) -> TaskStatusChange {
        let move = table[transition]!
        return TaskStatusChange(from: move.from.map(\.rawValue), to: move.to.rawValue)
    }
}

extension TaskTransition {
    /// The Chinese verb for conflict messages.
    var verb: String {
        switch self {
        case .enqueue: "入队"
        case .claim: "领取"
        case .complete: "完成"
        case .fail: "标记失败"
        case .stop: "停止"
        case .cancel: "取消"
        case .retryLater, .requeue: "重新排队"
        case .retry: "重试"
        }
    }
}
