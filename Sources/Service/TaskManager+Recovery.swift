import Foundation
import Storage

extension TaskManager {
    /// Requeues running tasks whose worker is gone: all of them at start (`expiredBy` nil: this
    /// process owns the queue), or those whose lease expired before `expiredBy` (the sweep). A task
    /// that used all its attempts is failed instead (it may be the one that kills its workers).
    func recoverAbandoned(expiredBy: Date?) async throws {
        let now = now()
        let recovered = try await queueEntry.withExclusiveAccess { try await self.requeueAbandoned(expiredBy: expiredBy, at: now) }
        for (before, after) in recovered {
            let to = TaskState(rawValue: after.status) ?? .queued
            logger.warning(to == .failed ? "abandoned task failed: no attempts left" : "abandoned task requeued",
                           metadata: ["task_id": "\(after.taskID)", "stock_code": "\(after.stockCode)",
                                      "lease_owner": "\(before.leaseOwner ?? "")"])
            if to.isTerminal { await publishCompletionIfDone(batchID: after.batchID) }
        }
        if recovered.contains(where: { $0.after.status == TaskState.queued.rawValue }) { await signal.signal() }
    }

    /// The store's part of `recoverAbandoned` and the transitions' events (inside `queueEntry`).
    private func requeueAbandoned(expiredBy: Date?, at now: Date) async throws
        -> [(before: BacktestTaskRecord, after: BacktestTaskRecord)]
    {
        let recovered = try await repository.recoverAbandoned(
            expiredBy: expiredBy, requeue: TaskStateMachine.change(.requeue), requeueStage: "排队中（已恢复）",
            fail: TaskStateMachine.change(.fail), failStage: TaskState.failed.stage,
            failure: { task in
                TaskFailure(code: "worker_lost",
                            message: "the worker running this task stopped (attempt \(task.attempts) of \(task.maxAttempts))",
                            field: nil, retryable: false).record(task: task, at: now)
            },
            at: now)
        for (_, after) in recovered {
            let to = TaskState(rawValue: after.status) ?? .queued
            publishTransition(after, from: .running, to: to, errorMessage: to == .failed ? after.errorMessage : nil)
        }
        return recovered
    }

    /// Queues tasks a crash left pending between a batch's insert and its enqueue.
    func enqueueLeftPending() async throws {
        let counts = try await repository.statusCounts()
        guard (counts[TaskState.pending.rawValue] ?? 0) > 0 else { return }
        // Enqueueing takes the tasks out of `pending`, so the first page is always the next one.
        while true {
            let (_, tasks) = try await repository.page(TaskListFilter(status: TaskState.pending.rawValue), offset: 0, limit: 100)
            let batches = Set(tasks.compactMap(\.batchID))
            guard !batches.isEmpty else { return }
            for batchID in batches.sorted() { try await enqueue(batchID: batchID) }
        }
    }

    /// Moves a batch's pending tasks to the queue and wakes the workers.
    func enqueue(batchID: String) async throws {
        try await queueEntry.withExclusiveAccess {
            let queued = try await repository.changeStatus(batchID: batchID, TaskStateMachine.change(.enqueue),
                                                           stage: TaskState.queued.stage, at: now())
            for task in queued { publishTransition(task, from: .pending, to: .queued) }
        }
        await signal.signal()
    }

    /// Every `sweepInterval`: requeues tasks whose lease expired (their worker stopped writing).
    func sweepLoop() async {
        while !Task.isCancelled && !isStopping {
            do {
                try await Task.sleep(for: configuration.sweepInterval)
            } catch {
                return
            }
            do {
                try await recoverAbandoned(expiredBy: now())
            } catch {
                logger.error("lease sweep failed", metadata: ["error": "\(error)"])
            }
        }
    }
}
