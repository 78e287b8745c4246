import Foundation
import HuiceCore
import SQLKit

extension BacktestTaskRepository {
    // MARK: - Status changes outside a worker

    /// Applies `change` to every task of `batchID` in one of its `from` statuses; returns the changed
    /// tasks. `finishes` stamps `completed_at` (a terminal status); the stage replaces `current_stage`.
    public func changeStatus(batchID: String, _ change: TaskStatusChange, stage: String, finishes: Bool = false,
                             at now: Date) async throws -> [BacktestTaskRecord] {
        try await write { db in
            var update = db.update(BacktestTaskTable.tasks)
                .set("status", to: SQLBind(change.to))
                .set("current_stage", to: SQLBind(stage))
                .set("updated_at", to: SQLValue.time(now))
            if finishes { update = update.set("completed_at", to: SQLValue.time(now)).set("cancel_requested", to: SQLBind(0)) }
            let rows = try await update
                .where("batch_id", .equal, SQLBind(batchID))
                .where(SQLColumn("status"), .in, SQLBind.group(change.from))
                .returning(Self.taskColumnExpressions).all()
            return Self.ordered(try rows.map(Self.task(from:)))
        }
    }

    /// Applies `change` to `taskID` when its status is one of `from`; nil when it is not (or there
    /// is no such task). `finishes` stamps `completed_at`; `restarts` makes it a fresh task for a
    /// manual retry (no attempt, no progress, due now; the last error snapshot is kept).
    public func changeStatus(taskID: String, _ change: TaskStatusChange, stage: String, finishes: Bool = false,
                             restarts: Bool = false, at now: Date) async throws -> BacktestTaskRecord? {
        try await single { db in
            var update = db.update(BacktestTaskTable.tasks)
                .set("status", to: SQLBind(change.to))
                .set("current_stage", to: SQLBind(stage))
                .set("updated_at", to: SQLValue.time(now))
            if finishes { update = update.set("completed_at", to: SQLValue.time(now)).set("cancel_requested", to: SQLBind(0)) }
            if restarts {
                update = update
                    .set("attempts", to: SQLBind(0)).set("progress", to: SQLBind(0)).set("sessions_done", to: SQLBind(0))
                    .set("cancel_requested", to: SQLBind(0)).set("next_attempt_at", to: SQLValue.milliseconds(now))
                    .set("started_at", to: SQLLiteral.null).set("completed_at", to: SQLLiteral.null)
                    .set("estimated_completion", to: SQLLiteral.null).set("error_message", to: SQLLiteral.null)
                    .set("execution_ms", to: SQLLiteral.null)
            }
            return try await update
                .where("task_id", .equal, SQLBind(taskID))
                .where(SQLColumn("status"), .in, SQLBind.group(change.from))
                .returning(Self.taskColumnExpressions).first().map(Self.task(from:))
        }
    }

    /// Marks `taskID` for cancellation when its status is `status` (running): its worker sees the
    /// flag at its next progress write and stops between days. Nil when the task is not in that status.
    public func requestCancel(taskID: String, whenStatus status: String, stage: String, at now: Date) async throws
        -> BacktestTaskRecord?
    {
        try await single { db in
            try await db.update(BacktestTaskTable.tasks)
                .set("cancel_requested", to: SQLBind(1))
                .set("current_stage", to: SQLBind(stage))
                .set("updated_at", to: SQLValue.time(now))
                .where("task_id", .equal, SQLBind(taskID))
                .where("status", .equal, SQLBind(status))
                .returning(Self.taskColumnExpressions).first().map(Self.task(from:))
        }
    }

    // MARK: - Claiming

