import Foundation
import HuiceCore
import Metrics
import Runtime
import Synchronization
import Testing
@testable import Service

/// The JSON the server sends: seed 000's keys, every seed key present (null when unknown).
@Suite("Response shapes")
struct ResponseShapeTests {
    func keys(_ value: some Encodable) throws -> Set<String> {
        let object = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value)).objectValue ?? [:]
        return Set(object.keys)
    }

    @Test("createBatch, getBatchStatus, getTaskStatus, getTaskList and getTaskResults carry the seed's keys")
    func seedKeys() async throws {
        let stocks = ["600000.SH", "000002.SZ"]
        let market = risingMarket(stocks, days: 12)
        let database = try await serviceDatabase()
        let manager = TaskManager(database: database, data: FixtureDataSource(data: market.data),
                                  configuration: testConfiguration(), logger: quietLogger)
        let created = try await manager.createBatch(try buyAndHoldBatch(stocks, market: market))
        #expect(try keys(created).isSuperset(of: ["batch_id", "task_ids", "total_tasks", "status", "created_at",
                                                   "estimated_duration"]))
        let queued = try await manager.batchStatus(batchID: created.batchID)
        let batchKeys = try keys(queued)
        #expect(batchKeys.isSuperset(of: ["batch_id", "name", "status", "progress", "total_tasks", "completed_tasks",
                                          "failed_tasks", "created_at", "started_at", "estimated_completion",
                                          "current_stage", "tasks"]))
        #expect(queued.status == .queued && queued.startedAt == nil && queued.estimatedCompletion != nil)
        let taskKeys = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(queued))["tasks"]
        guard case .array(let rows)? = taskKeys, case .object(let first)? = rows.first else {
            Issue.record("no task rows")
            return
        }
        #expect(Set(first.keys).isSuperset(of: ["task_id", "stock_code", "status", "progress"]))

        try await manager.start()
        _ = await collectEvents(manager.events(batchID: created.batchID))
        let status = try await manager.taskStatus(taskID: created.taskIDs[0])
        #expect(try keys(status).isSuperset(of: ["task_id", "batch_id", "name", "stock_code", "status", "progress",
                                                  "created_at", "started_at", "estimated_completion", "current_stage",
                                                  "processed_stocks", "total_stocks"]))
        let page = try await manager.taskList(TaskListQuery(page: 1, size: 1))
        #expect(try keys(page) == ["total", "page", "size", "tasks"])
        #expect(page.total == 2 && page.tasks.count == 1)
        #expect(try keys(page.tasks[0]).isSuperset(of: ["task_id", "name", "status", "created_at", "completed_at", "duration",
                                                         "stock_count", "annual_return", "max_drawdown", "sharpe_ratio"]))
        let summaryOnly = try await manager.taskResults(taskID: created.taskIDs[0], include: ResultParts())
        let resultKeys = try keys(summaryOnly)
        #expect(resultKeys.isSuperset(of: ["task_id", "summary", "factor_combination"]))
        #expect(!resultKeys.contains("trades") && !resultKeys.contains("equity_curve"))
        #expect(try keys(summaryOnly.summary).isSuperset(of: ["annual_return", "volatility", "sharpe_ratio", "max_drawdown",
                                                               "win_rate", "total_trades"]))
        #expect(try keys(summaryOnly.factorCombination) == ["name", "factors"])
        let full = try await manager.taskResults(taskID: created.taskIDs[0], include: ResultParts(trades: true, equityCurve: true))
        #expect(try keys(full).isSuperset(of: ["trades", "equity_curve"]))
        #expect(full.equityCurve?.count == 12)
        await manager.shutdown()
        try await database.close()
    }

    @Test("events leave out the keys that do not apply")
    func eventKeys() throws {
        let at = Date(timeIntervalSince1970: 1_704_621_600)
        let state = TaskEvent.state(batchID: "b", taskID: "t", stockCode: "600000.SH", from: .queued, to: .running,
                                    stage: "执行中", at: at)
        #expect(try keys(state) == ["event", "batch_id", "task_id", "stock_code", "from", "to", "current_stage", "at"])
        let risk = TaskEvent.risk(batchID: "b", taskID: "t", stockCode: "600000.SH",
                                  RiskEvent(kind: .maxDrawdown, tradeDate: TradingDay(yyyymmdd: 20240105)!, value: 0.21,
                                            limit: 0.2, equity: Money(fen: 79_000_00), liquidationDate: nil, message: "m"),
                                  at: at)
        #expect(try keys(risk) == ["event", "batch_id", "task_id", "stock_code", "trade_date", "kind", "value", "limit",
                                   "message", "at"])
        #expect(risk.tradeDate == "2024-01-05")
        #expect(risk.at == "2024-01-07T10:00:00Z")
    }

    @Test("durations and estimates read like the seed's")
    func durationText() {
        #expect(ServiceTime.duration(seconds: 45) == "45秒")
        #expect(ServiceTime.duration(seconds: 28 * 60) == "28分钟")
        #expect(ServiceTime.duration(seconds: 3900) == "1小时5分钟")
        #expect(ServiceTime.estimate(seconds: 0) == "约1秒")
        #expect(ServiceTime.estimate(seconds: 61) == "约2分钟")
        #expect(ServiceTime.estimate(seconds: 5400) == "约1小时30分钟")
    }
}

