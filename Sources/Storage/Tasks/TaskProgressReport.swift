import Foundation

/// What a worker writes while a task runs (at most every progress interval); the write also
/// extends the worker's lease.
public struct TaskProgressReport: Sendable, Equatable {
    /// 0…100.
    public var progress: Int
    public var currentStage: String
    public var sessionsDone: Int
    public var sessionsTotal: Int
    public var estimatedCompletion: Date?

    public init(progress: Int, currentStage: String, sessionsDone: Int, sessionsTotal: Int, estimatedCompletion: Date?) {
        self.progress = progress
        self.currentStage = currentStage
        self.sessionsDone = sessionsDone
        self.sessionsTotal = sessionsTotal
        self.estimatedCompletion = estimatedCompletion
    }
}

/// The store's answer to a progress write.
public struct TaskLeaseStatus: Sendable, Equatable {
    /// False when the task is no longer running under this worker (its lease expired and the task
    /// was requeued, or it was finished elsewhere): the worker must stop and write nothing more.
    public var isHeld: Bool
    /// A client asked to cancel the task: the worker stops it between days.
    public var cancelRequested: Bool

    public init(isHeld: Bool, cancelRequested: Bool) {
        self.isHeld = isHeld
        self.cancelRequested = cancelRequested
    }
}
