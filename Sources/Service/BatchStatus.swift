/// The getBatchStatus answer (seed 000), derived from the batch's tasks.
///
/// `status`: `running` while any task runs or some finished and others wait; `queued`/`pending`
/// while none started; once every task is final, `failed` if any failed, else `completed` if
/// any completed, else `cancelled`. `progress` is the mean of the tasks' progress (final tasks
/// count 100).
public struct BatchStatus: Sendable, Encodable, Equatable {
    public struct TaskEntry: Sendable, Encodable, Equatable {
        public var taskID: String
        public var stockCode: String
        public var status: TaskState
        public var progress: Int
        public var currentStage: String?
        public var errorMessage: String?

        enum CodingKeys: String, CodingKey {
            case taskID = "task_id", stockCode = "stock_code", status, progress, currentStage = "current_stage"
            case errorMessage = "error_message"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(taskID, forKey: .taskID)
            try c.encode(stockCode, forKey: .stockCode)
            try c.encode(status, forKey: .status)
            try c.encode(progress, forKey: .progress)
            try c.encode(currentStage, forKey: .currentStage)
            try c.encode(errorMessage, forKey: .errorMessage)
        }
    }

    public var batchID: String
    public var name: String
    public var description: String?
    public var status: TaskState
    public var progress: Int
    public var totalTasks: Int
    public var completedTasks: Int
    public var failedTasks: Int
    public var cancelledTasks: Int
    public var runningTasks: Int
    public var queuedTasks: Int
    public var createdAt: String
    public var startedAt: String?
    public var completedAt: String?
    public var estimatedCompletion: String?
    public var currentStage: String
    public var tasks: [TaskEntry]
    /// The completed tasks' results at a glance; nil (`null`) until one completes.
    public var summary: BatchSummary?

    enum CodingKeys: String, CodingKey {
        case batchID = "batch_id", name, description, status, progress, totalTasks = "total_tasks"
        case completedTasks = "completed_tasks", failedTasks = "failed_tasks", cancelledTasks = "cancelled_tasks"
        case runningTasks = "running_tasks", queuedTasks = "queued_tasks", createdAt = "created_at"
        case startedAt = "started_at", completedAt = "completed_at", estimatedCompletion = "estimated_completion"
        case currentStage = "current_stage", tasks, summary
    }

    /// Every key is written; absent times are `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(batchID, forKey: .batchID)
        try c.encode(name, forKey: .name)
        try c.encode(description, forKey: .description)
        try c.encode(status, forKey: .status)
        try c.encode(progress, forKey: .progress)
        try c.encode(totalTasks, forKey: .totalTasks)
        try c.encode(completedTasks, forKey: .completedTasks)
        try c.encode(failedTasks, forKey: .failedTasks)
        try c.encode(cancelledTasks, forKey: .cancelledTasks)
        try c.encode(runningTasks, forKey: .runningTasks)
        try c.encode(queuedTasks, forKey: .queuedTasks)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(completedAt, forKey: .completedAt)
        try c.encode(estimatedCompletion, forKey: .estimatedCompletion)
        try c.encode(currentStage, forKey: .currentStage)
        try c.encode(tasks, forKey: .tasks)
        try c.encode(summary, forKey: .summary)
    }
}
