import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A thread of its own for one worker's CPU-bound backtests, run at a lower scheduling priority
/// (a positive nice value) than the threads that serve requests: when every core is busy with
/// backtests, a status query still gets a core at once, and the backtests lose only the moments
/// the server needs. Jobs run one at a time, in order.
///
/// On Linux a thread's nice value is its own (`setpriority(PRIO_PROCESS, 0, …)` from the thread
/// sets only that thread), so the rest of the process keeps its priority. An unprivileged process
/// cannot lower a nice value again, which is why the thread is dedicated rather than borrowed from
/// Dispatch's shared pool.
final class BacktestThread: @unchecked Sendable {
    private let condition = NSCondition()
    /// Guarded by `condition`.
    private var jobs: [@Sendable () -> Void] = []
    private var finished = false

    /// Starts the thread. `niceness` 0 leaves the priority as it is.
    init(name: String, niceness: Int32) {
        let thread = Thread { [self] in
            #if canImport(Glibc)
            if niceness > 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) }
            #endif
            runJobs()
        }
        thread.name = name
        thread.start()
    }

    private func runJobs() {
        while true {
            condition.lock()
            while jobs.isEmpty && !finished { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }

    /// Runs `body` on the thread and returns (or throws) what it does.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            enqueue { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Lets the thread end once its queued jobs are done.
    func finish() {
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
    }

    private func enqueue(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        precondition(!finished, "a job for a finished BacktestThread")
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }
}
