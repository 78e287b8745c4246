import Foundation
import HuiceCore
import Logging
import Runtime
import Simulation
import Storage
import Synchronization

/// Seed 000's task manager: batches of single-stock backtests in a persistent queue, run by a
/// pool of in-process workers, with progress, cancellation, retries and live events
/// (docs/TASKS.md).
///
/// Everything a task is lives in the store (`backtest_tasks`): the queue survives a restart, and
/// the state machine (`TaskStateMachine`) is enforced by conditional updates, so it holds however
/// calls interleave. One server process owns a store's queue: `start()` takes back every task left
/// running (a previous process died with it); leases and the sweep also recover tasks of a worker
/// that stopped writing progress.
///
/// Each worker runs one backtest at a time on its own thread (a backtest is synchronous,
/// CPU-bound code, and must not occupy the cooperative pool); the run reports progress into a
/// lock-protected box, and a separate writer stores it at most every `progressInterval`, reading
/// back the cancel flag.
public final class TaskManager: Sendable {
    let database: any StoreDatabase
    let repository: BacktestTaskRepository
    let data: any TaskDataSource
    let configuration: TaskManagerConfiguration
    let logger: Logger
    let now: @Sendable () -> Date
    let executor: BacktestExecutor
    let broadcaster = EventBroadcaster()
    let signal = WorkSignal()
    /// Held while a task enters the queue (enqueue, retry, requeue) or is claimed, each together
    /// with publishing its event: without it a worker could claim a task and announce
    /// `queued→running` before the enqueuer announced `pending→queued` (seen on PostgreSQL).
    let queueEntry = SerialGate()
    /// Prefix of this process's lease owners (`host-pid-random/wN`).
    let ownerPrefix: String
    private let lifecycle = Mutex(Lifecycle())

    /// Runs one backtest (the real runner; tests substitute a slower or failing one).
    typealias BacktestExecutor = @Sendable (EffectiveConfig, BacktestInputs, RunMonitor) throws -> BacktestResult

    static let standardExecutor: BacktestExecutor = { config, inputs, monitor in
        try BacktestRunner.run(config, data: inputs.data, factors: inputs.factors, baseDirectory: "/", monitor: monitor)
    }

    private struct Lifecycle {
        var started = false
        var stopping = false
        var workers: [Task<Void, Never>] = []
        var sweeper: Task<Void, Never>?
        /// This process's running tasks, to stop them at once on cancel or shutdown.
        var active: [String: RunProgress] = [:]
    }

    public convenience init(database: any StoreDatabase, data: any TaskDataSource,
                            configuration: TaskManagerConfiguration = .init(),
                            logger: Logger = Logger(label: "huice.tasks"), now: @escaping @Sendable () -> Date = { Date() }) {
        self.init(database: database, data: data, configuration: configuration, logger: logger, now: now,
                  executor: Self.standardExecutor)
    }

    init(database: any StoreDatabase, data: any TaskDataSource, configuration: TaskManagerConfiguration, logger: Logger,
         now: @escaping @Sendable () -> Date, executor: @escaping BacktestExecutor) {
        self.database = database
        repository = BacktestTaskRepository(database: database)
        self.data = data
        self.configuration = configuration
        var logger = logger
        logger[metadataKey: "module"] = "task_manager"
        self.logger = logger
        self.now = now
        self.executor = executor
        ownerPrefix = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-"
            + UUID().uuidString.prefix(8).lowercased()
    }

    // MARK: - Lifecycle

    /// Takes back the tasks a dead process left running (this process owns the store's queue
    /// from now on: every running task is requeued, or failed when it used all its attempts),
    /// queues tasks left pending, and starts the workers and the lease sweep. Calling it twice
    /// does nothing the second time.
    public func start() async throws {
        let first = lifecycle.withLock { state -> Bool in
            guard !state.started else { return false }
            state.started = true
            return true
        }
        guard first else { return }
        do {
            try await recoverAbandoned(expiredBy: nil)
            try await enqueueLeftPending()
        } catch {
            // Nothing started: a later call may try again.
            lifecycle.withLock { $0.started = false }
            throw error
        }
        let workers = (0..<max(1, configuration.workerCount)).map { index in
            Task { await self.workerLoop(index: index) }
        }
        let sweeper = Task { await self.sweepLoop() }
        lifecycle.withLock { state in
            state.workers = workers
            state.sweeper = sweeper
        }
        logger.info("task manager started", metadata: ["workers": "\(workers.count)"])
    }

    /// Stops the workers: running backtests stop after their current day and go back to the
    /// queue (the attempt is not counted), idle workers leave, and event streams end. Returns when
    /// every worker has left. Call it before letting go of a started manager (its workers hold it).
    /// A manager runs once: `start()` after `shutdown()` does nothing.
    public func shutdown() async {
        let (workers, sweeper, active) = lifecycle.withLock { state in
            state.stopping = true
            defer { state.workers = []; state.sweeper = nil }
            return (state.workers, state.sweeper, Array(state.active.values))
        }
        for progress in active { progress.requestStop(.shutdown) }
        await signal.signal()
        sweeper?.cancel()
        for worker in workers { await worker.value }
        await sweeper?.value
        broadcaster.finishAll()
        logger.info("task manager stopped")
    }

