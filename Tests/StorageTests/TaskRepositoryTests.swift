import Foundation
import HuiceCore
import SQLKit
import Synchronization
import Testing
@testable import Storage

/// The task queue's store (schema v4): ids, claims, leases, completion, recovery and queries.
/// Every test takes its database from `taskDatabase(_:)`, so they run on each engine listed there.
@Suite("Backtest task repository")
struct TaskRepositoryTests {
    @Test("schema v4 creates the task tables; a store at v3 is upgraded to v4", arguments: TaskStoreEngine.available)
    func schema(_ engine: TaskStoreEngine) async throws {
        let database = try await taskDatabase(engine)
        #expect(MarketDataSchema.latestVersion == 5)
        #expect(MarketDataSchema.migrations.map(\.name).suffix(2) == ["backtest_tasks", "backtest_tasks_completed_at"])
        for table in ["backtest_batches", "backtest_tasks", "backtest_results", "backtest_trade_records", "backtest_id_sequence"] {
            #expect(try await database.count(table) == 0)
        }
        try await database.close()

        let old = try await SQLiteStoreDatabase.open(path: ":memory:")
        let applied = try await old.withConnection { db in
            try await SchemaMigrator(migrations: Array(MarketDataSchema.migrations.prefix(3))).migrate(db)
        }
        #expect(applied == [1, 2, 3])
        #expect(try await old.migrate() == [4, 5])
        #expect(try await old.count("backtest_tasks") == 0)
        try await old.close()
    }

