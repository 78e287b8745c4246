import Foundation
import HuiceCore
import MarketData
import Runtime
import SQLKit
import Storage
import Testing
import TestSupport
@testable import Service

/// The task manager over a real store and hand-made data: the life of a batch, queries, cancel,
/// retry, recovery and shutdown.
@Suite("Task manager")
struct TaskManagerTests {
    @Test("a batch runs every task to completed; statuses, list, results and events agree", arguments: TestStoreEngine.available)
    func batchCompletes(engine: TestStoreEngine) async throws {
        let stocks = ["600000.SH", "000002.SZ", "300059.SZ"]
        let market = risingMarket(stocks, days: 30)
        let database = try await serviceDatabase(engine)
        let manager = TaskManager(database: database, data: FixtureDataSource(data: market.data),
                                  configuration: testConfiguration(), logger: quietLogger)
        try await manager.start()
        let created = try await manager.createBatch(try buyAndHoldBatch(stocks, market: market))
        let events = await collectEvents(manager.events(batchID: created.batchID))

        #expect(created.totalTasks == 3)
        #expect(created.status == .queued)
        #expect(created.batchID.hasPrefix("batch_") && created.batchID.hasSuffix("_001"))
        #expect(created.taskIDs.count == 3 && created.taskIDs.allSatisfy { $0.hasPrefix("bt_") })
        #expect(created.estimatedDuration.hasPrefix("约"))
        #expect(created.estimatedDurationSeconds >= 1)

        // Each task: pending → queued → running → completed, progress never decreasing.
        for (taskID, stock) in zip(created.taskIDs, stocks) {
            let states = events.filter { $0.event == "task_state" && $0.taskID == taskID }.map { "\($0.from!)→\($0.to!)" }
            #expect(states == ["pending→queued", "queued→running", "running→completed"], "\(taskID)")
            let progress = events.filter { $0.event == "task_progress" && $0.taskID == taskID }.compactMap(\.progress)
            #expect(progress.last == 100)
            #expect(zip(progress, progress.dropFirst()).allSatisfy { $0 <= $1 })
            #expect(events.first { $0.taskID == taskID }?.stockCode == stock)
        }
        let completed = try #require(events.last)
        #expect(completed.event == "batch_completed")
        #expect(completed.status == "completed")
        #expect(completed.totalTasks == 3 && completed.completedTasks == 3 && completed.failedTasks == 0)

        let batch = try await manager.batchStatus(batchID: created.batchID)
        #expect(batch.status == .completed)
        #expect(batch.progress == 100)
        #expect(batch.completedTasks == 3 && batch.failedTasks == 0 && batch.totalTasks == 3)
        #expect(batch.tasks.map(\.taskID) == created.taskIDs)
        #expect(batch.startedAt != nil && batch.completedAt != nil && batch.estimatedCompletion == nil)
        // The summary is the three results' figures added up (as the task results report them).
        let summary = try #require(batch.summary)
        var returns: [Double] = []
        var trips = 0
        for id in created.taskIDs {
            let result = try await manager.taskResults(taskID: id, include: ResultParts())
            returns.append(try #require(result.summary.totalReturn))
            trips += result.summary.totalTrades
        }
        #expect(summary.stocks == 3 && summary.totalTrades == trips)
        #expect(summary.meanTotalReturn == returns.reduce(0, +) / 3)
        #expect(summary.best?.totalReturn == returns.max() && summary.worst?.totalReturn == returns.min())

        let status = try await manager.taskStatus(taskID: created.taskIDs[0])
        #expect(status.status == .completed)
        #expect(status.progress == 100)
        #expect(status.processedStocks == 1 && status.totalStocks == 1)
        #expect(status.attempts == 1)
        #expect(status.sessionsDone == 30 && status.sessionsTotal == 30)
        #expect(status.batchID == created.batchID)

        let list = try await manager.taskList(TaskListQuery(batchID: created.batchID))
        #expect(list.total == 3)
        #expect(Set(list.tasks.map(\.taskID)) == Set(created.taskIDs))
        #expect(list.tasks.allSatisfy { $0.status == .completed && $0.annualReturn != nil && $0.duration != nil })

        // Each result equals the same config run directly on the same data.
        for (taskID, stock) in zip(created.taskIDs, stocks) {
            let results = try await manager.taskResults(taskID: taskID, include: ResultParts(trades: true, equityCurve: true))
            var config = try buyAndHoldBatch(stocks, market: market).config
            config.universe = [StockCode(normalizing: stock)!]
            let direct = try BacktestRunner.run(config, data: market.data, baseDirectory: "/")
            #expect(results.finalValue == direct.finalValue)
            #expect(results.trades == direct.trades)
            #expect(results.equityCurve == direct.equityCurve)
            #expect(results.summary == direct.metrics)
            #expect(results.factorCombination == FactorCombination(name: "buy_and_hold", factors: []))
            #expect(results.backtestID == taskID)
        }
        await manager.shutdown()
        try await database.close()
    }

    @Test("a failure that may pass is retried with backoff: fails twice, then completes on attempt 3", arguments: TestStoreEngine.available)
    func retriesThenCompletes(engine: TestStoreEngine) async throws {
        let market = risingMarket(["600000.SH"], days: 10)
        let database = try await serviceDatabase(engine)
        let flaky = FlakyDataSource(base: FixtureDataSource(data: market.data), failures: 2,
                                    error: { StorageError(reason: "database is locked") })
        let manager = TaskManager(database: database, data: flaky, configuration: testConfiguration(), logger: quietLogger)
        try await manager.start()
        let created = try await manager.createBatch(try buyAndHoldBatch(["600000.SH"], market: market))
        let events = await collectEvents(manager.events(batchID: created.batchID))
        let status = try await manager.taskStatus(taskID: created.taskIDs[0])
        #expect(status.status == .completed)
        #expect(status.attempts == 3)
        #expect(flaky.callCount("600000.SH") == 3)
        // The second attempt waited at least the base backoff, the third twice that.
        let calls = flaky.callInstants
        #expect(calls.count == 3)
        let configuration = testConfiguration()
        if calls.count == 3 {
            #expect(calls[1] - calls[0] >= configuration.backoff(afterAttempts: 1))
            #expect(calls[2] - calls[1] >= configuration.backoff(afterAttempts: 2))
        }
        let states = events.filter { $0.event == "task_state" }.map { "\($0.from!)→\($0.to!)" }
        #expect(states == ["pending→queued", "queued→running", "running→queued", "queued→running", "running→queued",
                           "queued→running", "running→completed"])
        #expect(events.filter { $0.to == .queued && $0.from == .running }.allSatisfy { $0.errorMessage?.hasPrefix("storage_error") == true })
        // The last failure's snapshot is kept after the success.
        #expect(status.error?["code"] == "storage_error")
        #expect(status.errorMessage == nil)
        await manager.shutdown()
        try await database.close()
    }

    @Test("a failure that keeps happening fails the task after max_attempts, keeping the error snapshot", arguments: TestStoreEngine.available)
    func failsAfterMaxAttempts(engine: TestStoreEngine) async throws {
        let market = risingMarket(["600000.SH"], days: 10)
        let database = try await serviceDatabase(engine)
        let broken = FlakyDataSource(base: FixtureDataSource(data: market.data), failures: .max,
                                     error: { StorageError(reason: "disk I/O error") })
        let manager = TaskManager(database: database, data: broken, configuration: testConfiguration(maxAttempts: 3),
                                  logger: quietLogger)
        try await manager.start()
        let created = try await manager.createBatch(try buyAndHoldBatch(["600000.SH"], market: market))
        let events = await collectEvents(manager.events(batchID: created.batchID))
        let status = try await manager.taskStatus(taskID: created.taskIDs[0])
        #expect(status.status == .failed)
        #expect(status.attempts == 3)
        #expect(broken.callCount("600000.SH") == 3)
        #expect(status.errorMessage?.contains("disk I/O error") == true)
        let error = try #require(status.error)
        #expect(error["code"] == "storage_error")
        #expect(error["attempt"] == 3)
        #expect(error["retryable"] == true)
        #expect(error["config"]?["universe"] == ["600000.SH"])
        #expect(events.last?.event == "batch_completed")
        #expect(events.last?.status == "failed")
        #expect(try await manager.batchStatus(batchID: created.batchID).status == .failed)
        await manager.shutdown()
        try await database.close()
    }

    @Test("a deterministic failure (no data for the stock) fails at once, without retries", arguments: TestStoreEngine.available)
    func deterministicFailure(engine: TestStoreEngine) async throws {
        let market = risingMarket(["600000.SH"], days: 10)
        let database = try await serviceDatabase(engine)
        let manager = TaskManager(database: database, data: FixtureDataSource(data: market.data),
                                  configuration: testConfiguration(), logger: quietLogger)
        try await manager.start()
        let created = try await manager.createBatch(try buyAndHoldBatch(["600000.SH", "600036.SH"], market: market))
        let events = await collectEvents(manager.events(batchID: created.batchID))
        let missing = try await manager.taskStatus(taskID: created.taskIDs[1])
        #expect(missing.status == .failed)
        #expect(missing.attempts == 1)
        #expect(missing.error?["code"] == "config_error")
        #expect(missing.error?["retryable"] == false)
        #expect(try await manager.taskStatus(taskID: created.taskIDs[0]).status == .completed)
        #expect(events.last?.failedTasks == 1 && events.last?.completedTasks == 1)
        await manager.shutdown()
        try await database.close()
    }

    @Test("cancelling a running task stops it between days: cancelled, no result, fewer days done", arguments: TestStoreEngine.available)
    func cancelRunning(engine: TestStoreEngine) async throws {
        let market = risingMarket(["600000.SH"], days: 400)
        let database = try await serviceDatabase(engine)
        let manager = TaskManager(database: database, data: FixtureDataSource(data: market.data),
                                  configuration: testConfiguration(workers: 1), logger: quietLogger, now: { Date() },
                                  executor: stallingExecutor(at: 100))
        try await manager.start()
        let created = try await manager.createBatch(try buyAndHoldBatch(["600000.SH"], market: market))
        let taskID = created.taskIDs[0]
        let stream = manager.events(batchID: created.batchID)
        let started = await collectEvents(stream, until: { $0.event == "task_progress" && ($0.progress ?? 0) > 0 })
        #expect(started.last?.event == "task_progress")
        let marked = try await manager.cancelTask(taskID: taskID)
        #expect(marked.status == .running)
        #expect(marked.cancelRequested)
        let rest = await collectEvents(stream)
        #expect(rest.contains { $0.event == "task_state" && $0.from == .running && $0.to == .cancelled })
        let status = try await manager.taskStatus(taskID: taskID)
        #expect(status.status == .cancelled)
        #expect(status.sessionsDone > 0 && status.sessionsDone <= 100)
        #expect(try await database.count("backtest_results") == 0)
        #expect(try await database.count("backtest_trade_records") == 0)
        await #expect(throws: ServiceError.self) { try await manager.taskResults(taskID: taskID, include: ResultParts()) }
        await manager.shutdown()
        try await database.close()
    }

    @Test("queued tasks cancel at once; a final task cannot be cancelled; retry puts it back and it runs", arguments: TestStoreEngine.available)
    func cancelQueuedAndRetry(engine: TestStoreEngine) async throws {
        let stocks = ["600000.SH", "000002.SZ", "300059.SZ"]
        let market = risingMarket(stocks, days: 10)
        let database = try await serviceDatabase(engine)
        let manager = TaskManager(database: database, data: FixtureDataSource(data: market.data),
                                  configuration: testConfiguration(), logger: quietLogger)
        // Not started: the tasks stay queued.
        let created = try await manager.createBatch(try buyAndHoldBatch(stocks, market: market))
        #expect(try await manager.taskStatus(taskID: created.taskIDs[0]).status == .queued)
        let cancelled = try await manager.cancelTask(taskID: created.taskIDs[0])
        #expect(cancelled.status == .cancelled)
        #expect(cancelled.completedAt != nil)
        await #expect(throws: ServiceError.conflict(field: "status", message: "任务状态为cancelled，不能取消（cancel needs pending or queued）")) {
            try await manager.cancelTask(taskID: created.taskIDs[0])
        }
        await #expect(throws: ServiceError.self) { try await manager.retryTask(taskID: created.taskIDs[1]) }
        let batch = try await manager.cancelBatch(batchID: created.batchID)
        #expect(batch.status == .cancelled)
        #expect(batch.cancelledTasks == 3)

        let retried = try await manager.retryTask(taskID: created.taskIDs[0])
        #expect(retried.status == .queued)
        #expect(retried.attempts == 0)
        #expect(retried.completedAt == nil)
        let stream = manager.events(batchID: created.batchID)
        try await manager.start()
        let events = await collectEvents(stream, until: { $0.event == "batch_completed" && $0.completedTasks == 1 })
        #expect(events.last?.status == "completed")
        #expect(events.last?.cancelledTasks == 2)
        #expect(try await manager.taskStatus(taskID: created.taskIDs[0]).status == .completed)
        let after = try await manager.batchStatus(batchID: created.batchID)
        #expect(after.status == .completed && after.completedTasks == 1 && after.cancelledTasks == 2)
        await manager.shutdown()
        try await database.close()
    }

    @Test("start() takes back tasks a dead process left running; the sweep takes back expired leases", arguments: TestStoreEngine.available)
    func recovery(engine: TestStoreEngine) async throws {
        let market = risingMarket(["600000.SH", "000002.SZ"], days: 10)
        let database = try await serviceDatabase(engine)
        let configuration = testConfiguration()
        let first = TaskManager(database: database, data: FixtureDataSource(data: market.data), configuration: configuration,
                                logger: quietLogger)
        let created = try await first.createBatch(try buyAndHoldBatch(["600000.SH", "000002.SZ"], market: market))
        // A process that died holding the first task (its lease still valid for an hour)…
        let repository = BacktestTaskRepository(database: database)
        let now = Date()
        let dead = try #require(try await repository.claimNext(owner: "dead-process/w0", TaskStateMachine.change(.claim),
                                                                stage: "执行中", leaseUntil: now.addingTimeInterval(3600), at: now))
        #expect(dead.taskID == created.taskIDs[0])
        try await first.start()
        #expect(try await eventually { try await first.batchStatus(batchID: created.batchID).status == .completed })
        let recovered = try await first.taskStatus(taskID: created.taskIDs[0])
        #expect(recovered.attempts == 2)
        await first.shutdown()

        // …and a worker (of any process) whose lease ran out while this manager runs: a task written
        // straight into the store as running under a lease that expired a second ago.
        let second = TaskManager(database: database, data: FixtureDataSource(data: market.data), configuration: configuration,
                                 logger: quietLogger)
        try await second.start()
        let request = try buyAndHoldBatch(["000002.SZ"], market: market)
        let later = try await repository.insertBatch(taskCount: 1, status: "pending", at: Date()) { ids in
            let snapshot = try TaskConfigSnapshot(request: request, stock: StockCode(normalizing: "000002.SZ")!,
                                                  taskID: ids.taskIDs[0], stored: nil)
            return NewBacktestBatch(name: "stale", description: nil, request: "{}", priority: 0, tasks: [
                NewBacktestTask(taskName: "stale", stockCode: "000002.SZ", startDate: request.startDate,
                                endDate: request.endDate, backtestMode: "historical_simulation", factorCombinationID: nil,
                                config: snapshot.text, factorCombination: nil, priority: 0, maxAttempts: 3),
            ])
        }
        let expired = TaskTimeForTests.milliseconds(Date().addingTimeInterval(-1))
        try await database.withConnection { db in
            try await db.update("backtest_tasks").set("status", to: SQLBind("running"))
                .set("lease_owner", to: SQLBind("stalled/w9")).set("lease_expires_at", to: SQLBind(expired))
                .set("attempts", to: SQLBind(1)).where("task_id", .equal, SQLBind(later.taskIDs[0])).run()
        }
        #expect(try await eventually { try await second.taskStatus(taskID: later.taskIDs[0]).status == .completed })
        #expect(try await second.taskStatus(taskID: later.taskIDs[0]).attempts == 2)
        await second.shutdown()
        try await database.close()
    }

    @Test("shutdown hands a running task back to the queue without counting the attempt; the next manager finishes it", arguments: TestStoreEngine.available)
    func shutdownRequeues(engine: TestStoreEngine) async throws {
        let market = risingMarket(["600000.SH"], days: 400)
        let database = try await serviceDatabase(engine)
        let slow = TaskManager(database: database, data: FixtureDataSource(data: market.data),
                               configuration: testConfiguration(workers: 1), logger: quietLogger, now: { Date() },
                               executor: stallingExecutor(at: 100))
        try await slow.start()
        let created = try await slow.createBatch(try buyAndHoldBatch(["600000.SH"], market: market))
        _ = await collectEvents(slow.events(batchID: created.batchID),
                                until: { $0.event == "task_progress" && ($0.progress ?? 0) > 0 })
        await slow.shutdown()
        let parked = try await slow.taskStatus(taskID: created.taskIDs[0])
        #expect(parked.status == .queued)
        #expect(parked.attempts == 0)
        #expect(try await database.count("backtest_results") == 0)

        let fast = TaskManager(database: database, data: FixtureDataSource(data: market.data),
                               configuration: testConfiguration(), logger: quietLogger)
        try await fast.start()
        #expect(try await eventually { try await fast.taskStatus(taskID: created.taskIDs[0]).status == .completed })
        #expect(try await fast.taskStatus(taskID: created.taskIDs[0]).attempts == 1)
        await fast.shutdown()
        try await database.close()
    }

    @Test("unknown ids are not found; results of an unfinished task are a conflict; unknown configs are not found", arguments: TestStoreEngine.available)
    func errors(engine: TestStoreEngine) async throws {
        let market = risingMarket(["600000.SH"], days: 10)
        let database = try await serviceDatabase(engine)
        let manager = TaskManager(database: database, data: FixtureDataSource(data: market.data),
                                  configuration: testConfiguration(), logger: quietLogger)
        await #expect(throws: ServiceError.notFound(kind: "task", id: "bt_none")) { try await manager.taskStatus(taskID: "bt_none") }
        await #expect(throws: ServiceError.notFound(kind: "batch", id: "batch_none")) {
            try await manager.batchStatus(batchID: "batch_none")
        }
        await #expect(throws: ServiceError.notFound(kind: "task", id: "bt_none")) { try await manager.cancelTask(taskID: "bt_none") }
        await #expect(throws: ServiceError.notFound(kind: "batch", id: "b")) { try await manager.cancelBatch(batchID: "b") }
        let created = try await manager.createBatch(try buyAndHoldBatch(["600000.SH"], market: market))
        await #expect(throws: ServiceError.self) {
            try await manager.taskResults(taskID: created.taskIDs[0], include: ResultParts())
        }
        let byConfig = try BatchRequest.parse([
            "stock_pool": ["600000.SH"], "start_date": "2020-01-02", "end_date": "2020-01-15",
            "factor_config_id": "config_20990101_001",
        ])
        await #expect(throws: ServiceError.notFound(kind: "config", id: "config_20990101_001")) {
            try await manager.createBatch(byConfig)
        }
        let byStock = try BatchRequest.parse([
            "stock_pool": ["600000.SH"], "start_date": "2020-01-02", "end_date": "2020-01-15", "use_stock_configs": true,
        ])
        do {
            _ = try await manager.createBatch(byStock)
            Issue.record("no error")
        } catch ServiceError.invalidRequest(let error) {
            #expect(error.field == "stock_pool[0]")
        }
        // The failed creations left nothing behind.
        #expect(try await database.count("backtest_batches") == 1)
        // An unknown batch's event stream ends at once.
        var iterator = manager.events(batchID: "batch_none").makeAsyncIterator()
        #expect(await iterator.next() == nil)
        try await database.close()
    }
}
