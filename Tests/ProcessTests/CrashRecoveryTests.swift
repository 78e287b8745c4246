import Foundation
import HuiceCore
import Runtime
import SQLKit
import Storage
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The issue's crash-safety requirement, with the real executable: `kill -9` a `huice serve` in the
/// middle of a batch, start it again on the same data directory, and the batch completes with every
/// task's result stored exactly once, equal to a direct run of the task's config.
@Suite("huice serve killed and restarted", .serialized)
struct CrashRecoveryTests {
    /// The bundled sample's twelve stocks (Sources/Runtime/SampleData).
    static let sampleStocks = [
        "000001.SZ", "000002.SZ", "002230.SZ", "002594.SZ", "002739.SZ", "300059.SZ",
        "300104.SZ", "600000.SH", "600036.SH", "600085.SH", "600809.SH", "601766.SH",
    ]

    @Test("a task running at kill -9 is re-run after the restart; every result is stored once and equals a direct run")
    func killedServerResumesItsBatches() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let directory = try temporaryDirectory("huice-crash")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let storePath = (directory as NSString).appendingPathComponent("huice.sqlite")
        let servers = ServerGroup(directory: directory)
        defer { servers.killAll() }

        // The first start creates the store and imports the sample.
        var (server, client) = try await servers.start()
        let config = try await client.call("api/v1/factor-config/create", """
            {"stock_code": "600036.SH", "description": "崩溃恢复测试组合",
             "technical_factors": ["rsi", "macd"], "fundamental_factors": ["pe_ratio", "roe"],
             "factor_weights": {"rsi": 0.3, "macd": 0.2, "pe_ratio": 0.2, "roe": 0.3},
             "factor_params": {"rsi": {"period": 10}}}
            """)
        let configID = try #require(config[path: "config_id"]?.stringValue)
        let pool = "[" + Self.sampleStocks.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        // Two batches, so the restart also has to pick up a batch none of whose tasks had started:
        // the stored factor config for every stock, and an inline strategy.
        let factorBatch = try await client.call("api/v1/backtest/createBatch", """
            {"name": "崩溃恢复·因子", "stock_pool": \(pool), "start_date": "2012-01-04", "end_date": "2017-07-14",
             "initial_capital": 1000000, "factor_config_id": "\(configID)"}
            """)
        let crossoverBatch = try await client.call("api/v1/backtest/createBatch", """
            {"name": "崩溃恢复·均线", "stock_pool": \(pool), "start_date": "2012-01-04", "end_date": "2017-07-14",
             "initial_capital": 500000, "strategy": {"type": "sma_crossover", "fast": 5, "slow": 20, "sizing": "all_cash"}}
            """)
        let batchIDs = try [factorBatch, crossoverBatch].map { batch in
            try #require(batch[path: "batch_id"]?.stringValue)
        }
        let allTaskIDs = [factorBatch, crossoverBatch].flatMap { $0[path: "task_ids"]?.arrayValue ?? [] }.compactMap(\.stringValue)
        #expect(allTaskIDs.count == 2 * Self.sampleStocks.count)

        // Kill while a task runs and at least one result has landed. The poll and the kill race
        // the worker: the polled task may finish in between, and then (--workers 1) the next one
        // is usually claimed at once and is the one killed. The store says which task the dead
        // process left running; in the rare case of none (killed between a completion and the
        // next claim), the next server takes over and we try again.
        var atKill: StoreSnapshot?
        var interruptedID = ""
        var killedPID: Int32 = 0
        for attempt in 1...4 {
            let window = try await Self.waitForKillWindow(client, batchIDs: batchIDs, timeout: .seconds(60))
            try await server.stop(with: SIGKILL)
            #expect(server.process.terminationReason == .uncaughtSignal)
            let snapshot = try await StoreSnapshot.read(storePath)
            let running = snapshot.tasks.values.filter { $0.status == "running" }.map(\.taskID)
            #expect(running.count <= 1, "--workers 1, yet running at the kill: \(running)")
            if let taskID = running.first {
                atKill = snapshot
                interruptedID = taskID
                killedPID = server.pid
                if taskID != window.taskID { print("crash test: \(window.taskID) finished before the kill; \(taskID) ran instead") }
                break
            }
            print("crash test: attempt \(attempt) killed the server between two tasks; restarting and trying again")
            (server, client) = try await servers.start()
        }
        let killed = try #require(atKill, "no kill landed while a task was running")
        let interrupted = try #require(killed.tasks[interruptedID])