    /// Claims the next runnable task for `owner`: status in `change.from` (queued), due
    /// (`next_attempt_at` ≤ now), highest priority first, then oldest, then first inserted. The task
    /// becomes `change.to` (running) with the lease, `started_at`, one more attempt and no progress.
    /// Nil when nothing is runnable.
    ///
    /// Safe with any number of workers: the candidate is read, then taken with an UPDATE that
    /// repeats the status condition; when another worker took it first (no row changed) the next
    /// candidate is tried. On SQLite the transaction holds the write lock throughout; on
    /// PostgreSQL the candidate row is locked with `FOR UPDATE SKIP LOCKED`, so concurrent workers
    /// pass over each other's candidates instead of waiting for them.
    public func claimNext(owner: String, _ change: TaskStatusChange, stage: String, leaseUntil: Date, at now: Date)
        async throws -> BacktestTaskRecord?
    {
        for _ in 0..<Self.claimRetries {
            let outcome: ClaimOutcome = try await write { db in
                var candidate = db.select().column("task_id").from(BacktestTaskTable.tasks)
                    .where(SQLColumn("status"), .in, SQLBind.group(change.from))
                    .where("next_attempt_at", .lessThanOrEqual, SQLBind(TaskTime.milliseconds(now)))
                    .orderBy("priority", .descending).orderBy("created_at").orderBy("id")
                    .limit(1)
                if db.dialect.name == "postgresql" {
                    candidate = candidate.lockingClause(SQLRaw("FOR UPDATE SKIP LOCKED"))
                }
                guard let taskID = try await candidate.first()?.decode(column: "task_id", as: String.self) else {
                    return .none
                }
                let claimed = try await db.update(BacktestTaskTable.tasks)
                    .set("status", to: SQLBind(change.to))
                    .set("lease_owner", to: SQLBind(owner))
                    .set("lease_expires_at", to: SQLValue.milliseconds(leaseUntil))
                    .set("started_at", to: SQLValue.time(now))
                    .set("updated_at", to: SQLValue.time(now))
                    .set("attempts", to: SQLBinaryExpression(SQLColumn("attempts"), .add, SQLLiteral.numeric("1")))
                    .set("progress", to: SQLBind(0)).set("sessions_done", to: SQLBind(0))
                    .set("current_stage", to: SQLBind(stage))
                    .set("estimated_completion", to: SQLLiteral.null)
                    .where("task_id", .equal, SQLBind(taskID))
                    .where(SQLColumn("status"), .in, SQLBind.group(change.from))
                    .returning(Self.taskColumnExpressions).first()
                return try claimed.map { .claimed(try Self.task(from: $0)) } ?? .lost
            }
            switch outcome {
            case .claimed(let task): return task
            case .none: return nil
            case .lost: continue
            }
        }
        // Lost the race every time: the queue is busy; the caller's next poll tries again.
        return nil
    }

    /// Attempts at a claim before giving up for this poll.
    static let claimRetries = 8

    private enum ClaimOutcome: Sendable {
        case claimed(BacktestTaskRecord)
        case none
        case lost
    }

    /// The earliest `next_attempt_at` of the tasks in `status` (a worker with nothing to claim
    /// sleeps until then at most); nil when there are none.
    public func nextAttemptTime(status: String) async throws -> Date? {
        try await read { db in
            try await db.select().column(SQLFunction("MIN", args: SQLColumn("next_attempt_at")), as: "t")
                .from(BacktestTaskTable.tasks).where("status", .equal, SQLBind(status))
                .first()?.optional("t", as: Int64.self).map(TaskTime.date(milliseconds:))
        }
    }

    // MARK: - A worker's writes (conditional on its lease)

