import Foundation

/// Which tasks a task-list page holds.
public struct TaskListFilter: Sendable, Equatable {
    public var status: String?
    /// Tasks created at or after this time.
    public var createdFrom: Date?
    /// Tasks created before this time.
    public var createdBefore: Date?
    public var batchID: String?

    public init(status: String? = nil, createdFrom: Date? = nil, createdBefore: Date? = nil, batchID: String? = nil) {
        self.status = status
        self.createdFrom = createdFrom
        self.createdBefore = createdBefore
        self.batchID = batchID
    }
}