        // The store right after the kill: the task is still marked running by the dead process,
        // with one attempt and no result; every completed task has exactly its one result row.
        #expect(interrupted.attempts == 1)
        // Held by the process just killed (lease owners are host-pid-random/wN).
        #expect(interrupted.leaseOwner?.contains("-\(killedPID)-") == true, "\(interrupted.leaseOwner ?? "no owner")")
        #expect(killed.resultCounts[interruptedID] == nil)
        #expect(killed.tradeRowCounts[interruptedID] == nil)
        let completedAtKill = Set(killed.tasks.values.filter { $0.status == "completed" }.map(\.taskID))
        #expect(!completedAtKill.isEmpty)
        #expect(Set(killed.resultCounts.keys) == completedAtKill)
        #expect(killed.resultCounts.values.allSatisfy { $0 == 1 })
        #expect(killed.tasks.count == allTaskIDs.count)

        // Restart on the same directory (no second import) and let both batches finish.
        (server, client) = try await servers.start()
        try await Self.waitUntilFinished(client, batchIDs: batchIDs, timeout: .seconds(90))
        for batchID in batchIDs {
            let status = try await client.call("api/v1/backtest/getBatchStatus", #"{"batch_id": "\#(batchID)"}"#)
            #expect(status[path: "status"] == "completed", "\(batchID): \(status)")
            #expect(status[path: "completed_tasks"]?.intValue == Self.sampleStocks.count)
        }
        // A graceful stop, so the store is closed cleanly before the test reads it.
        try await server.stop(with: SIGINT)
        #expect(server.process.terminationStatus == 0, "\(server.errorTail)")

        let final = try await StoreSnapshot.read(storePath)
        #expect(final.tasks.count == allTaskIDs.count)
        for task in final.tasks.values {
            #expect(task.status == "completed", "\(task.taskID): \(task.status) \(task.errorMessage ?? "")")
        }
        // Exactly one result per (task_id, stock_code), for every task and nothing else.
        #expect(final.resultCounts == Dictionary(uniqueKeysWithValues: allTaskIDs.map { ($0, 1) }))
        #expect(final.resultStocks == Dictionary(uniqueKeysWithValues: final.tasks.values.map { ($0.taskID, $0.stockCode) }))

        // The interrupted task ran again; no other task ran twice; results stored before the
        // kill were not written again.
        let rerun = try #require(final.tasks[interruptedID])
        #expect(rerun.attempts == 2)
        // Display times have whole seconds: the re-run may start within the second of the first run.
        #expect(rerun.startedAt.map { $0 >= interrupted.startedAt ?? .distantFuture } == true)
        // The restarted server took the task back at start (before its workers started), not
        // later through the lease sweep, and said so.
        let log = server.logLines
        let recoveries = log.indices.filter { log[$0]["message"] == "abandoned task requeued" }
        #expect(recoveries.map { log[$0]["task_id"] } == [.string(interruptedID)], "\(recoveries.map { log[$0] })")
        let workersStarted = log.firstIndex { $0["message"] == "task manager started" }
        #expect(recoveries.first.map { $0 < workersStarted ?? -1 } == true, "recovery after the workers started")
        for task in final.tasks.values where task.taskID != interruptedID {
            #expect(task.attempts == 1, "\(task.taskID) ran \(task.attempts) times")
        }
        for taskID in completedAtKill {
            #expect(final.results[taskID]?.createdAt == killed.results[taskID]?.createdAt, "\(taskID)")
            #expect(final.results[taskID]?.finalValue == killed.results[taskID]?.finalValue, "\(taskID)")
        }

        // Each task equals BacktestRunner.run of its stored config snapshot over the whole store,
        // to the fen; its trade rows are that run's trades, each once.
        let store = try await MarketDataStore.open(path: storePath)
        do {
            let data = try await store.load()
            let factors = try await store.loadFactors()
            let repository = BacktestTaskRepository(database: store.database)
            var tradesInAll = 0
            for taskID in allTaskIDs {
                let task = try #require(final.tasks[taskID])
                let config = try EffectiveConfig(BacktestConfig.decode(Data(task.config.utf8), file: taskID))
                #expect(config.universe?.map(\.description) == [task.stockCode], "\(taskID)")
                let direct = try BacktestRunner.run(config, data: data, factors: factors, baseDirectory: "/")
                let stored = try #require(final.results[taskID])
                #expect(stored.finalValue == direct.finalValue, "\(taskID) \(task.stockCode)")
                #expect(final.tradeRowCounts[taskID, default: 0] == direct.trades.count, "\(taskID)")
                #expect(try await repository.trades(taskID: taskID) == direct.trades, "\(taskID)")
                tradesInAll += direct.trades.count
            }
            // The comparison means something only if the runs traded.
            #expect(tradesInAll > 0)
            try await store.close()
        } catch {
            try? await store.close()
            throw error
        }
        print("crash test: \(allTaskIDs.count) tasks, interrupted \(interruptedID) at \(interrupted.progress)%, "
              + "\(completedAtKill.count) completed before the kill, \(clock.now - started)")
    }

    /// The task seen running after at least one of the batches' tasks had completed.
    struct KillWindow {
        var taskID: String
    }

