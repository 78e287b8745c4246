import Foundation
import HuiceCore
import Logging
import Runtime
import Simulation
import Storage

extension TaskManager {
    /// One worker: claims the next runnable task and runs it, again and again; when nothing is
    /// due it waits for new work, the next retry's due time or the poll interval. Leaves when the
    /// manager stops.
    func workerLoop(index: Int) async {
        let owner = "\(ownerPrefix)/w\(index)"
        // The backtest runs on this worker's own thread, off the cooperative pool, at a lower priority.
        let thread = BacktestThread(name: "huice.task-worker.\(index)", niceness: configuration.workerNiceness)
        defer { thread.finish() }
        var log = logger
        log[metadataKey: "worker"] = "\(index)"
        while !isStopping {
            let generation = await signal.current
            do {
                let now = now()
                let leaseUntil = now.addingTimeInterval(configuration.leaseDuration.seconds)
                let claimed = try await queueEntry.withExclusiveAccess { () async throws -> BacktestTaskRecord? in
                    let task = try await self.repository.claimNext(owner: owner, TaskStateMachine.change(.claim), stage: "加载数据",
                                                                   leaseUntil: leaseUntil, at: now)
                    if let task { self.publishTransition(task, from: .queued, to: .running) }
                    return task
                }
                if let task = claimed {
                    await execute(task, owner: owner, thread: thread)
                    continue
                }
                var wait = configuration.pollInterval
                if let next = try await repository.nextAttemptTime(status: TaskState.queued.rawValue) {
                    let due = max(0.005, next.timeIntervalSince(self.now()))
                    wait = min(wait, .milliseconds(Int64((due * 1000).rounded(.up))))
                }
                await signal.wait(after: generation, timeout: wait)
            } catch {
                log.error("cannot read the queue", metadata: ["error": "\(error)"])
                await signal.wait(after: generation, timeout: configuration.pollInterval)
            }
        }
    }

    /// Runs one claimed task to its next state: completed (result stored), cancelled, queued again
    /// (a retryable failure, or shutdown) or failed.
    func execute(_ task: BacktestTaskRecord, owner: String, thread: BacktestThread) async {
        let clock = ContinuousClock()
        let started = clock.now
        var log = logger
        log[metadataKey: "task_id"] = "\(task.taskID)"
        log[metadataKey: "stock_code"] = "\(task.stockCode)"
        log.info("回测任务开始", metadata: ["attempt": "\(task.attempts)", "max_attempts": "\(task.maxAttempts)"])

        let progress = RunProgress(stage: "加载数据")
        activate(task.taskID, progress)
        let writer = Task { await self.writeProgress(of: task, owner: owner, progress: progress, started: started) }
        let outcome: Result<(BacktestResult, BacktestResultRecord, Date), any Error>
        do {
            let config = try TaskConfigSnapshot.decode(task.config)
            guard let stock = StockCode(normalizing: task.stockCode) else {
                throw ConfigError(field: "stock_code", reason: "'\(task.stockCode)' is not a stock code")
            }
            let inputs = try await data.inputs(for: stock, benchmark: config.benchmark, through: config.endDate)
            if progress.snapshot.stopReason != nil { throw RunCancelled(sessionsDone: 0, sessionCount: 0) }
            progress.setStage("执行回测")
            let monitor = RunMonitor(every: 1) { done, total in progress.record(sessionsDone: done, sessionsTotal: total) }
            let executor = self.executor
            let now = self.now
            // The result's rows (metrics, JSON equity curve and trades) are encoded on the worker's
            // thread too: encoding is most of a short run's cost, and it must not crowd out requests.
            let finished = try await thread.run {
                let result = try executor(config, inputs, monitor)
                let at = now()
                return (result, try TaskResultRecord.make(task: task, result: result, at: at), at)
            }
            outcome = .success(finished)
        } catch {
            outcome = .failure(error)
        }
        writer.cancel()
        let lastPercent = await writer.value
        deactivate(task.taskID)
        let elapsed = clock.now - started
        switch outcome {
        case .success(let (result, record, at)):
            await storeResult(result, record: record, at: at, of: task, owner: owner, elapsed: elapsed,
                              lastPercent: lastPercent, log: log)
        case .failure(let error):
            await handBack(task, owner: owner, after: error, stop: progress.snapshot.stopReason, log: log)
        }
    }