    /// Records progress of a task `owner` holds and extends the lease to `leaseUntil`. Says whether
    /// the lease is still held and whether cancellation was requested.
    public func reportProgress(taskID: String, owner: String, _ report: TaskProgressReport, leaseUntil: Date,
                               at now: Date) async throws -> TaskLeaseStatus {
        try await single { db in
            let row = try await db.update(BacktestTaskTable.tasks)
                .set("progress", to: SQLBind(max(0, min(100, report.progress))))
                .set("current_stage", to: SQLBind(report.currentStage))
                .set("sessions_done", to: SQLBind(report.sessionsDone))
                .set("sessions_total", to: SQLBind(report.sessionsTotal))
                .set("estimated_completion", to: SQLValue.time(report.estimatedCompletion))
                .set("lease_expires_at", to: SQLValue.milliseconds(leaseUntil))
                .set("updated_at", to: SQLValue.time(now))
                .where("task_id", .equal, SQLBind(taskID))
                .where("lease_owner", .equal, SQLBind(owner))
                .returning("cancel_requested").first()
            guard let row else { return TaskLeaseStatus(isHeld: false, cancelRequested: false) }
            return TaskLeaseStatus(isHeld: true, cancelRequested: try row.decode(column: "cancel_requested", as: Int.self) != 0)
        }
    }

    /// Finishes a task `owner` holds: in one transaction, the status change (to completed, with
    /// progress 100), the results row and the trade records. False — and nothing written — when the
    /// worker no longer holds the task. A second result for the same (task, stock) violates the
    /// results table's unique key and rolls everything back (a `StorageError`).
    /// `sessions` is the run's session count (done and total).
    public func complete(taskID: String, owner: String, _ change: TaskStatusChange, stage: String,
                         result: BacktestResultRecord, trades: [BacktestTrade], sessions: Int, executionMilliseconds: Int64,
                         at now: Date) async throws -> Bool {
        do {
            try await write { db in
                let updated = try await db.update(BacktestTaskTable.tasks)
                    .set("status", to: SQLBind(change.to))
                    .set("progress", to: SQLBind(100))
                    .set("sessions_done", to: SQLBind(sessions))
                    .set("sessions_total", to: SQLBind(sessions))
                    .set("current_stage", to: SQLBind(stage))
                    .set("completed_at", to: SQLValue.time(now))
                    .set("updated_at", to: SQLValue.time(now))
                    .set("estimated_completion", to: SQLLiteral.null)
                    .set("execution_ms", to: SQLBind(executionMilliseconds))
                    .set("error_message", to: SQLLiteral.null)
                    .set("cancel_requested", to: SQLBind(0))
                    .set("lease_owner", to: SQLLiteral.null)
                    .set("lease_expires_at", to: SQLLiteral.null)
                    .where("task_id", .equal, SQLBind(taskID))
                    .where("lease_owner", .equal, SQLBind(owner))
                    .where(SQLColumn("status"), .in, SQLBind.group(change.from))
                    .returning("task_id").first()
                guard updated != nil else { throw LeaseLost() }
                try await Self.insertResult(result, on: db)
                try await Self.insertTrades(trades, taskID: taskID, at: now, on: db)
            }
            return true
        } catch is LeaseLost {
            return false
        }
    }

    /// Gives back a task `owner` holds with `change` (failed, cancelled, or queued for a retry or
    /// after a shutdown): clears the lease, records the error when given, sets when it may run again
    /// (`nextAttemptAt`), stamps `completed_at` when the status is final (`finishes`), and with
    /// `refundsAttempt` does not count the attempt (a shutdown is no failure). Nil when the worker
    /// no longer holds the task.
    public func release(taskID: String, owner: String, _ change: TaskStatusChange, stage: String,
                        error: TaskErrorRecord? = nil, nextAttemptAt: Date? = nil, finishes: Bool = false,
                        refundsAttempt: Bool = false, at now: Date) async throws -> BacktestTaskRecord? {
        try await single { db in
            var update = db.update(BacktestTaskTable.tasks)
                .set("status", to: SQLBind(change.to))
                .set("current_stage", to: SQLBind(stage))
                .set("updated_at", to: SQLValue.time(now))
                .set("lease_owner", to: SQLLiteral.null)
                .set("lease_expires_at", to: SQLLiteral.null)
                .set("estimated_completion", to: SQLLiteral.null)
                .set("cancel_requested", to: SQLBind(0))
            if let error {
                update = update.set("error_message", to: SQLBind(error.message)).set("error_snapshot", to: SQLBind(error.snapshot))
            }
            if let nextAttemptAt { update = update.set("next_attempt_at", to: SQLValue.milliseconds(nextAttemptAt)) }
            if finishes { update = update.set("completed_at", to: SQLValue.time(now)) }
            if refundsAttempt {
                update = update.set("attempts", to: SQLBinaryExpression(SQLColumn("attempts"), .subtract, SQLLiteral.numeric("1")))
            }
            return try await update
                .where("task_id", .equal, SQLBind(taskID))
                .where("lease_owner", .equal, SQLBind(owner))
                .where(SQLColumn("status"), .in, SQLBind.group(change.from))
                .returning(Self.taskColumnExpressions).first().map(Self.task(from:))
        }
    }

