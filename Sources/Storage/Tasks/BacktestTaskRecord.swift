import Foundation
import HuiceCore

/// One row of `backtest_tasks`: a single-stock backtest and its place in the queue.
public struct BacktestTaskRecord: Sendable, Equatable {
    public var taskID: String
    public var batchID: String?
    public var taskName: String
    /// `backtest` (seed 000 also names `optimization`).
    public var taskType: String
    public var stockCode: String
    public var startDate: TradingDay
    public var endDate: TradingDay
    public var backtestMode: String
    public var factorCombinationID: String?
    public var optimizationResultID: String?
    /// The config snapshot (JSON text) the task runs with, fixed at creation.
    public var config: String
    /// The resolved factor combination (JSON `{name, factors}`), nil without one.
    public var factorCombination: String?
    public var status: String
    public var errorMessage: String?
    public var createdAt: Date
    public var startedAt: Date?
    public var completedAt: Date?
    public var updatedAt: Date
    /// Higher runs first.
    public var priority: Int
    /// Claims so far (each claim counts one).
    public var attempts: Int
    public var maxAttempts: Int
    /// A queued task is not claimed before this time (retry backoff).
    public var nextAttemptAt: Date
    public var leaseOwner: String?
    public var leaseExpiresAt: Date?
    public var cancelRequested: Bool
    /// 0…100.
    public var progress: Int
    public var currentStage: String?
    public var sessionsDone: Int
    public var sessionsTotal: Int
    public var estimatedCompletion: Date?
    /// Wall time of the successful run, milliseconds.
    public var executionMilliseconds: Int64?
    /// JSON: error code, message, attempt and the config, kept after the last failure.
    public var errorSnapshot: String?

    public init(taskID: String, batchID: String?, taskName: String, taskType: String, stockCode: String,
                startDate: TradingDay, endDate: TradingDay, backtestMode: String, factorCombinationID: String?,
                optimizationResultID: String?, config: String, factorCombination: String?, status: String, errorMessage: String?, createdAt: Date,
                startedAt: Date?, completedAt: Date?, updatedAt: Date, priority: Int, attempts: Int, maxAttempts: Int,
                nextAttemptAt: Date, leaseOwner: String?, leaseExpiresAt: Date?, cancelRequested: Bool, progress: Int,
                currentStage: String?, sessionsDone: Int, sessionsTotal: Int, estimatedCompletion: Date?,
                executionMilliseconds: Int64?, errorSnapshot: String?) {
        self.taskID = taskID; self.batchID = batchID; self.taskName = taskName; self.taskType = taskType
        self.stockCode = stockCode; self.startDate = startDate; self.endDate = endDate; self.backtestMode = backtestMode
        self.factorCombinationID = factorCombinationID; self.optimizationResultID = optimizationResultID
        self.config = config; self.factorCombination = factorCombination; self.status = status; self.errorMessage = errorMessage; self.createdAt = createdAt
        self.startedAt = startedAt; self.completedAt = completedAt; self.updatedAt = updatedAt; self.priority = priority
        self.attempts = attempts; self.maxAttempts = maxAttempts; self.nextAttemptAt = nextAttemptAt
        self.leaseOwner = leaseOwner; self.leaseExpiresAt = leaseExpiresAt; self.cancelRequested = cancelRequested
        self.progress = progress; self.currentStage = currentStage; self.sessionsDone = sessionsDone
        self.sessionsTotal = sessionsTotal; self.estimatedCompletion = estimatedCompletion
        self.executionMilliseconds = executionMilliseconds; self.errorSnapshot = errorSnapshot
    }
}
