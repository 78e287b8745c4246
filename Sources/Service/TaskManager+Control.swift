import Foundation
import Storage

extension TaskManager {
    /// Cancels a task: a pending or queued one at once; a running one is marked, and its worker
    /// stops it after the current day (it then becomes `cancelled`, with no result). `.conflict`
    /// for a task that is already completed, failed or cancelled.
    public func cancelTask(taskID: String) async throws -> TaskStatus {
        guard let before = try await repository.task(id: taskID) else { throw ServiceError.notFound(kind: "task", id: taskID) }
        let now = now()
        if let cancelled = try await repository.changeStatus(taskID: taskID, TaskStateMachine.change(.cancel),
                                                             stage: TaskState.cancelled.stage, finishes: true, at: now) {
            publishTransition(cancelled, from: TaskState(rawValue: before.status) ?? .queued, to: .cancelled)
            logger.info("task cancelled", metadata: ["task_id": "\(taskID)"])
            await publishCompletionIfDone(batchID: cancelled.batchID)
            return Self.status(cancelled)
        }
        if let marked = try await repository.requestCancel(taskID: taskID, whenStatus: TaskState.running.rawValue,
                                                           stage: "取消中", at: now) {
            stopLocally(taskID, .cancelRequested)
            logger.info("task cancellation requested", metadata: ["task_id": "\(taskID)"])
            return Self.status(marked)
        }
        let current = try await repository.task(id: taskID) ?? before
        _ = try TaskStateMachine.target(of: .cancel, from: TaskState(rawValue: current.status) ?? .completed)
        // Not reached: a pending or queued task would have been cancelled above.
        return Self.status(current)
    }

    /// Cancels every task of a batch that is not final yet (see `cancelTask`); returns the batch's status.
    public func cancelBatch(batchID: String) async throws -> BatchStatus {
        guard try await repository.batch(id: batchID) != nil else { throw ServiceError.notFound(kind: "batch", id: batchID) }
        let now = now()
        let before = try await repository.tasks(batchID: batchID)
        let cancelled = try await repository.changeStatus(batchID: batchID, TaskStateMachine.change(.cancel),
                                                          stage: TaskState.cancelled.stage, finishes: true, at: now)
        let previous = Dictionary(uniqueKeysWithValues: before.map { ($0.taskID, $0.status) })
        for task in cancelled {
            publishTransition(task, from: previous[task.taskID].flatMap(TaskState.init(rawValue:)) ?? .queued, to: .cancelled)
        }
        for task in before where task.status == TaskState.running.rawValue {
            if try await repository.requestCancel(taskID: task.taskID, whenStatus: TaskState.running.rawValue,
                                                  stage: "取消中", at: now) != nil {
                stopLocally(task.taskID, .cancelRequested)
            }
        }
        logger.info("batch cancelled", metadata: ["batch_id": "\(batchID)", "cancelled": "\(cancelled.count)"])
        await publishCompletionIfDone(batchID: batchID)
        return try await batchStatus(batchID: batchID)
    }

    /// Puts a failed or cancelled task back in the queue as new (no attempts, no progress; its last
    /// error snapshot is kept until it succeeds). `.conflict` for any other state.
    public func retryTask(taskID: String) async throws -> TaskStatus {
        guard let before = try await repository.task(id: taskID) else { throw ServiceError.notFound(kind: "task", id: taskID) }
        let from = TaskState(rawValue: before.status) ?? .pending
        let retried = try await queueEntry.withExclusiveAccess { () async throws -> BacktestTaskRecord? in
            let retried = try await self.repository.changeStatus(taskID: taskID, TaskStateMachine.change(.retry),
                                                                 stage: TaskState.queued.stage, restarts: true, at: self.now())
            if let retried { self.publishTransition(retried, from: from, to: .queued) }
            return retried
        }
        guard let retried else {
            let current = try await repository.task(id: taskID) ?? before
            _ = try TaskStateMachine.target(of: .retry, from: TaskState(rawValue: current.status) ?? .pending)
            return Self.status(current)
        }
        logger.info("task retried", metadata: ["task_id": "\(taskID)"])
        await signal.signal()
        return Self.status(retried)
    }
}
