/// The named moves of a task between states. Their sources and targets are
/// `TaskStateMachine.table`'s.
public enum TaskTransition: String, Sendable, CaseIterable {
    /// pending → queued: a new batch's tasks enter the queue.
    case enqueue
    /// queued → running: a worker takes the task.
    case claim
    /// running → completed: the result is stored.
    case complete
    /// running → failed: a deterministic error, or the last attempt failed.
    case fail
    /// running → cancelled: the worker stopped between days after a cancel request.
    case stop
    /// pending | queued → cancelled: cancelled before any worker took it.
    case cancel
    /// running → queued: a failure that may pass (storage, unexpected); runs again after a backoff.
    case retryLater
    /// running → queued: the worker went away (shutdown, crash, expired lease); runs again now.
    case requeue
    /// failed | cancelled → queued: a client asked to run it again.
    case retry

    /// The states this move starts from.
    public var sources: [TaskState] { TaskStateMachine.table[self]!.from }
    /// The state it ends in.
    public var target: TaskState { TaskStateMachine.table[self]!.to }
}
