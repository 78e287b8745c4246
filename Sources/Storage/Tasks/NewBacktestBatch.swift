import HuiceCore

/// What `BacktestTaskRepository.insertBatch` writes: the batch row and its tasks, made once the
/// ids are allocated (a task's config snapshot carries its own id as `backtest_id`).
public struct NewBacktestBatch: Sendable {
    public var name: String
    public var description: String?
    /// The request body as JSON text.
    public var request: String
    public var priority: Int
    public var tasks: [NewBacktestTask]

    public init(name: String, description: String?, request: String, priority: Int, tasks: [NewBacktestTask]) {
        self.name = name
        self.description = description
        self.request = request
        self.priority = priority
        self.tasks = tasks
    }
}