    // MARK: - Recovery

    /// Tasks left in `requeue.from` (running) by a worker that is gone: every such task, or with
    /// `expiredBy` only those whose lease expired before it. A task with attempts left goes back to
    /// `requeue.to` (queued, due now); one that used all its attempts (it may be what killed its
    /// workers) gets `fail.to` with the error `failure` makes for it. Returns each task as it was
    /// and as it is now. Each task is changed only if its owner and status are still the ones read,
    /// so a worker that renews its lease meanwhile keeps its task.
    public func recoverAbandoned(expiredBy: Date?, requeue: TaskStatusChange, requeueStage: String,
                                 fail: TaskStatusChange, failStage: String,
                                 failure: @escaping @Sendable (BacktestTaskRecord) -> TaskErrorRecord,
                                 at now: Date) async throws -> [(before: BacktestTaskRecord, after: BacktestTaskRecord)] {
        try await write { db in
            var select = db.select().columns(Self.taskColumnExpressions).from(BacktestTaskTable.tasks)
                .where(SQLColumn("status"), .in, SQLBind.group(requeue.from))
            if let expiredBy {
                select = select.where("lease_expires_at", .lessThan, SQLBind(TaskTime.milliseconds(expiredBy)))
            }
            let abandoned = Self.ordered(try await select.all().map(Self.task(from:)))
            var changed: [(before: BacktestTaskRecord, after: BacktestTaskRecord)] = []
            for task in abandoned {
                let exhausted = task.attempts >= task.maxAttempts
                var update = db.update(BacktestTaskTable.tasks)
                    .set("status", to: SQLBind(exhausted ? fail.to : requeue.to))
                    .set("current_stage", to: SQLBind(exhausted ? failStage : requeueStage))
                    .set("updated_at", to: SQLValue.time(now))
                    .set("lease_owner", to: SQLLiteral.null)
                    .set("lease_expires_at", to: SQLLiteral.null)
                    .set("estimated_completion", to: SQLLiteral.null)
                    .set("cancel_requested", to: SQLBind(0))
                if exhausted {
                    let error = failure(task)
                    update = update.set("completed_at", to: SQLValue.time(now))
                        .set("error_message", to: SQLBind(error.message)).set("error_snapshot", to: SQLBind(error.snapshot))
                } else {
                    update = update.set("next_attempt_at", to: SQLValue.milliseconds(now))
                }
                update = update.where("task_id", .equal, SQLBind(task.taskID))
                    .where(SQLColumn("status"), .in, SQLBind.group(requeue.from))
                if let owner = task.leaseOwner {
                    update = update.where("lease_owner", .equal, SQLBind(owner))
                } else {
                    update = update.where(SQLColumn("lease_owner"), .is, SQLLiteral.null)
                }
                if let after = try await update.returning(Self.taskColumnExpressions).first().map(Self.task(from:)) {
                    changed.append((task, after))
                }
            }
            return changed
        }
    }
}