    var isStopping: Bool { lifecycle.withLock { $0.stopping } }

    /// Registers a task this process runs (stopped at once when the manager is stopping).
    func activate(_ taskID: String, _ progress: RunProgress) {
        lifecycle.withLock { state in
            state.active[taskID] = progress
            if state.stopping { progress.requestStop(.shutdown) }
        }
    }

    func deactivate(_ taskID: String) {
        _ = lifecycle.withLock { $0.active.removeValue(forKey: taskID) }
    }

    /// Stops a task this process runs, without waiting for the progress writer to see the flag.
    func stopLocally(_ taskID: String, _ reason: RunProgress.StopReason) {
        lifecycle.withLock { $0.active[taskID] }?.requestStop(reason)
    }

    // MARK: - Events and gauges

    /// Live events of `batchID` (see `TaskEvent`), starting with the batch's recent history when
    /// this process has it. A batch that finished before this process knew of it yields one
    /// `batch_completed`; an unknown batch ends the stream at once. The stream ends when the
    /// manager shuts down; cancelling its consumer unsubscribes it.
    public func events(batchID: String) -> AsyncStream<TaskEvent> {
        let subscription = broadcaster.subscribe(batchID: batchID)
        if isStopping {
            broadcaster.finish(subscription.id)
        } else if !subscription.replayedHistory {
            let id = subscription.id
            Task {
                do {
                    let status = try await self.batchStatus(batchID: batchID)
                    if status.status.isTerminal {
                        self.broadcaster.send(.batchCompleted(
                            batchID: batchID, status: status.status.rawValue, total: status.totalTasks,
                            completed: status.completedTasks, failed: status.failedTasks,
                            cancelled: status.cancelledTasks, at: self.now()), to: id)
                    }
                } catch ServiceError.notFound {
                    self.broadcaster.finish(id)
                } catch {
                    self.logger.warning("cannot read batch status for a subscriber", metadata: ["batch_id": "\(batchID)",
                                                                                               "error": "\(error)"])
                }
            }
        }
        return subscription.stream
    }

    /// Sets the gauges `huice_tasks{state=…}` (tasks per state) and `huice_queue_length` (queued
    /// tasks) from the store. The server calls it before each metrics scrape.
    public func updateStateGauges() async throws {
        let counts = try await repository.statusCounts()
        var byState: [TaskState: Int] = [:]
        for (status, count) in counts {
            if let state = TaskState(rawValue: status) { byState[state] = count }
        }
        TaskMetrics.recordStates(byState)
    }

    // MARK: - Shared helpers

    /// Publishes a state change and counts it.
    func publishTransition(_ task: BacktestTaskRecord, from: TaskState, to: TaskState, errorMessage: String? = nil) {
        TaskMetrics.recordTransition(to: to)
        guard let batchID = task.batchID else { return }
        broadcaster.publish(.state(batchID: batchID, taskID: task.taskID, stockCode: task.stockCode, from: from, to: to,
                                   stage: to.stage, errorMessage: errorMessage, at: now()))
    }

    /// After a task reached a final state: publishes `batch_completed` when the whole batch is final.
    func publishCompletionIfDone(batchID: String?) async {
        guard let batchID else { return }
        do {
            let counts = try await repository.statusCounts(batchID: batchID)
            let total = counts.values.reduce(0, +)
            let final = TaskState.allCases.filter(\.isTerminal).reduce(0) { $0 + (counts[$1.rawValue] ?? 0) }
            guard total > 0, final == total else { return }
            let completed = counts[TaskState.completed.rawValue] ?? 0
            let failed = counts[TaskState.failed.rawValue] ?? 0
            let cancelled = counts[TaskState.cancelled.rawValue] ?? 0
            let status = Self.batchState(counts: counts)
            if broadcaster.publishCompletion(.batchCompleted(batchID: batchID, status: status.rawValue, total: total,
                                                             completed: completed, failed: failed, cancelled: cancelled,
                                                             at: now())) {
                logger.info("batch finished", metadata: ["batch_id": "\(batchID)", "status": "\(status.rawValue)",
                                                         "completed": "\(completed)", "failed": "\(failed)"])
            }
        } catch {
            logger.warning("cannot check batch completion", metadata: ["batch_id": "\(batchID)", "error": "\(error)"])
        }
    }

    /// A batch's state from its tasks' (see `BatchStatus`).
    static func batchState(counts: [String: Int]) -> TaskState {
        func n(_ state: TaskState) -> Int { counts[state.rawValue] ?? 0 }
        let total = counts.values.reduce(0, +)
        let final = n(.completed) + n(.failed) + n(.cancelled)
        if total > 0 && final == total {
            return n(.failed) > 0 ? .failed : n(.completed) > 0 ? .completed : .cancelled
        }
        if n(.running) > 0 || final > 0 { return .running }
        return n(.queued) > 0 ? .queued : .pending
    }
}
