// ============================================================================================
// !!! TEMPORARY STUB — REPLACED AT MERGE !!!
//
// The real `Service` module (TaskManager, batches, workers) is written on the "tasks" branch.
// This file only declares the shared contract's types and signatures (/work/service-api.md) so
// that the `Server` target compiles on the "http" branch. Nothing here works: every body that
// would need behaviour calls `fatalError("stub")`. When "tasks" is merged, delete this file (the
// merge takes that branch's Sources/Service) — no other code may depend on anything that is not
// in the contract, with one exception: `StoreTaskDataSource` (the store-backed TaskDataSource
// that `huice serve` needs) is not in the written contract but is on the "tasks" branch with
// exactly this signature. No test exercises this stub.
// ============================================================================================

import Foundation
import HuiceCore
import Logging
import Metrics
import Runtime
import Storage

public enum TaskState: String, Codable, Sendable, CaseIterable {
    case pending, queued, running, completed, failed, cancelled
}

/// A request field that is missing or wrong (→ HTTP 400 error envelope).
public struct RequestError: Error, Sendable, Equatable {
    public var field: String
    public var reason: String
    public var message: String
    public var details: [String: JSONValue]

    // Not in the contract's listing; the Server's tests construct one. Keep (or add) a public
    // memberwise initialiser like this in the real type.
    public init(field: String, reason: String, message: String, details: [String: JSONValue] = [:]) {
        self.field = field
        self.reason = reason
        self.message = message
        self.details = details
    }
}

/// The createBatch body, parsed and validated.
public struct BatchRequest: Sendable {
    public static func parse(_ body: JSONValue) throws(RequestError) -> BatchRequest { fatalError("stub") }
}

public enum ServiceError: Error, Sendable {
    case notFound(kind: String, id: String)
    case invalidRequest(RequestError)
    case conflict(field: String, message: String)
}

public struct TaskManagerConfiguration: Sendable {
    public var workerCount: Int
    public var maxAttempts: Int
    public var backoffBase: Duration
    public var leaseDuration: Duration
    public var progressInterval: Duration

    public init() {
        workerCount = ProcessInfo.processInfo.activeProcessorCount
        maxAttempts = 3
        backoffBase = .seconds(1)
        leaseDuration = .seconds(30)
        progressInterval = .milliseconds(250)
    }
}

public protocol TaskDataSource: Sendable {
    func inputs(for stock: StockCode, benchmark: StockCode?, through end: TradingDay) async throws -> BacktestInputs
}

/// On the "tasks" branch: the task inputs read from a MarketDataStore.
public struct StoreTaskDataSource: TaskDataSource {
    public let store: MarketDataStore
    public init(store: MarketDataStore) { self.store = store }
    public func inputs(for stock: StockCode, benchmark: StockCode?, through end: TradingDay) async throws -> BacktestInputs {
        fatalError("stub")
    }
}

public final class TaskManager: Sendable {
    public init(database: any StoreDatabase, data: any TaskDataSource, configuration: TaskManagerConfiguration = .init(),
                logger: Logger = Logger(label: "huice.tasks"), now: @escaping @Sendable () -> Date = { Date() }) {}
    public func start() async throws { fatalError("stub") }
    public func shutdown() async { fatalError("stub") }
    public func createBatch(_ request: BatchRequest) async throws -> BatchCreated { fatalError("stub") }
    public func batchStatus(batchID: String) async throws -> BatchStatus { fatalError("stub") }
    public func taskStatus(taskID: String) async throws -> TaskStatus { fatalError("stub") }
    public func taskList(_ query: TaskListQuery) async throws -> TaskListPage { fatalError("stub") }
    public func taskResults(taskID: String, include: ResultParts) async throws -> TaskResults { fatalError("stub") }
    public func cancelTask(taskID: String) async throws -> TaskStatus { fatalError("stub") }
    public func cancelBatch(batchID: String) async throws -> BatchStatus { fatalError("stub") }
    public func retryTask(taskID: String) async throws -> TaskStatus { fatalError("stub") }
    public func events(batchID: String) -> AsyncStream<TaskEvent> { fatalError("stub") }
    public func updateStateGauges() async throws { fatalError("stub") }
}

public struct TaskListQuery: Sendable {
    public static func parse(_ body: JSONValue) throws(RequestError) -> TaskListQuery { fatalError("stub") }
}

public struct ResultParts: Sendable {
    public var trades: Bool
    public var equityCurve: Bool
    public static func parse(_ body: JSONValue) throws(RequestError) -> (taskID: String, parts: ResultParts) { fatalError("stub") }
}

public struct TaskEvent: Sendable, Encodable {
    public var event: String
}

public struct BatchCreated: Sendable, Encodable {}
public struct BatchStatus: Sendable, Encodable {}
public struct TaskStatus: Sendable, Encodable {}
public struct TaskListPage: Sendable, Encodable {}
public struct TaskResults: Sendable, Encodable {}
