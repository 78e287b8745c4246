import Foundation
import HuiceCore
import SQLKit

extension BacktestTaskRepository {
    /// The task with `taskID`, or nil.
    public func task(id taskID: String) async throws -> BacktestTaskRecord? {
        try await read { db in
            try await db.select().columns(Self.taskColumnExpressions).from(BacktestTaskTable.tasks)
                .where("task_id", .equal, SQLBind(taskID)).first().map(Self.task(from:))
        }
    }

    /// The tasks of `batchID` in creation order.
    public func tasks(batchID: String) async throws -> [BacktestTaskRecord] {
        try await read { db in
            try await db.select().columns(Self.taskColumnExpressions).from(BacktestTaskTable.tasks)
                .where("batch_id", .equal, SQLBind(batchID)).orderBy("id").all().map(Self.task(from:))
        }
    }

    /// The tasks of `batchID` in creation order, as a batch's status shows them (`BatchTaskState`).
    public func taskStates(batchID: String) async throws -> [BatchTaskState] {
        try await read { db in
            let columns = ["task_id", "stock_code", "status", "progress", "current_stage", "error_message", "started_at",
                           "completed_at"]
            return try await db.select().columns(columns.map { SQLColumn($0) }).from(BacktestTaskTable.tasks)
                .where("batch_id", .equal, SQLBind(batchID)).orderBy("id").all().map { row in
                    func time(_ column: String) throws -> Date? {
                        try row.optional(column, as: String.self).map { try TaskTime.date(text: $0, column: column) }
                    }
                    return BatchTaskState(
                        taskID: try row.decode(column: "task_id", as: String.self),
                        stockCode: try row.decode(column: "stock_code", as: String.self),
                        status: try row.decode(column: "status", as: String.self),
                        progress: try row.decode(column: "progress", as: Int.self),
                        currentStage: try row.optional("current_stage", as: String.self),
                        errorMessage: try row.optional("error_message", as: String.self),
                        startedAt: try time("started_at"), completedAt: try time("completed_at"))
                }
        }
    }

    /// The batch with `batchID`, or nil.
    public func batch(id batchID: String) async throws -> BacktestBatchRecord? {
        try await read { db in
            try await db.select()
                .columns("batch_id", "name", "description", "request", "priority", "task_count", "created_at", "updated_at")
                .from(BacktestTaskTable.batches).where("batch_id", .equal, SQLBind(batchID))
                .first().map(Self.batch(from:))
        }
    }

    /// `limit` tasks matching `filter` from `offset`, newest first, and how many match in all.
    public func page(_ filter: TaskListFilter, offset: Int, limit: Int) async throws -> (total: Int, tasks: [BacktestTaskRecord]) {
        try await read { db in
            func filtered<B: SQLPredicateBuilder>(_ builder: B) -> B {
                var b = builder
                if let status = filter.status { b = b.where("status", .equal, SQLBind(status)) }
                if let batchID = filter.batchID { b = b.where("batch_id", .equal, SQLBind(batchID)) }
                if let from = filter.createdFrom { b = b.where("created_at", .greaterThanOrEqual, SQLBind(TaskTime.text(from))) }
                if let before = filter.createdBefore { b = b.where("created_at", .lessThan, SQLBind(TaskTime.text(before))) }
                return b
            }
            let total = try await filtered(db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(BacktestTaskTable.tasks)).first()?.decode(column: "n", as: Int.self) ?? 0
            let rows = try await filtered(db.select().columns(Self.taskColumnExpressions).from(BacktestTaskTable.tasks))
                .orderBy("created_at", .descending).orderBy("id", .descending)
                .limit(limit).offset(offset).all()
            return (total, try rows.map(Self.task(from:)))
        }
    }

    /// How many tasks (of `batchID`, or all) are in each status (statuses without tasks are left out).
    public func statusCounts(batchID: String? = nil) async throws -> [String: Int] {
        try await read { db in
            var select = db.select().column("status")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(BacktestTaskTable.tasks)
            if let batchID { select = select.where("batch_id", .equal, SQLBind(batchID)) }
            let rows = try await select.groupBy("status").all()
            var counts: [String: Int] = [:]
            for row in rows {
                counts[try row.decode(column: "status", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            return counts
        }
    }

    /// The run times (ms) of the `limit` most recently completed tasks, newest first (for estimates).
    public func recentExecutionMilliseconds(limit: Int) async throws -> [Int64] {
        try await read { db in
            try await db.select().column("execution_ms").from(BacktestTaskTable.tasks)
                .where(SQLColumn("execution_ms"), .isNot, SQLLiteral.null)
                .orderBy("completed_at", .descending).orderBy("id", .descending)
                .limit(limit).all()
                .map { try $0.decode(column: "execution_ms", as: Int64.self) }
        }
    }
}
