import Foundation
import HuiceCore
import SQLKit

/// The backtest task queue and its outputs in a store (schema v4), on any `StoreDatabase`
/// (SQLite or PostgreSQL), with SQLKit builders only.
///
/// Every operation that changes more than one row, or reads and then writes, is one transaction;
/// every status change is a conditional `UPDATE … WHERE status IN (…)` (`TaskStatusChange`), and
/// everything a worker writes about a running task is also conditional on its lease
/// (`lease_owner`), so several workers — in this process or another one on the same store — can
/// never both claim a task, and a worker that lost its lease can never finish a task. Which
/// changes exist is the service's business (its state machine); this type applies them.
public struct BacktestTaskRepository: Sendable {
    public let database: any StoreDatabase

    public init(database: any StoreDatabase) {
        self.database = database
    }

    // MARK: - Creating

    /// Allocates a batch id and `taskCount` task ids (per UTC day of `now`, in one transaction with
    /// the inserts), asks `make` for the batch with its tasks, and inserts them all — or nothing.
    /// Tasks are inserted with status `pendingStatus`, no attempt, and due at `now`.
    public func insertBatch(taskCount: Int, status pendingStatus: String, at now: Date,
                            _ make: @escaping @Sendable (BatchIdentifiers) throws -> NewBacktestBatch) async throws
        -> BatchIdentifiers
    {
        try await write { db in
            let day = DailyIdentifier.utcDay(now)
            let batchID = try await Self.allocate(kind: "batch", count: 1, day: day, on: db, table: BacktestTaskTable.batches,
                                                  column: "batch_id")[0]
            let taskIDs = try await Self.allocate(kind: "bt", count: taskCount, day: day, on: db, table: BacktestTaskTable.tasks,
                                                  column: "task_id")
            let ids = BatchIdentifiers(batchID: batchID, taskIDs: taskIDs)
            let batch: NewBacktestBatch
            do {
                batch = try make(ids)
            } catch {
                throw CallerError(error: error)
            }
            precondition(batch.tasks.count == taskCount, "make returned \(batch.tasks.count) tasks for \(taskCount) ids")
            try await db.insert(into: BacktestTaskTable.batches)
                .columns("batch_id", "name", "description", "request", "priority", "task_count", "created_at", "updated_at")
                .values(SQLBind(batchID), SQLBind(batch.name), SQLValue.bind(batch.description), SQLBind(batch.request),
                        SQLBind(batch.priority), SQLBind(taskCount), SQLValue.time(now), SQLValue.time(now))
                .run()
            let columns = ["task_id", "batch_id", "task_name", "task_type", "stock_code", "start_date", "end_date",
                           "backtest_mode", "factor_combination_id", "config", "factor_combination", "status", "created_at",
                           "updated_at",
                           "priority", "attempts", "max_attempts", "next_attempt_at", "cancel_requested", "progress",
                           "sessions_done", "sessions_total", "current_stage"]
            for chunk in Array(zip(taskIDs, batch.tasks)).chunked(into: Self.rowsPerInsert) {
                var insert = db.insert(into: BacktestTaskTable.tasks).columns(columns)
                for (id, task) in chunk {
                    insert = insert.values([
                        SQLBind(id), SQLBind(batchID), SQLBind(task.taskName), SQLBind(task.taskType), SQLBind(task.stockCode),
                        SQLBind(Int(task.startDate.yyyymmdd)), SQLBind(Int(task.endDate.yyyymmdd)), SQLBind(task.backtestMode),
                        SQLValue.bind(task.factorCombinationID), SQLBind(task.config), SQLValue.bind(task.factorCombination),
                        SQLBind(pendingStatus),
                        SQLValue.time(now), SQLValue.time(now), SQLBind(task.priority), SQLBind(0), SQLBind(task.maxAttempts),
                        SQLValue.milliseconds(now), SQLBind(0), SQLBind(0), SQLBind(0), SQLBind(0), SQLLiteral.null,
                    ])
                }
                try await insert.run()
            }
            return ids
        }
    }

    // MARK: - Running

