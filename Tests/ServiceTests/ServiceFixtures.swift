import Foundation
import HuiceCore
import Logging
import MarketData
import Runtime
import Simulation
import Storage
import Synchronization
import TestSupport
@testable import Service

/// A migrated, empty store database for service tests (SQLite in memory; a file where asked).
/// One function, so the suites can later run on PostgreSQL too.
func serviceDatabase(_ engine: TestStoreEngine = .sqlite, file: Bool = false) async throws -> any StoreDatabase {
    if engine == .postgresql {
        let database = try await ScopedPostgresDatabase.open()
        try await database.migrate()
        return database
    }
    let path = file
        ? FileManager.default.temporaryDirectory.appendingPathComponent("huice-service-\(UUID().uuidString)/tasks.sqlite").path
        : ":memory:"
    let database = try await SQLiteStoreDatabase.open(path: path)
    try await database.migrate()
    return database
}

/// Fast queue settings for tests.
func testConfiguration(workers: Int = 2, maxAttempts: Int = 3) -> TaskManagerConfiguration {
    var configuration = TaskManagerConfiguration()
    configuration.workerCount = workers
    configuration.maxAttempts = maxAttempts
    configuration.backoffBase = .milliseconds(10)
    configuration.maxBackoff = .milliseconds(40)
    configuration.progressInterval = .milliseconds(10)
    configuration.pollInterval = .milliseconds(50)
    configuration.sweepInterval = .milliseconds(100)
    configuration.leaseDuration = .seconds(30)  // long enough that a loaded machine never loses a lease mid-test
    // Workers at the normal priority: at nice 10 they yield to every other test of the suite,
    // and a 3-task batch could take longer than an event collector waits.
    configuration.workerNiceness = 0
    return configuration
}

/// A quiet logger (tests assert on state, not on log lines).
let quietLogger: Logger = {
    var logger = Logger(label: "huice.tests")
    logger.logLevel = .critical
    return logger
}()

/// A hand-made market: `stocks` rising by 0.01 a day from 10.00 over `days` weekdays from 2020-01-02.
func risingMarket(_ stocks: [String], days: Int) -> MarketFixture {
    var market = MarketFixture(start: 20200102, count: days)
    for stock in stocks {
        let bars = (0..<days).map { i -> Quote? in
            let price = Price(units: 100_000 + Int64(i) * 100)
            return Quote(open: price, high: price, low: price, close: price, volume: 10_000_000)
        }
        market.add(stock, bars: bars)
    }
    return market
}

/// Inputs from an in-memory data set, one stock (and the benchmark) at a time like the store's source.
struct FixtureDataSource: TaskDataSource {
    let data: MarketDataSet

    func inputs(for stock: StockCode, benchmark: StockCode?, through end: TradingDay) async throws -> BacktestInputs {
        var subset = MarketDataSet()
        subset.calendar = data.calendar
        for code in [stock] + (benchmark.map { [$0] } ?? []) {
            subset.series[code] = data.series[code]
            if let instrument = data.instruments[code] { subset.instruments[code] = instrument }
        }
        return BacktestInputs(data: subset)
    }
}

/// A data source that fails its first `failures` calls (per stock) with `error`, then serves `base`.
final class FlakyDataSource: TaskDataSource, Sendable {
    let base: any TaskDataSource
    let failures: Int
    let error: @Sendable () -> any Error
    private let calls = Mutex<[StockCode: Int]>([:])
    private let instants = Mutex<[ContinuousClock.Instant]>([])

    /// When each call came, in order.
    var callInstants: [ContinuousClock.Instant] { instants.withLock { $0 } }

    init(base: any TaskDataSource, failures: Int, error: @escaping @Sendable () -> any Error) {
        self.base = base
        self.failures = failures
        self.error = error
    }

    func callCount(_ stock: String) -> Int { calls.withLock { $0[StockCode(normalizing: stock)!] ?? 0 } }

    func inputs(for stock: StockCode, benchmark: StockCode?, through end: TradingDay) async throws -> BacktestInputs {
        instants.withLock { $0.append(ContinuousClock.now) }
        let n = calls.withLock { calls -> Int in
            calls[stock, default: 0] += 1
            return calls[stock]!
        }
        if n <= failures { throw error() }
        return try await base.inputs(for: stock, benchmark: benchmark, through: end)
    }
}

/// Runs the backtest normally up to `session`, then holds there (asking the manager's monitor every
/// 5 ms, for at most 60 s) until the task is cancelled: a cancel test that does not race the run.
func stallingExecutor(at session: Int) -> TaskManager.BacktestExecutor {
    { config, inputs, monitor in
        let stalling = RunMonitor(every: 1) { done, total in
            guard done >= session else { return monitor.check(done, total) }
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if !monitor.check(done, total) { return false }
                Thread.sleep(forTimeInterval: 0.005)
            }
            return true
        }
        return try BacktestRunner.run(config, data: inputs.data, factors: inputs.factors, baseDirectory: "/", monitor: stalling)
    }
}

/// A batch body over `stocks` with a buy-and-hold strategy on the fixture's dates.
func buyAndHoldBatch(_ stocks: [String], market: MarketFixture, extra: [String: JSONValue] = [:]) throws -> BatchRequest {
    var body: [String: JSONValue] = [
        "name": "测试批次", "stock_pool": .array(stocks.map { .string($0) }),
        "start_date": .string(market.days.first!.isoString), "end_date": .string(market.days.last!.isoString),
        "initial_capital": 100_000, "strategy": ["type": "buy_and_hold"], "benchmark": nil,
    ]
    for (key, value) in extra { body[key] = value }
    return try BatchRequest.parse(.object(body))
}

/// Collects a batch's events until `batch_completed` (or the time limit, which fails the caller's expectations).
func collectEvents(_ stream: AsyncStream<TaskEvent>, until done: @escaping @Sendable (TaskEvent) -> Bool = { $0.event == "batch_completed" },
                   timeout: Duration = .seconds(60)) async -> [TaskEvent] {
    await withTaskGroup(of: [TaskEvent]?.self) { group in
        group.addTask {
            var events: [TaskEvent] = []
            for await event in stream {
                events.append(event)
                if done(event) { break }
            }
            return events
        }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return nil
        }
        let first = await group.next()!
        group.cancelAll()
        if let events = first { return events }
        return []
    }
}

/// Waits until `condition` holds (polling), up to `timeout`.
func eventually(timeout: Duration = .seconds(60), _ condition: @Sendable () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return false
}

/// Object literals in test bodies (`["type": "buy_and_hold"]`).
extension JSONValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// The store's queue-time form (epoch milliseconds), for tests that write rows directly.
enum TaskTimeForTests {
    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
}
