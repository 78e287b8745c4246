import Analysis
import Foundation
import HuiceCore
import Storage

extension TaskManager {
    /// The batch and its tasks (see `BatchStatus` for how its state and progress are derived).
    public func batchStatus(batchID: String) async throws -> BatchStatus {
        guard let batch = try await repository.batch(id: batchID) else { throw ServiceError.notFound(kind: "batch", id: batchID) }
        let tasks = try await repository.taskStates(batchID: batchID)
        var counts: [String: Int] = [:]
        for task in tasks { counts[task.status, default: 0] += 1 }
        let state = Self.batchState(counts: counts)
        func n(_ state: TaskState) -> Int { counts[state.rawValue] ?? 0 }
        let progress = tasks.isEmpty ? 0 : tasks.map { TaskState(rawValue: $0.status)?.isTerminal == true ? 100 : $0.progress }
            .reduce(0, +) / tasks.count
        var estimate: String?
        if !state.isTerminal {
            // Remaining work in task-units at the recent mean task time, spread over the workers.
            let remaining = tasks.filter { TaskState(rawValue: $0.status)?.isTerminal == false }
                .map { 1 - Double($0.progress) / 100 }.reduce(0, +)
            let recent = try await repository.recentExecutionMilliseconds(limit: 20)
            let mean = recent.isEmpty ? 2_000 : Double(recent.reduce(0, +)) / Double(recent.count)
            let seconds = mean * remaining / Double(max(1, configuration.workerCount)) / 1000
            estimate = ServiceTime.text(now().addingTimeInterval(seconds.rounded(.up)))
        }
        let completed = tasks.filter { $0.status == TaskState.completed.rawValue }
        let figures = try await repository.figures(taskIDs: completed.map(\.taskID))
        let summary = BatchSummary(results: completed.compactMap { task in
            figures[task.taskID].map { (taskID: task.taskID, stockCode: task.stockCode, figures: $0) }
        })
        return BatchStatus(
            batchID: batch.batchID, name: batch.name, description: batch.description, status: state, progress: progress,
            totalTasks: tasks.count, completedTasks: n(.completed), failedTasks: n(.failed), cancelledTasks: n(.cancelled),
            runningTasks: n(.running), queuedTasks: n(.queued) + n(.pending), createdAt: ServiceTime.text(batch.createdAt),
            startedAt: tasks.compactMap(\.startedAt).min().map(ServiceTime.text),
            completedAt: state.isTerminal ? tasks.compactMap(\.completedAt).max().map(ServiceTime.text) : nil,
            estimatedCompletion: estimate, currentStage: state.stage,
            tasks: tasks.map { task in
                BatchStatus.TaskEntry(taskID: task.taskID, stockCode: task.stockCode,
                                 status: TaskState(rawValue: task.status) ?? .pending, progress: task.progress,
                                 currentStage: task.currentStage, errorMessage: task.errorMessage)
            },
            summary: summary)
    }

    /// One task's status (seed 000's getTaskStatus, plus attempts and the last error).
    public func taskStatus(taskID: String) async throws -> TaskStatus {
        guard let task = try await repository.task(id: taskID) else { throw ServiceError.notFound(kind: "task", id: taskID) }
        return Self.status(task)
    }

    /// A page of tasks, newest first, each completed one with its headline figures.
    public func taskList(_ query: TaskListQuery) async throws -> TaskListPage {
        let (offset, overflow) = (query.page - 1).multipliedReportingOverflow(by: query.size)
        guard !overflow else {
            throw ServiceError.invalidRequest(.outOfRange("page", "page \(query.page)过大"))
        }
        let (total, tasks) = try await repository.page(query.filter, offset: offset, limit: query.size)
        let figures = try await repository.figures(taskIDs: tasks.filter { $0.status == TaskState.completed.rawValue }.map(\.taskID))
        let rows = tasks.map { task in
            let f = figures[task.taskID]
            let seconds = task.completedAt.flatMap { done in task.startedAt.map { Int(done.timeIntervalSince($0)) } }
            return TaskListPage.Row(
                taskID: task.taskID, batchID: task.batchID, name: task.taskName, stockCode: task.stockCode,
                status: TaskState(rawValue: task.status) ?? .pending, progress: task.progress,
                createdAt: ServiceTime.text(task.createdAt), completedAt: task.completedAt.map(ServiceTime.text),
                duration: task.status == TaskState.completed.rawValue ? seconds.map(ServiceTime.duration(seconds:)) : nil,
                durationSeconds: task.status == TaskState.completed.rawValue ? seconds : nil, stockCount: 1,
                totalReturn: f?.totalReturn, annualReturn: f?.annualReturn, maxDrawdown: f?.maxDrawdown,
                sharpeRatio: f?.sharpeRatio)
        }
        return TaskListPage(total: total, page: query.page, size: query.size, tasks: rows)
    }

    /// A completed task's result; `.conflict` while the task has none yet.
    public func taskResults(taskID: String, include: ResultParts) async throws -> TaskResults {
        guard let task = try await repository.task(id: taskID) else { throw ServiceError.notFound(kind: "task", id: taskID) }
        guard let record = try await repository.result(taskID: taskID, includingEquityCurve: include.equityCurve) else {
            throw ServiceError.conflict(field: "task_id", message: "任务\(taskID)尚无结果（状态：\(task.status)）")
        }
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String, _ column: String) throws -> T {
            do {
                return try decoder.decode(T.self, from: Data(text.utf8))
            } catch {
                throw StorageError(table: "backtest_results.\(column)", reason: "task \(taskID): unreadable JSON: \(error)")
            }
        }
        return TaskResults(
            taskID: taskID, batchID: task.batchID, stockCode: record.stockCode, backtestID: record.backtestID,
            startDate: record.startDate.isoString, endDate: record.endDate.isoString, initialCash: record.initialCash,
            finalValue: record.finalValue, summary: try decode(BacktestMetrics.self, record.metrics, "metrics"),
            factorCombination: try decode(FactorCombination.self, record.factorCombination, "factor_combination"),
            riskEvents: try decode([RiskEvent].self, record.riskEvents, "risk_events"),
            createdAt: ServiceTime.text(record.createdAt),
            trades: include.trades ? try await repository.trades(taskID: taskID) : nil,
            equityCurve: try record.equityCurve.map { try decode([EquityPoint].self, $0, "equity_curve") })
    }

    static func status(_ task: BacktestTaskRecord) -> TaskStatus {
        let state = TaskState(rawValue: task.status) ?? .pending
        return TaskStatus(
            taskID: task.taskID, batchID: task.batchID, name: task.taskName, stockCode: task.stockCode, status: state,
            progress: task.progress, createdAt: ServiceTime.text(task.createdAt), startedAt: task.startedAt.map(ServiceTime.text),
            completedAt: task.completedAt.map(ServiceTime.text),
            estimatedCompletion: state == .running ? task.estimatedCompletion.map(ServiceTime.text) : nil,
            currentStage: task.currentStage, processedStocks: state == .completed ? 1 : 0, totalStocks: 1,
            startDate: task.startDate.isoString, endDate: task.endDate.isoString, backtestMode: task.backtestMode,
            factorCombinationID: task.factorCombinationID, priority: task.priority, attempts: task.attempts,
            maxAttempts: task.maxAttempts, nextAttemptAt: state == .queued ? ServiceTime.text(task.nextAttemptAt) : nil,
            cancelRequested: task.cancelRequested, sessionsDone: task.sessionsDone, sessionsTotal: task.sessionsTotal,
            errorMessage: task.errorMessage,
            error: task.errorSnapshot.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) })
    }
}