    /// Rows per multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound
    /// parameters for the widest table (trade records, 37 columns).
    static let rowsPerInsert = 100

    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await wrappingErrors { try await database.read(body) }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await wrappingErrors { try await database.transaction(body) }
    }

    func single<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await wrappingErrors { try await database.withConnection(body) }
    }

    /// Storage errors, lease losses and the caller's own errors pass; anything else (SQL) becomes
    /// a `StorageError`.
    private func wrappingErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StorageError {
            throw error
        } catch let error as LeaseLost {
            throw error
        } catch let error as CallerError {
            throw error.error
        } catch {
            throw StorageError(file: database.location, table: BacktestTaskTable.tasks, reason: "\(error)")
        }
    }

    /// Thrown inside a transaction to roll it back when the worker no longer holds the task.
    struct LeaseLost: Error {}

    /// An error of a caller's closure, rolling the transaction back and rethrown as it was.
    struct CallerError: Error {
        var error: any Error
    }

    // MARK: - Ids

    /// `count` fresh `<kind>_YYYYMMDD_NNN` ids of `day`: past the day's last handed-out number (kept
    /// in `backtest_id_sequence`, so an id is never reused) and skipping any id already in `table`.
    ///
    /// Each range is taken with one upsert (`INSERT … ON CONFLICT (kind, day) DO UPDATE SET
    /// last_value = last_value + n RETURNING last_value`), which is atomic on both engines: two
    /// batches created at once (on PostgreSQL, in concurrent transactions) get disjoint ranges.
    static func allocate(kind: String, count: Int, day: Int, on db: any SQLDatabase, table: String,
                         column: String) async throws -> [String] {
        var ids: [String] = []
        while ids.count < count {
            let wanted = count - ids.count
            let last = try await db.insert(into: BacktestTaskTable.sequence)
                .columns("kind", "day", "last_value")
                .values(SQLBind(kind), SQLBind(day), SQLBind(wanted))
                .onConflict(with: ["kind", "day"]) { update in
                    update.set("last_value", to: SQLBinaryExpression(
                        SQLColumn("last_value", table: BacktestTaskTable.sequence), .add, SQLExcludedColumn("last_value")))
                }
                .returning("last_value").first()?.decode(column: "last_value", as: Int.self)
            guard let last else { throw StorageError(table: BacktestTaskTable.sequence, reason: "no sequence value returned") }
            let candidates = ((last - wanted + 1)...last).map { identifier(kind: kind, day: day, sequence: $0) }
            let taken = Set(try await db.select().column(column).from(table)
                .where(SQLColumn(column), .in, SQLBind.group(candidates)).all()
                .map { try $0.decode(column: column, as: String.self) })
            ids += candidates.filter { !taken.contains($0) }
        }
        return ids
    }

    /// `bt_20240107_001` (at least three digits).
    static func identifier(kind: String, day: Int, sequence: Int) -> String {
        DailyIdentifier.make(kind: kind, day: day, sequence: sequence)
    }

    // MARK: - Task rows

    static let taskColumns = [
        "task_id", "batch_id", "task_name", "task_type", "stock_code", "start_date", "end_date", "backtest_mode",
        "factor_combination_id", "optimization_result_id", "config", "factor_combination", "status", "error_message",
        "created_at",
        "started_at", "completed_at", "updated_at", "priority", "attempts", "max_attempts", "next_attempt_at",
        "lease_owner", "lease_expires_at", "cancel_requested", "progress", "current_stage", "sessions_done",
        "sessions_total", "estimated_completion", "execution_ms", "error_snapshot",
    ]

    static var taskColumnExpressions: [any SQLExpression] { taskColumns.map { SQLColumn($0) } }

    static func task(from row: any SQLRow) throws -> BacktestTaskRecord {
        let id = try row.decode(column: "task_id", as: String.self)
        func day(_ column: String) throws -> TradingDay {
            guard let day = TradingDay(yyyymmdd: Int32(try row.decode(column: column, as: Int.self))) else {
                throw StorageError(table: BacktestTaskTable.tasks, reason: "task \(id): unreadable \(column)")
            }
            return day
        }
        func time(_ column: String) throws -> Date? {
            try row.optional(column, as: String.self).map { try TaskTime.date(text: $0, column: column) }
        }
        func milliseconds(_ column: String) throws -> Date? {
            try row.optional(column, as: Int64.self).map(TaskTime.date(milliseconds:))
        }
        return BacktestTaskRecord(
            taskID: id, batchID: try row.optional("batch_id", as: String.self),
            taskName: try row.decode(column: "task_name", as: String.self),
            taskType: try row.decode(column: "task_type", as: String.self),
            stockCode: try row.decode(column: "stock_code", as: String.self),
            startDate: try day("start_date"), endDate: try day("end_date"),
            backtestMode: try row.decode(column: "backtest_mode", as: String.self),
            factorCombinationID: try row.optional("factor_combination_id", as: String.self),
            optimizationResultID: try row.optional("optimization_result_id", as: String.self),
            config: try row.decode(column: "config", as: String.self),
            factorCombination: try row.optional("factor_combination", as: String.self),
            status: try row.decode(column: "status", as: String.self),
            errorMessage: try row.optional("error_message", as: String.self),
            createdAt: try time("created_at")!, startedAt: try time("started_at"), completedAt: try time("completed_at"),
            updatedAt: try time("updated_at")!,
            priority: try row.decode(column: "priority", as: Int.self),
            attempts: try row.decode(column: "attempts", as: Int.self),
            maxAttempts: try row.decode(column: "max_attempts", as: Int.self),
            nextAttemptAt: try milliseconds("next_attempt_at")!,
            leaseOwner: try row.optional("lease_owner", as: String.self),
            leaseExpiresAt: try milliseconds("lease_expires_at"),
            cancelRequested: try row.decode(column: "cancel_requested", as: Int.self) != 0,
            progress: try row.decode(column: "progress", as: Int.self),
            currentStage: try row.optional("current_stage", as: String.self),
            sessionsDone: try row.decode(column: "sessions_done", as: Int.self),
            sessionsTotal: try row.decode(column: "sessions_total", as: Int.self),
            estimatedCompletion: try time("estimated_completion"),
            executionMilliseconds: try row.optional("execution_ms", as: Int64.self),
            errorSnapshot: try row.optional("error_snapshot", as: String.self))
    }

    static func batch(from row: any SQLRow) throws -> BacktestBatchRecord {
        BacktestBatchRecord(
            batchID: try row.decode(column: "batch_id", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            description: try row.optional("description", as: String.self),
            request: try row.decode(column: "request", as: String.self),
            priority: try row.decode(column: "priority", as: Int.self),
            taskCount: try row.decode(column: "task_count", as: Int.self),
            createdAt: try TaskTime.date(text: try row.decode(column: "created_at", as: String.self), column: "created_at"),
            updatedAt: try TaskTime.date(text: try row.decode(column: "updated_at", as: String.self), column: "updated_at"))
    }

    /// Records in creation order (created_at, then id order: ids are allocated ascending).
    static func ordered(_ records: [BacktestTaskRecord]) -> [BacktestTaskRecord] {
        records.sorted { ($0.createdAt, $0.taskID.count, $0.taskID) < ($1.createdAt, $1.taskID.count, $1.taskID) }
    }
}