    /// Writes the run's progress at most every `progressInterval` (and at least every third of the
    /// lease, which each write renews) until cancelled; publishes `task_progress` when the percentage
    /// or the stage changes; stops the run when the store says cancel or the lease is gone.
    /// Returns the last percentage published.
    func writeProgress(of task: BacktestTaskRecord, owner: String, progress: RunProgress,
                       started: ContinuousClock.Instant) async -> Int {
        let heartbeat = configuration.leaseDuration / 3
        var lastWritten: RunProgress.Snapshot?
        var lastWriteAt = started
        var lastPercent = -1
        var lastStage = ""
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: configuration.progressInterval)
            } catch {
                break
            }
            let snapshot = progress.snapshot
            let clockNow = ContinuousClock.now
            guard snapshot != lastWritten || clockNow - lastWriteAt >= heartbeat else { continue }
            let now = now()
            var estimate: Date?
            if snapshot.sessionsDone > 0, snapshot.sessionsTotal > snapshot.sessionsDone {
                let elapsed = (clockNow - started).seconds
                estimate = now.addingTimeInterval(
                    elapsed * Double(snapshot.sessionsTotal - snapshot.sessionsDone) / Double(snapshot.sessionsDone))
            }
            do {
                let lease = try await repository.reportProgress(
                    taskID: task.taskID, owner: owner,
                    TaskProgressReport(progress: snapshot.percent, currentStage: snapshot.stage,
                                       sessionsDone: snapshot.sessionsDone, sessionsTotal: snapshot.sessionsTotal,
                                       estimatedCompletion: estimate),
                    leaseUntil: now.addingTimeInterval(configuration.leaseDuration.seconds), at: now)
                lastWritten = snapshot
                lastWriteAt = clockNow
                if !lease.isHeld {
                    progress.requestStop(.leaseLost)
                } else if lease.cancelRequested {
                    progress.requestStop(.cancelRequested)
                }
                guard lease.isHeld else { break }
            } catch {
                logger.warning("cannot write task progress", metadata: ["task_id": "\(task.taskID)", "error": "\(error)"])
                continue
            }
            if (snapshot.percent != lastPercent || snapshot.stage != lastStage), let batchID = task.batchID {
                broadcaster.publish(.progress(batchID: batchID, taskID: task.taskID, stockCode: task.stockCode,
                                              progress: snapshot.percent, stage: snapshot.stage,
                                              estimatedCompletion: estimate, at: now))
                lastPercent = snapshot.percent
                lastStage = snapshot.stage
            }
        }
        return lastPercent
    }

    /// Stores a finished run (result row, trade records, completed) if this worker still holds the
    /// task, then publishes the final progress, the run's risk events and the state change.
    func storeResult(_ result: BacktestResult, record: BacktestResultRecord, at now: Date, of task: BacktestTaskRecord,
                     owner: String, elapsed: Duration, lastPercent: Int, log: Logger) async {
        let milliseconds = Int64((elapsed.seconds * 1000).rounded())
        do {
            let stored = try await repository.complete(
                taskID: task.taskID, owner: owner, TaskStateMachine.change(.complete), stage: TaskState.completed.stage,
                result: record, trades: result.trades, sessions: result.data.sessions, executionMilliseconds: milliseconds,
                at: now)
            guard stored else {
                log.warning("lease lost before the result was stored: another worker owns the task now")
                return
            }
        } catch {
            await handBack(task, owner: owner, after: error, stop: nil, log: log)
            return
        }
        TaskMetrics.recordRun(nanoseconds: Int64(elapsed.seconds * 1e9))
        if let batchID = task.batchID {
            if lastPercent < 100 {
                broadcaster.publish(.progress(batchID: batchID, taskID: task.taskID, stockCode: task.stockCode,
                                              progress: 100, stage: TaskState.completed.stage, estimatedCompletion: nil,
                                              at: now))
            }
            for risk in result.riskEvents {
                broadcaster.publish(.risk(batchID: batchID, taskID: task.taskID, stockCode: task.stockCode, risk, at: now))
            }
        }
        publishTransition(task, from: .running, to: .completed)
        log.info("回测任务完成", metadata: ["execution_time": "\(milliseconds)", "final_value": "\(result.finalValue)",
                                        "trades": "\(result.trades.count)"])
        await publishCompletionIfDone(batchID: task.batchID)
    }

    /// Gives a task back after a run that did not produce a stored result: cancelled (a client asked),
    /// queued (shutdown; or a failure that may pass, after a backoff) or failed. Writes nothing when
    /// another worker owns the task now.
    func handBack(_ task: BacktestTaskRecord, owner: String, after error: any Error, stop: RunProgress.StopReason?,
                  log: Logger) async {
        let now = now()
        let transition: TaskTransition
        var failure: TaskFailure?
        var nextAttempt: Date?
        switch stop {
        case .leaseLost?:
            log.warning("lease lost: another worker owns the task now", metadata: ["error": "\(error)"])
            return
        case .cancelRequested?:
            transition = .stop
        case .shutdown?:
            transition = .requeue
            nextAttempt = now
        case nil:
            let classified = TaskFailure(error)
            failure = classified
            if classified.retryable && task.attempts < task.maxAttempts {
                transition = .retryLater
                nextAttempt = now.addingTimeInterval(configuration.backoff(afterAttempts: task.attempts).seconds)
            } else {
                transition = .fail
            }
        }
        let errorRecord = failure?.record(task: task, at: now)
        let target = transition.target
        do {
            guard let after = try await repository.release(
                taskID: task.taskID, owner: owner, TaskStateMachine.change(transition),
                stage: transition == .retryLater ? "等待重试" : target.stage, error: errorRecord, nextAttemptAt: nextAttempt,
                finishes: target.isTerminal, refundsAttempt: transition == .requeue, at: now)
            else {
                log.warning("lease lost: another worker owns the task now", metadata: ["error": "\(error)"])
                return
            }
            publishTransition(after, from: .running, to: target, errorMessage: errorRecord?.message)
        } catch {
            // The lease runs out and the sweep requeues the task.
            log.error("cannot hand the task back", metadata: ["error": "\(error)"])
            return
        }
        switch transition {
        case .retryLater:
            log.warning("回测任务失败，稍后重试", metadata: ["error": "\(errorRecord?.message ?? "")",
                                                   "next_attempt_at": "\(ServiceTime.text(nextAttempt!))"])
            await signal.signal()
        case .fail:
            log.error("回测任务失败", metadata: ["error": "\(errorRecord?.message ?? "")"])
        case .stop:
            log.info("回测任务已取消")
        case .requeue:
            log.info("回测任务已放回队列（服务停止）")
        default:
            break
        }
        if target.isTerminal { await publishCompletionIfDone(batchID: task.batchID) }
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
