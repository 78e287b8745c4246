import HuiceCore

/// The getTaskStatus answer (seed 000), plus the queue's view of the task (attempts, error).
public struct TaskStatus: Sendable, Encodable, Equatable {
    public var taskID: String
    public var batchID: String?
    public var name: String
    public var stockCode: String
    public var status: TaskState
    /// 0…100.
    public var progress: Int
    public var createdAt: String
    public var startedAt: String?
    public var completedAt: String?
    public var estimatedCompletion: String?
    public var currentStage: String?
    /// Seed 000's stock counters; a task is one stock: 1 of 1 once it is completed.
    public var processedStocks: Int
    public var totalStocks: Int
    public var startDate: String
    public var endDate: String
    public var backtestMode: String
    public var factorCombinationID: String?
    public var priority: Int
    public var attempts: Int
    public var maxAttempts: Int
    /// When a queued task may run next (after a failure's backoff).
    public var nextAttemptAt: String?
    public var cancelRequested: Bool
    public var sessionsDone: Int
    public var sessionsTotal: Int
    public var errorMessage: String?
    /// The last failure: `{code, message, field?, attempt, max_attempts, retryable, at, config}`.
    public var error: JSONValue?

    enum CodingKeys: String, CodingKey {
        case taskID = "task_id", batchID = "batch_id", name, stockCode = "stock_code", status, progress
        case createdAt = "created_at", startedAt = "started_at", completedAt = "completed_at"
        case estimatedCompletion = "estimated_completion", currentStage = "current_stage"
        case processedStocks = "processed_stocks", totalStocks = "total_stocks", startDate = "start_date"
        case endDate = "end_date", backtestMode = "backtest_mode", factorCombinationID = "factor_combination_id"
        case priority, attempts, maxAttempts = "max_attempts", nextAttemptAt = "next_attempt_at"
        case cancelRequested = "cancel_requested", sessionsDone = "sessions_done", sessionsTotal = "sessions_total"
        case errorMessage = "error_message", error
    }

    /// Every key is written; absent values are `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(taskID, forKey: .taskID)
        try c.encode(batchID, forKey: .batchID)
        try c.encode(name, forKey: .name)
        try c.encode(stockCode, forKey: .stockCode)
        try c.encode(status, forKey: .status)
        try c.encode(progress, forKey: .progress)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(completedAt, forKey: .completedAt)
        try c.encode(estimatedCompletion, forKey: .estimatedCompletion)
        try c.encode(currentStage, forKey: .currentStage)
        try c.encode(processedStocks, forKey: .processedStocks)
        try c.encode(totalStocks, forKey: .totalStocks)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(endDate, forKey: .endDate)
        try c.encode(backtestMode, forKey: .backtestMode)
        try c.encode(factorCombinationID, forKey: .factorCombinationID)
        try c.encode(priority, forKey: .priority)
        try c.encode(attempts, forKey: .attempts)
        try c.encode(maxAttempts, forKey: .maxAttempts)
        try c.encode(nextAttemptAt, forKey: .nextAttemptAt)
        try c.encode(cancelRequested, forKey: .cancelRequested)
        try c.encode(sessionsDone, forKey: .sessionsDone)
        try c.encode(sessionsTotal, forKey: .sessionsTotal)
        try c.encode(errorMessage, forKey: .errorMessage)
        try c.encode(error, forKey: .error)
    }
}
