import Factors
import Foundation
import HuiceCore
import Runtime
import Storage

extension TaskManager {
    /// Creates a batch: resolves the factor configuration(s), writes the batch and one task per
    /// stock (each with its config snapshot) in one transaction, moves the tasks to the queue and
    /// wakes the workers. Returns once every task is stored and queued.
    ///
    /// Throws `ServiceError.notFound(kind: "config", …)` for an unknown `factor_config_id` and
    /// `.invalidRequest` (field `stock_pool[i]`) for a stock without its own config under
    /// `use_stock_configs`.
    public func createBatch(_ request: BatchRequest) async throws -> BatchCreated {
        let stored = try await resolveFactorConfigs(request)
        let now = now()
        let requestText = String(decoding: try request.body.encoded(), as: UTF8.self)
        let maxAttempts = request.maxAttempts ?? configuration.maxAttempts
        let ids = try await repository.insertBatch(taskCount: request.stockPool.count, status: TaskState.pending.rawValue,
                                                   at: now) { ids in
            let tasks = try zip(request.stockPool, ids.taskIDs).map { stock, taskID in
                let config = stored.isEmpty ? nil : stored[stock]
                let snapshot = try TaskConfigSnapshot(request: request, stock: stock, taskID: taskID, stored: config)
                return NewBacktestTask(
                    taskName: "\(request.name) - \(stock)", stockCode: stock.description, startDate: request.startDate,
                    endDate: request.endDate, backtestMode: request.backtestMode.rawValue,
                    factorCombinationID: config?.configID, config: snapshot.text,
                    factorCombination: try TaskResultRecord.json(snapshot.combination),
                    priority: request.priority, maxAttempts: maxAttempts)
            }
            return NewBacktestBatch(name: request.name, description: request.description, request: requestText,
                                    priority: request.priority, tasks: tasks)
        }
        logger.info("batch created", metadata: ["batch_id": "\(ids.batchID)", "tasks": "\(ids.taskIDs.count)"])
        try await enqueue(batchID: ids.batchID)
        let seconds = try await estimatedSeconds()
        return BatchCreated(batchID: ids.batchID, taskIDs: ids.taskIDs, totalTasks: ids.taskIDs.count, status: .queued,
                            createdAt: ServiceTime.text(now), estimatedDuration: ServiceTime.estimate(seconds: seconds),
                            estimatedDurationSeconds: seconds)
    }

    /// The stored factor config of every stock (the same one for `factor_config_id`); empty for
    /// inline strategies.
    private func resolveFactorConfigs(_ request: BatchRequest) async throws -> [StockCode: FactorConfig] {
        let configs = FactorConfigRepository(database: database)
        switch request.strategySource {
        case .inline:
            return [:]
        case .factorConfig(let id):
            guard let config = try await configs.config(id: id) else { throw ServiceError.notFound(kind: "config", id: id) }
            return Dictionary(uniqueKeysWithValues: request.stockPool.map { ($0, config) })
        case .stockConfigs:
            var result: [StockCode: FactorConfig] = [:]
            for (i, stock) in request.stockPool.enumerated() {
                guard let config = try await configs.config(stock: stock) else {
                    throw ServiceError.invalidRequest(RequestError(
                        field: "stock_pool[\(i)]", reason: "invalid value",
                        message: "股票\(stock)暂无因子组合配置（use_stock_configs需要每只股票各有一个配置）",
                        details: ["stock_code": .string(stock.description)]))
                }
                result[stock] = config
            }
            return result
        }
    }

    /// The time the queue needs for what it holds now: the recent mean task time × (queued +
    /// running tasks) / workers, in whole seconds. With no history a task is guessed at 2 s.
    func estimatedSeconds() async throws -> Int {
        let recent = try await repository.recentExecutionMilliseconds(limit: 20)
        let mean = recent.isEmpty ? 2_000 : Double(recent.reduce(0, +)) / Double(recent.count)
        let counts = try await repository.statusCounts()
        let work = (counts[TaskState.queued.rawValue] ?? 0) + (counts[TaskState.running.rawValue] ?? 0)
        return max(1, Int((mean * Double(work) / Double(max(1, configuration.workerCount)) / 1000).rounded(.up)))
    }
}
