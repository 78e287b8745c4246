import Foundation

/// What a batch's status shows of each task: a narrow row, so a status query over a large batch
/// reads eight columns per task instead of the whole record (with its config snapshot).
public struct BatchTaskState: Sendable, Equatable {
    public var taskID: String
    public var stockCode: String
    public var status: String
    public var progress: Int
    public var currentStage: String?
    public var errorMessage: String?
    public var startedAt: Date?
    public var completedAt: Date?

    public init(taskID: String, stockCode: String, status: String, progress: Int, currentStage: String?,
                errorMessage: String?, startedAt: Date?, completedAt: Date?) {
        self.taskID = taskID
        self.stockCode = stockCode
        self.status = status
        self.progress = progress
        self.currentStage = currentStage
        self.errorMessage = errorMessage
        self.startedAt = startedAt
        self.completedAt = completedAt
    }
}
