/// The getTaskList answer (seed 000): a page of tasks, newest first, with each completed task's
/// headline figures from its result.
public struct TaskListPage: Sendable, Encodable, Equatable {
    public struct Row: Sendable, Encodable, Equatable {
        public var taskID: String
        public var batchID: String?
        public var name: String
        public var stockCode: String
        public var status: TaskState
        public var progress: Int
        public var createdAt: String
        public var completedAt: String?
        /// `28分钟`: started → completed (null until completed).
        public var duration: String?
        public var durationSeconds: Int?
        /// A task is one stock.
        public var stockCount: Int
        public var totalReturn: Double?
        public var annualReturn: Double?
        /// ≤ 0: the largest fall from a peak, as in the results (−0.082 = 8.2 %).
        public var maxDrawdown: Double?
        public var sharpeRatio: Double?

        enum CodingKeys: String, CodingKey {
            case taskID = "task_id", batchID = "batch_id", name, stockCode = "stock_code", status, progress
            case createdAt = "created_at", completedAt = "completed_at", duration, durationSeconds = "duration_seconds"
            case stockCount = "stock_count", totalReturn = "total_return", annualReturn = "annual_return"
            case maxDrawdown = "max_drawdown", sharpeRatio = "sharpe_ratio"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(taskID, forKey: .taskID)
            try c.encode(batchID, forKey: .batchID)
            try c.encode(name, forKey: .name)
            try c.encode(stockCode, forKey: .stockCode)
            try c.encode(status, forKey: .status)
            try c.encode(progress, forKey: .progress)
            try c.encode(createdAt, forKey: .createdAt)
            try c.encode(completedAt, forKey: .completedAt)
            try c.encode(duration, forKey: .duration)
            try c.encode(durationSeconds, forKey: .durationSeconds)
            try c.encode(stockCount, forKey: .stockCount)
            try c.encode(totalReturn, forKey: .totalReturn)
            try c.encode(annualReturn, forKey: .annualReturn)
            try c.encode(maxDrawdown, forKey: .maxDrawdown)
            try c.encode(sharpeRatio, forKey: .sharpeRatio)
        }
    }

    public var total: Int
    public var page: Int
    public var size: Int
    public var tasks: [Row]
}