    @Test("a batch gets batch_YYYYMMDD_NNN and consecutive bt_YYYYMMDD_NNN ids per UTC day, never reused",
          arguments: TaskStoreEngine.available)
    func identifiers(_ engine: TaskStoreEngine) async throws {
        let repository = BacktestTaskRepository(database: try await taskDatabase(engine))
        let first = try await TaskFixtures.insertQueued(repository, ["600036.SH", "000002.SZ"], at: time("2024-01-07T23:59:59Z"))
        #expect(first == BatchIdentifiers(batchID: "batch_20240107_001", taskIDs: ["bt_20240107_001", "bt_20240107_002"]))
        let second = try await TaskFixtures.insertQueued(repository, ["600000.SH"], at: time("2024-01-07T23:59:59Z"))
        #expect(second == BatchIdentifiers(batchID: "batch_20240107_002", taskIDs: ["bt_20240107_003"]))
        let nextDay = try await TaskFixtures.insertQueued(repository, ["600000.SH"], at: time("2024-01-08T00:00:00Z"))
        #expect(nextDay == BatchIdentifiers(batchID: "batch_20240108_001", taskIDs: ["bt_20240108_001"]))
        // Ids already in use are skipped even when the sequence forgot them.
        let ninth = try await TaskFixtures.insertQueued(repository, ["600000.SH"], at: time("2024-01-09T08:00:00Z"))
        try await repository.database.withConnection { db in
            try await db.delete(from: "backtest_id_sequence").where("day", .equal, SQLBind(20240109)).run()
        }
        let afterLoss = try await TaskFixtures.insertQueued(repository, ["600036.SH", "000001.SZ"], at: time("2024-01-09T09:00:00Z"))
        #expect(ninth.taskIDs == ["bt_20240109_001"])
        #expect(afterLoss == BatchIdentifiers(batchID: "batch_20240109_002", taskIDs: ["bt_20240109_002", "bt_20240109_003"]))
        // A failed insert (the task maker throws) writes nothing.
        await #expect(throws: TestFailure.self) {
            _ = try await repository.insertBatch(taskCount: 1, status: "pending", at: time("2024-01-08T01:00:00Z")) { _ in
                throw TestFailure()
            }
        }
        #expect(try await repository.database.count("backtest_tasks") == 7)
        #expect(try await repository.database.count("backtest_batches") == 5)
        let task = try #require(try await repository.task(id: "bt_20240107_002"))
        #expect(task.batchID == "batch_20240107_001")
        #expect(task.status == "queued")
        #expect(task.stockCode == "000002.SZ")
        #expect(task.createdAt == time("2024-01-07T23:59:59Z"))
        #expect(task.nextAttemptAt == time("2024-01-07T23:59:59Z"))
        #expect(task.attempts == 0)
        #expect(task.factorCombination == #"{"factors":[],"name":"test"}"#)
        try await repository.database.close()
    }

    @Test("claims follow priority (highest first), then age, then insertion order", arguments: TaskStoreEngine.available)
    func claimOrder(_ engine: TaskStoreEngine) async throws {
        let repository = BacktestTaskRepository(database: try await taskDatabase(engine))
        let t0 = time("2024-01-07T10:00:00Z")
        let old = try await TaskFixtures.insertQueued(repository, ["600000.SH", "600036.SH"], priorities: [0, 5], at: t0)
        let young = try await TaskFixtures.insertQueued(repository, ["000001.SZ", "000002.SZ"], priorities: [5, 0],
                                                        at: t0.addingTimeInterval(60))
        var order: [String] = []
        let now = t0.addingTimeInterval(120)
        while let task = try await repository.claimNext(owner: "w", TaskFixtures.claim, stage: "加载数据",
                                                         leaseUntil: now.addingTimeInterval(30), at: now) {
            #expect(task.status == "running")
            #expect(task.leaseOwner == "w")
            #expect(task.attempts == 1)
            #expect(task.startedAt == now)
            order.append(task.taskID)
        }
        #expect(order == [old.taskIDs[1], young.taskIDs[0], old.taskIDs[0], young.taskIDs[1]])
        try await repository.database.close()
    }

    @Test("a task is not claimed before its next_attempt_at", arguments: TaskStoreEngine.available)
    func backoffIsRespected(_ engine: TaskStoreEngine) async throws {
        let repository = BacktestTaskRepository(database: try await taskDatabase(engine))
        let t0 = time("2024-01-07T10:00:00Z")
        try await TaskFixtures.insertQueued(repository, ["600000.SH"], at: t0)
        let task = try #require(try await repository.claimNext(owner: "w", TaskFixtures.claim, stage: "s",
                                                                leaseUntil: t0.addingTimeInterval(30), at: t0))
        let retryAt = t0.addingTimeInterval(2.5)
        let released = try await repository.release(
            taskID: task.taskID, owner: "w", TaskFixtures.requeue, stage: "等待重试",
            error: TaskErrorRecord(message: "storage_error: busy", snapshot: #"{"code":"storage_error"}"#),
            nextAttemptAt: retryAt, at: t0)
        #expect(released?.status == "queued")
        #expect(released?.leaseOwner == nil)
        #expect(released?.errorSnapshot == #"{"code":"storage_error"}"#)
        #expect(try await repository.nextAttemptTime(status: "queued") == retryAt)
        #expect(try await repository.claimNext(owner: "w", TaskFixtures.claim, stage: "s",
                                               leaseUntil: t0.addingTimeInterval(30), at: t0.addingTimeInterval(2.499)) == nil)
        let again = try await repository.claimNext(owner: "w", TaskFixtures.claim, stage: "s",
                                                   leaseUntil: t0.addingTimeInterval(40), at: retryAt)
        #expect(again?.attempts == 2)
        try await repository.database.close()
    }

    @Test("4 workers × 40 tasks: every task claimed exactly once, each worker's claims in priority-then-age order",
          arguments: TaskStoreEngine.available)
    func concurrentClaims(_ engine: TaskStoreEngine) async throws {
        let repository = BacktestTaskRepository(database: try await taskDatabase(engine))
        let t0 = time("2024-01-07T10:00:00Z")
        // 40 tasks in 8 batches a minute apart, priorities 0…3 mixed.
        var rank: [String: (priority: Int, created: Date, index: Int)] = [:]
        for b in 0..<8 {
            let created = t0.addingTimeInterval(Double(b) * 60)
            let priorities = (0..<5).map { (b * 5 + $0 * 3) % 4 }
            let ids = try await TaskFixtures.insertQueued(repository, (0..<5).map { String(format: "60%04d.SH", b * 5 + $0) },
                                                          priorities: priorities, at: created)
            for (i, id) in ids.taskIDs.enumerated() { rank[id] = (priorities[i], created, b * 5 + i) }
        }
        let now = t0.addingTimeInterval(3600)
        let claims = try await withThrowingTaskGroup(of: [String].self) { group in
            for w in 0..<4 {
                group.addTask {
                    var mine: [String] = []
                    while let task = try await repository.claimNext(owner: "w\(w)", TaskFixtures.claim, stage: "s",
                                                                     leaseUntil: now.addingTimeInterval(30), at: now) {
                        #expect(task.leaseOwner == "w\(w)")
                        mine.append(task.taskID)
                        await Task.yield()
                    }
                    return mine
                }
            }
            var all: [[String]] = []
            for try await mine in group { all.append(mine) }
            return all
        }
        let flat = claims.flatMap { $0 }
        #expect(flat.count == 40)
        #expect(Set(flat).count == 40)
        func before(_ a: String, _ b: String) -> Bool {
            let x = rank[a]!, y = rank[b]!
            return (-x.priority, x.created, x.index) < (-y.priority, y.created, y.index)
        }
        for mine in claims {
            #expect(zip(mine, mine.dropFirst()).allSatisfy { before($0, $1) }, "a worker claimed out of order: \(mine)")
        }
        #expect(claims.filter { !$0.isEmpty }.count >= 2, "the workers did not interleave")
        #expect(try await repository.statusCounts() == ["running": 40])
        try await repository.database.close()
    }

    @Test("progress writes renew the lease and report a cancel request; they stop once the lease is lost",
          arguments: TaskStoreEngine.available)
    func progressAndCancel(_ engine: TaskStoreEngine) async throws {
        let repository = BacktestTaskRepository(database: try await taskDatabase(engine))
        let t0 = time("2024-01-07T10:00:00Z")
        let ids = try await TaskFixtures.insertQueued(repository, ["600000.SH"], at: t0)
        _ = try await repository.claimNext(owner: "a", TaskFixtures.claim, stage: "s", leaseUntil: t0.addingTimeInterval(30), at: t0)
        let report = TaskProgressReport(progress: 40, currentStage: "执行回测", sessionsDone: 40, sessionsTotal: 100,
                                        estimatedCompletion: t0.addingTimeInterval(15))
        let first = try await repository.reportProgress(taskID: ids.taskIDs[0], owner: "a", report,
                                                        leaseUntil: t0.addingTimeInterval(40), at: t0.addingTimeInterval(10))
        #expect(first == TaskLeaseStatus(isHeld: true, cancelRequested: false))
        let task = try #require(try await repository.task(id: ids.taskIDs[0]))
        #expect(task.progress == 40)
        #expect(task.sessionsDone == 40 && task.sessionsTotal == 100)
        #expect(task.leaseExpiresAt == t0.addingTimeInterval(40))
        #expect(task.estimatedCompletion == t0.addingTimeInterval(15))

        let marked = try await repository.requestCancel(taskID: ids.taskIDs[0], whenStatus: "running", stage: "取消中",
                                                        at: t0.addingTimeInterval(11))
        #expect(marked?.cancelRequested == true)
        let second = try await repository.reportProgress(taskID: ids.taskIDs[0], owner: "a", report,
                                                         leaseUntil: t0.addingTimeInterval(45), at: t0.addingTimeInterval(12))
        #expect(second == TaskLeaseStatus(isHeld: true, cancelRequested: true))
        let stranger = try await repository.reportProgress(taskID: ids.taskIDs[0], owner: "b", report,
                                                           leaseUntil: t0.addingTimeInterval(45), at: t0.addingTimeInterval(12))
        #expect(stranger == TaskLeaseStatus(isHeld: false, cancelRequested: false))
        // A queued task cannot be marked (it is cancelled outright instead).
        let other = try await TaskFixtures.insertQueued(repository, ["600036.SH"], at: t0)
        #expect(try await repository.requestCancel(taskID: other.taskIDs[0], whenStatus: "running", stage: "x", at: t0) == nil)
        try await repository.database.close()
    }

    @Test("complete stores the result and the trades once; a second complete writes nothing", arguments: TaskStoreEngine.available)
    func completeOnce(_ engine: TaskStoreEngine) async throws {
        let repository = BacktestTaskRepository(database: try await taskDatabase(engine))
        let t0 = time("2024-01-07T10:00:00Z")
        let taskID = try await TaskFixtures.insertQueued(repository, ["600036.SH"], at: t0).taskIDs[0]
        _ = try await repository.claimNext(owner: "a", TaskFixtures.claim, stage: "s", leaseUntil: t0.addingTimeInterval(30), at: t0)
        let result = TaskFixtures.result(taskID: taskID, stock: "600036.SH", backtestID: taskID, at: t0.addingTimeInterval(5))
        let trades = TaskFixtures.trades()
        #expect(try await repository.complete(taskID: taskID, owner: "a", TaskFixtures.complete, stage: "已完成", result: result,
                                              trades: trades, sessions: 250, executionMilliseconds: 1234, at: t0.addingTimeInterval(5)))
        #expect(try await !repository.complete(taskID: taskID, owner: "a", TaskFixtures.complete, stage: "已完成",
                                               result: result, trades: trades, sessions: 250, executionMilliseconds: 1,
                                               at: t0.addingTimeInterval(6)))
        #expect(try await repository.database.count("backtest_results") == 1)
        #expect(try await repository.database.count("backtest_trade_records") == 3)
        let task = try #require(try await repository.task(id: taskID))
        #expect(task.status == "completed")
        #expect(task.progress == 100)
        #expect(task.sessionsDone == 250 && task.sessionsTotal == 250)
        #expect(task.leaseOwner == nil)
        #expect(task.executionMilliseconds == 1234)
        #expect(task.completedAt == t0.addingTimeInterval(5))
        // Read back: the trades equal the run's, the result equals what was written.
        #expect(try await repository.trades(taskID: taskID) == trades)
        #expect(try await repository.result(taskID: taskID, includingEquityCurve: true, includingTradesDetail: true) == result)
        var summary = result
        summary.equityCurve = nil
        summary.tradesDetail = nil
        #expect(try await repository.result(taskID: taskID) == summary)
        #expect(try await repository.figures(taskIDs: [taskID, "bt_none"]) == [taskID: result.figures])
        #expect(try await repository.recentExecutionMilliseconds(limit: 5) == [1234])
        try await repository.database.close()
    }

    @Test("a second result for the same (task, stock) violates the unique key and rolls the whole completion back",
          arguments: TaskStoreEngine.available)
    func duplicateResultRollsBack(_ engine: TaskStoreEngine) async throws {
        let repository = BacktestTaskRepository(database: try await taskDatabase(engine))
        let t0 = time("2024-01-07T10:00:00Z")
        let taskID = try await TaskFixtures.insertQueued(repository, ["600036.SH"], at: t0).taskIDs[0]
        _ = try await repository.claimNext(owner: "a", TaskFixtures.claim, stage: "s", leaseUntil: t0.addingTimeInterval(30), at: t0)
        let result = TaskFixtures.result(taskID: taskID, stock: "600036.SH", backtestID: taskID, at: t0)
        #expect(try await repository.complete(taskID: taskID, owner: "a", TaskFixtures.complete, stage: "已完成",
                                              result: result, trades: TaskFixtures.trades(), sessions: 250, executionMilliseconds: 1, at: t0))
        // Simulate a bug that puts the task back to running under a lease (nothing in the service does).
        try await repository.database.withConnection { db in
            try await db.update("backtest_tasks").set("status", to: SQLBind("running")).set("lease_owner", to: SQLBind("b"))
                .where("task_id", .equal, SQLBind(taskID)).run()
        }
        var second = result
        second.backtestID = "other-id"
        await #expect(throws: StorageError.self) {
            _ = try await repository.complete(taskID: taskID, owner: "b", TaskFixtures.complete, stage: "已完成", result: second,
                                              trades: [], sessions: 250, executionMilliseconds: 2, at: t0.addingTimeInterval(9))
        }
        #expect(try await repository.database.count("backtest_results") == 1)
        let task = try #require(try await repository.task(id: taskID))
        #expect(task.status == "running")
        #expect(task.executionMilliseconds == 1)
        try await repository.database.close()
    }

    @Test("a dead owner's task is requeued when its lease expires; the old owner can then write nothing",
          arguments: TaskStoreEngine.available)
    func requeueAfterDeadOwner(_ engine: TaskStoreEngine) async throws {
        let repository = BacktestTaskRepository(database: try await taskDatabase(engine))
        let t0 = time("2024-01-07T10:00:00Z")
        let taskID = try await TaskFixtures.insertQueued(repository, ["600036.SH"], at: t0).taskIDs[0]
        _ = try await repository.claimNext(owner: "dead", TaskFixtures.claim, stage: "s", leaseUntil: t0.addingTimeInterval(30), at: t0)
        func recover(at now: Date) async throws -> [(before: BacktestTaskRecord, after: BacktestTaskRecord)] {
            try await repository.recoverAbandoned(
                expiredBy: now, requeue: TaskFixtures.requeue, requeueStage: "排队中（已恢复）", fail: TaskFixtures.fail,
                failStage: "失败", failure: { _ in TaskErrorRecord(message: "lost", snapshot: "{}") }, at: now)
        }
        // Not yet expired: nothing happens.
        #expect(try await recover(at: t0.addingTimeInterval(29)).isEmpty)
        let recovered = try await recover(at: t0.addingTimeInterval(31))
        #expect(recovered.map(\.after.status) == ["queued"])
        #expect(recovered.first?.before.leaseOwner == "dead")
        #expect(recovered.first?.after.leaseOwner == nil)
        let taken = try await repository.claimNext(owner: "alive", TaskFixtures.claim, stage: "s",
                                                   leaseUntil: t0.addingTimeInterval(70), at: t0.addingTimeInterval(40))
        #expect(taken?.attempts == 2)
        let report = TaskProgressReport(progress: 50, currentStage: "x", sessionsDone: 1, sessionsTotal: 2, estimatedCompletion: nil)
        #expect(try await !repository.reportProgress(taskID: taskID, owner: "dead", report, leaseUntil: t0.addingTimeInterval(99),
                                                     at: t0.addingTimeInterval(41)).isHeld)
        let result = TaskFixtures.result(taskID: taskID, stock: "600036.SH", backtestID: taskID, at: t0)
        #expect(try await !repository.complete(taskID: taskID, owner: "dead", TaskFixtures.complete, stage: "已完成",
                                               result: result, trades: [], sessions: 250, executionMilliseconds: 1, at: t0.addingTimeInterval(42)))
        #expect(try await repository.release(taskID: taskID, owner: "dead", TaskFixtures.fail, stage: "失败",
                                             at: t0.addingTimeInterval(42)) == nil)
        #expect(try await repository.complete(taskID: taskID, owner: "alive", TaskFixtures.complete, stage: "已完成",
                                              result: result, trades: [], sessions: 250, executionMilliseconds: 1, at: t0.addingTimeInterval(43)))
        #expect(try await repository.database.count("backtest_results") == 1)
        try await repository.database.close()
    }

    @Test("at start every running task is recovered; one that used all its attempts fails with the error",
          arguments: TaskStoreEngine.available)
    func recoverAllAtStart(_ engine: TaskStoreEngine) async throws {
        let repository = BacktestTaskRepository(database: try await taskDatabase(engine))
        let t0 = time("2024-01-07T10:00:00Z")
        let ids = try await TaskFixtures.insertQueued(repository, ["600000.SH", "600036.SH"], maxAttempts: 1, at: t0)
        try await repository.database.withConnection { db in
            try await db.update("backtest_tasks").set("max_attempts", to: SQLBind(2)).where("task_id", .equal, SQLBind(ids.taskIDs[1])).run()
        }
        for _ in 0..<2 {
            _ = try await repository.claimNext(owner: "old", TaskFixtures.claim, stage: "s", leaseUntil: t0.addingTimeInterval(600), at: t0)
        }
        let recovered = try await repository.recoverAbandoned(
            expiredBy: nil, requeue: TaskFixtures.requeue, requeueStage: "排队中（已恢复）", fail: TaskFixtures.fail,
            failStage: "失败", failure: { task in TaskErrorRecord(message: "worker_lost \(task.taskID)", snapshot: #"{"code":"worker_lost"}"#) },
            at: t0.addingTimeInterval(1))
        #expect(recovered.map(\.after.status) == ["failed", "queued"])
        #expect(recovered[0].after.errorMessage == "worker_lost \(ids.taskIDs[0])")
        #expect(recovered[0].after.errorSnapshot == #"{"code":"worker_lost"}"#)
        #expect(recovered[0].after.completedAt == t0.addingTimeInterval(1))
        try await repository.database.close()
    }

    @Test("status changes apply only from their source statuses", arguments: TaskStoreEngine.available)
    func conditionalChanges(_ engine: TaskStoreEngine) async throws {
        let repository = BacktestTaskRepository(database: try await taskDatabase(engine))
        let t0 = time("2024-01-07T10:00:00Z")
        let ids = try await TaskFixtures.insertQueued(repository, ["600000.SH", "600036.SH"], at: t0)
        _ = try await repository.claimNext(owner: "a", TaskFixtures.claim, stage: "s", leaseUntil: t0.addingTimeInterval(30), at: t0)
        let cancel = TaskStatusChange(from: ["pending", "queued"], to: "cancelled")
        // The running one is left alone; the queued one is cancelled.
        let cancelled = try await repository.changeStatus(batchID: ids.batchID, cancel, stage: "已取消", finishes: true,
                                                          at: t0.addingTimeInterval(1))
        #expect(cancelled.map(\.taskID) == [ids.taskIDs[1]])
        #expect(cancelled.first?.completedAt == t0.addingTimeInterval(1))
        #expect(try await repository.changeStatus(taskID: ids.taskIDs[0], cancel, stage: "已取消", at: t0) == nil)
        let retry = TaskStatusChange(from: ["failed", "cancelled"], to: "queued")
        let retried = try #require(try await repository.changeStatus(taskID: ids.taskIDs[1], retry, stage: "排队中", restarts: true,
                                                                    at: t0.addingTimeInterval(2)))
        #expect(retried.status == "queued")
        #expect(retried.completedAt == nil)
        #expect(retried.attempts == 0)
        #expect(retried.nextAttemptAt == t0.addingTimeInterval(2))
        try await repository.database.close()
    }

    @Test("task pages filter by status, creation day and batch, newest first", arguments: TaskStoreEngine.available)
    func pages(_ engine: TaskStoreEngine) async throws {
        let repository = BacktestTaskRepository(database: try await taskDatabase(engine))
        let a = try await TaskFixtures.insertQueued(repository, ["600000.SH", "600036.SH"], at: time("2024-01-06T23:00:00Z"))
        let b = try await TaskFixtures.insertQueued(repository, ["000001.SZ", "000002.SZ", "300059.SZ"], at: time("2024-01-07T01:00:00Z"))
        _ = try await repository.claimNext(owner: "w", TaskFixtures.claim, stage: "s", leaseUntil: time("2024-01-07T02:00:00Z"),
                                           at: time("2024-01-07T01:30:00Z"))
        let all = try await repository.page(TaskListFilter(), offset: 0, limit: 10)
        #expect(all.total == 5)
        #expect(all.tasks.map(\.taskID) == (b.taskIDs.reversed() + a.taskIDs.reversed()))
        let second = try await repository.page(TaskListFilter(), offset: 2, limit: 2)
        #expect(second.tasks.map(\.taskID) == [b.taskIDs[0], a.taskIDs[1]])
        let day7 = try await repository.page(TaskListFilter(createdFrom: time("2024-01-07T00:00:00Z"),
                                                           createdBefore: time("2024-01-08T00:00:00Z")), offset: 0, limit: 10)
        #expect(day7.total == 3)
        let running = try await repository.page(TaskListFilter(status: "running"), offset: 0, limit: 10)
        #expect(running.tasks.map(\.taskID) == [a.taskIDs[0]])
        #expect(try await repository.page(TaskListFilter(batchID: a.batchID), offset: 0, limit: 10).total == 2)
        #expect(try await repository.statusCounts() == ["queued": 4, "running": 1])
        #expect(try await repository.statusCounts(batchID: a.batchID) == ["queued": 1, "running": 1])
        #expect(try await repository.tasks(batchID: b.batchID).map(\.taskID) == b.taskIDs)
        let batch = try #require(try await repository.batch(id: b.batchID))
        #expect(batch.taskCount == 3)
        #expect(batch.createdAt == time("2024-01-07T01:00:00Z"))
        try await repository.database.close()
    }
}

struct TestFailure: Error {}
