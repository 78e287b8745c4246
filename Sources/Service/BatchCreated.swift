/// The createBatch answer (seed 000): the ids, and a rough duration from recent task times.
public struct BatchCreated: Sendable, Encodable, Equatable {
    public var batchID: String
    public var taskIDs: [String]
    public var totalTasks: Int
    /// The batch's status once its tasks are in the queue (`queued`).
    public var status: TaskState
    public var createdAt: String
    /// `约2分钟`: recent average task time × (tasks ahead + these) / workers.
    public var estimatedDuration: String
    public var estimatedDurationSeconds: Int

    enum CodingKeys: String, CodingKey {
        case batchID = "batch_id", taskIDs = "task_ids", totalTasks = "total_tasks", status, createdAt = "created_at"
        case estimatedDuration = "estimated_duration", estimatedDurationSeconds = "estimated_duration_seconds"
    }
}
