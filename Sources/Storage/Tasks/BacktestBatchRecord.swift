import Foundation

/// One row of `backtest_batches`: a createBatch request. A batch's status is derived from its tasks.
public struct BacktestBatchRecord: Sendable, Equatable {
    public var batchID: String
    public var name: String
    public var description: String?
    /// The request body as JSON text.
    public var request: String
    public var priority: Int
    public var taskCount: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(batchID: String, name: String, description: String?, request: String, priority: Int, taskCount: Int,
                createdAt: Date, updatedAt: Date) {
        self.batchID = batchID
        self.name = name
        self.description = description
        self.request = request
        self.priority = priority
        self.taskCount = taskCount
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
