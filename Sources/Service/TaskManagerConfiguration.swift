import Foundation

/// How a `TaskManager` runs its queue.
public struct TaskManagerConfiguration: Sendable {
    /// Worker loops in this process; each runs one backtest at a time on its own thread.
    /// Default: the active processor count.
    public var workerCount: Int
    /// Attempts a task gets when its request names none (the first run counts).
    public var maxAttempts: Int
    /// The wait before the first automatic retry; doubled for each further attempt, capped at
    /// `maxBackoff`.
    public var backoffBase: Duration
    public var maxBackoff: Duration
    /// How long a claim holds a task without a progress write; a worker writes (and so renews)
    /// well within it. A task whose lease ran out is requeued by the sweep.
    public var leaseDuration: Duration
    /// Progress is written at most this often per task (the run itself only records it in memory).
    public var progressInterval: Duration
    /// How long an idle worker waits before looking at the queue again (new batches wake it at once).
    public var pollInterval: Duration
    /// How often expired leases are looked for.
    public var sweepInterval: Duration
    /// The nice value of the workers' backtest threads (Linux; 0 = the process's own priority).
    /// Default 10: backtests yield the cores to request handling, so status queries stay fast
    /// while every core runs a backtest (docs/BENCHMARKS.md, the service load check).
    public var workerNiceness: Int32

    public init() {
        workerCount = max(1, ProcessInfo.processInfo.activeProcessorCount)
        maxAttempts = 3
        backoffBase = .seconds(1)
        maxBackoff = .seconds(60)
        leaseDuration = .seconds(30)
        progressInterval = .milliseconds(250)
        pollInterval = .seconds(1)
        sweepInterval = .seconds(10)
        workerNiceness = 10
    }

    /// The wait before the attempt after `attempts` failed ones: base × 2^(attempts − 1), capped.
    func backoff(afterAttempts attempts: Int) -> Duration {
        let doublings = max(0, min(attempts - 1, 30))
        let wait = backoffBase * (1 << doublings)
        return min(wait, maxBackoff)
    }
}