/// swift-metrics: transitions are counted and the state gauges follow the store.
@Suite("Task metrics")
struct TaskMetricsTests {
    @Test("transitions count per target state; updateStateGauges sets huice_tasks and huice_queue_length")
    func metrics() async throws {
        let recorder = TestMetrics.shared
        let market = risingMarket(["600000.SH", "000002.SZ"], days: 10)
        let database = try await serviceDatabase()
        let manager = TaskManager(database: database, data: FixtureDataSource(data: market.data),
                                  configuration: testConfiguration(), logger: quietLogger)
        let queuedBefore = recorder.counter("huice_task_transitions_total", ["to": "queued"])
        let created = try await manager.createBatch(try buyAndHoldBatch(["600000.SH", "000002.SZ"], market: market))
        #expect(recorder.counter("huice_task_transitions_total", ["to": "queued"]) >= queuedBefore + 2)
        try await manager.updateStateGauges()
        #expect(recorder.gauge("huice_tasks", ["state": "queued"]) == 2)
        #expect(recorder.gauge("huice_tasks", ["state": "completed"]) == 0)
        #expect(recorder.gauge("huice_queue_length", [:]) == 2)
        try await manager.start()
        _ = await collectEvents(manager.events(batchID: created.batchID))
        try await manager.updateStateGauges()
        #expect(recorder.gauge("huice_tasks", ["state": "completed"]) == 2)
        #expect(recorder.gauge("huice_queue_length", [:]) == 0)
        #expect(recorder.timerCount("huice_task_run_duration_seconds") >= 2)
        await manager.shutdown()
        try await database.close()
    }
}

/// An in-memory metrics backend, bootstrapped once for the test process.
final class TestMetrics: MetricsFactory, Sendable {
    static let shared: TestMetrics = {
        let metrics = TestMetrics()
        MetricsSystem.bootstrap(metrics)
        return metrics
    }()

    fileprivate struct Key: Hashable {
        var label: String
        var dimensions: [String: String]
    }

    private let values = Mutex<[Key: Double]>([:])
    private let timers = Mutex<[String: Int]>([:])

    func counter(_ label: String, _ dimensions: [String: String]) -> Double {
        values.withLock { $0[Key(label: label, dimensions: dimensions)] ?? 0 }
    }

    func gauge(_ label: String, _ dimensions: [String: String]) -> Double? {
        values.withLock { $0[Key(label: label, dimensions: dimensions)] }
    }

    func timerCount(_ label: String) -> Int { timers.withLock { $0[label] ?? 0 } }

    fileprivate func add(_ key: Key, _ amount: Double) { values.withLock { $0[key, default: 0] += amount } }
    fileprivate func set(_ key: Key, _ value: Double) { values.withLock { $0[key] = value } }
    fileprivate func tick(_ label: String) { timers.withLock { $0[label, default: 0] += 1 } }

    fileprivate static func key(_ label: String, _ dimensions: [(String, String)]) -> Key {
        Key(label: label, dimensions: Dictionary(dimensions, uniquingKeysWith: { _, b in b }))
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        Handler(owner: self, key: Self.key(label, dimensions))
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        Handler(owner: self, key: Self.key(label, dimensions))
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        Handler(owner: self, key: Self.key(label, dimensions))
    }

    func destroyCounter(_ handler: any CounterHandler) {}
    func destroyRecorder(_ handler: any RecorderHandler) {}
    func destroyTimer(_ handler: any TimerHandler) {}

    private final class Handler: CounterHandler, RecorderHandler, TimerHandler, Sendable {
        let owner: TestMetrics
        let key: Key

        init(owner: TestMetrics, key: Key) {
            self.owner = owner
            self.key = key
        }

        func increment(by amount: Int64) { owner.add(key, Double(amount)) }
        func reset() { owner.set(key, 0) }
        func record(_ value: Int64) { owner.set(key, Double(value)) }
        func record(_ value: Double) { owner.set(key, value) }
        func recordNanoseconds(_ duration: Int64) { owner.tick(key.label) }
    }
}
