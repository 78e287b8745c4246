import HuiceCore

/// The backtest task manager as the HTTP routes see it: seed 000 §2.3.3's operations, each with
/// the request parsing that belongs to it.
///
/// `TaskManager` (module Service) conforms in `TaskManager+BacktestAPI.swift`; the routes are
/// generic over this protocol so their tests run against a small fake, without a task manager.
/// The associated types are the Service's request and response types (`BatchRequest`,
/// `BatchCreated`, …); the routes only need to encode the responses, never to look inside them.
public protocol BacktestAPI: Sendable {
    /// A parsed, validated createBatch body (`BatchRequest`).
    associatedtype BatchSpec: Sendable
    /// A parsed getTaskList body (`TaskListQuery`).
    associatedtype ListQuery: Sendable
    /// Which optional parts of a task's results to include (`ResultParts`).
    associatedtype Parts: Sendable
    associatedtype Created: Encodable & Sendable
    associatedtype BatchSummary: Encodable & Sendable
    associatedtype TaskSummary: Encodable & Sendable
    associatedtype TaskPage: Encodable & Sendable
    associatedtype Results: Encodable & Sendable
    associatedtype Event: NamedEvent

    /// Parses and validates a createBatch body: every field, unknown keys refused by name.
    static func parseBatch(_ body: JSONValue) throws -> BatchSpec
    /// Parses a getTaskList body (page, size, status, start_date, end_date, batch_id).
    static func parseTaskListQuery(_ body: JSONValue) throws -> ListQuery
    /// Parses a getTaskResults body (task_id, include_trades, include_equity_curve).
    static func parseResultRequest(_ body: JSONValue) throws -> (taskID: String, parts: Parts)

    func createBatch(_ request: BatchSpec) async throws -> Created
    func batchStatus(batchID: String) async throws -> BatchSummary
    func taskStatus(taskID: String) async throws -> TaskSummary
    func taskList(_ query: ListQuery) async throws -> TaskPage
    func taskResults(taskID: String, include: Parts) async throws -> Results
    func cancelTask(taskID: String) async throws -> TaskSummary
    func cancelBatch(batchID: String) async throws -> BatchSummary
    func retryTask(taskID: String) async throws -> TaskSummary
    /// The live events of one batch; the stream ends when the batch does (or the manager stops).
    func events(batchID: String) -> AsyncStream<Event>
    /// Refreshes the task-state gauges (called before `/metrics` renders).
    func updateStateGauges() async throws
}

/// An event with a name, relayed as a Server-Sent Event `event: <name>` with the JSON encoding
/// of the value as `data:` (`TaskEvent`: task_state, task_progress, risk_event, batch_completed).
public protocol NamedEvent: Encodable, Sendable {
    var event: String { get }
}