    /// Polls the batches until a task is running and at least one task has completed. (A task
    /// takes ~150 ms in a debug build, less than one progress interval, so its progress is often
    /// still 0 when it is killed: the claim — status, lease, attempt — is what recovery undoes.)
    static func waitForKillWindow(_ client: APIClient, batchIDs: [String], timeout: Duration) async throws -> KillWindow {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            var completed = 0
            var running: String?
            for batchID in batchIDs {
                let status = try await client.call("api/v1/backtest/getBatchStatus", #"{"batch_id": "\#(batchID)"}"#)
                for task in status[path: "tasks"]?.arrayValue ?? [] {
                    if task[path: "status"] == "completed" { completed += 1 }
                    if task[path: "status"] == "running" { running = task[path: "task_id"]?.stringValue }
                }
            }
            if completed > 0, let running { return KillWindow(taskID: running) }
            if completed == 2 * sampleStocks.count {
                throw ProcessTestError("every task completed before a kill window was seen: the batches are too small")
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ProcessTestError("no task was seen running after a completed one within \(timeout)")
    }

    /// Polls until every batch is in a final state.
    static func waitUntilFinished(_ client: APIClient, batchIDs: [String], timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        var pending = Set(batchIDs)
        while !pending.isEmpty {
            guard ContinuousClock.now < deadline else {
                throw ProcessTestError("batches \(pending.sorted()) not finished within \(timeout)")
            }
            for batchID in pending {
                let status = try await client.call("api/v1/backtest/getBatchStatus", #"{"batch_id": "\#(batchID)"}"#)
                if let state = status[path: "status"]?.stringValue, ["completed", "failed", "cancelled"].contains(state) {
                    pending.remove(batchID)
                }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }
}

/// The servers one test starts on one data directory (one at a time), all killed at the end.
final class ServerGroup: @unchecked Sendable {
    let directory: String
    private var servers: [ServerProcess] = []

    init(directory: String) {
        self.directory = directory
    }

    /// Starts `huice serve --port 0 --data-dir <directory> --workers 1` and waits for /healthz.
    func start() async throws -> (ServerProcess, APIClient) {
        let server = try ServerProcess(
            arguments: ["serve", "--port", "0", "--data-dir", directory, "--workers", "1"],
            logDirectory: directory, name: "server\(servers.count + 1)")
        servers.append(server)
        // The first start imports the sample into the new store before it listens.
        let url = try await server.waitUntilListening(timeout: .seconds(60))
        let client = APIClient(baseURL: url)
        try await client.waitUntilHealthy(timeout: .seconds(10))
        return (server, client)
    }

    func killAll() {
        for server in servers { server.killIfRunning() }
    }
}

/// What the store holds, read directly from its file (no server running).
struct StoreSnapshot {
    var tasks: [String: BacktestTaskRecord] = [:]
    /// backtest_results rows per task id.
    var resultCounts: [String: Int] = [:]
    /// The stock of each task's result row(s).
    var resultStocks: [String: String] = [:]
    var results: [String: BacktestResultRecord] = [:]
    /// backtest_trade_records rows per task id.
    var tradeRowCounts: [String: Int] = [:]

    static func read(_ path: String) async throws -> StoreSnapshot {
        let database = try await SQLiteStoreDatabase.open(path: path)
        do {
            var snapshot = StoreSnapshot()
            let repository = BacktestTaskRepository(database: database)
            let batchIDs = try await database.read { db in
                try await db.raw("SELECT batch_id FROM backtest_batches").all().map { try $0.decode(column: "batch_id", as: String.self) }
            }
            for batchID in batchIDs {
                for task in try await repository.tasks(batchID: batchID) { snapshot.tasks[task.taskID] = task }
            }
            let resultRows = try await database.read { db in
                try await db.raw("SELECT task_id, stock_code, COUNT(*) AS n FROM backtest_results GROUP BY task_id, stock_code").all()
                    .map { (try $0.decode(column: "task_id", as: String.self), try $0.decode(column: "stock_code", as: String.self),
                            try $0.decode(column: "n", as: Int.self)) }
            }
            for (taskID, stock, count) in resultRows {
                snapshot.resultCounts[taskID, default: 0] += count
                snapshot.resultStocks[taskID] = stock
                snapshot.results[taskID] = try await repository.result(taskID: taskID)
            }
            let tradeRows = try await database.read { db in
                try await db.raw("SELECT task_id, COUNT(*) AS n FROM backtest_trade_records GROUP BY task_id").all()
                    .map { (try $0.decode(column: "task_id", as: String.self), try $0.decode(column: "n", as: Int.self)) }
            }
            snapshot.tradeRowCounts = Dictionary(uniqueKeysWithValues: tradeRows)
            try await database.close()
            return snapshot
        } catch {
            try? await database.close()
            throw error
        }
    }
}
