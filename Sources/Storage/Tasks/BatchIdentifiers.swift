/// The ids `insertBatch` allocated: `batch_YYYYMMDD_NNN` and one `bt_YYYYMMDD_NNN` per task, in order.
public struct BatchIdentifiers: Sendable, Equatable {
    public var batchID: String
    public var taskIDs: [String]

    public init(batchID: String, taskIDs: [String]) {
        self.batchID = batchID
        self.taskIDs = taskIDs
    }
}
