import Synchronization

/// One running task's progress and stop flag, shared by the engine's thread (which records
/// progress and reads the flag between sessions), the progress writer and the manager.
///
/// A lock, not an actor: the engine's monitor is synchronous and runs once per session, so it must
/// cost a lock and two stores, never a hop to another executor.
final class RunProgress: Sendable {
    /// Why a run should stop, strongest first.
    enum StopReason: Int, Sendable, Comparable {
        /// A client cancelled the task: it ends `cancelled`.
        case cancelRequested = 1
        /// The manager is shutting down: the task goes back to the queue.
        case shutdown = 2
        /// Another worker owns the task now (this one's lease expired): write nothing more.
        case leaseLost = 3

        static func < (a: StopReason, b: StopReason) -> Bool { a.rawValue < b.rawValue }
    }

    struct Snapshot: Sendable, Equatable {
        var sessionsDone = 0
        var sessionsTotal = 0
        var stage: String
        var stopReason: StopReason?

        /// 0…100 by sessions.
        var percent: Int { sessionsTotal > 0 ? sessionsDone * 100 / sessionsTotal : 0 }
    }

    private let state: Mutex<Snapshot>

    init(stage: String) {
        state = Mutex(Snapshot(stage: stage))
    }

    /// From the engine's monitor: records how far the run got; false asks the engine to stop.
    func record(sessionsDone: Int, sessionsTotal: Int) -> Bool {
        state.withLock { s in
            s.sessionsDone = sessionsDone
            s.sessionsTotal = sessionsTotal
            return s.stopReason == nil
        }
    }

    func setStage(_ stage: String) {
        state.withLock { $0.stage = stage }
    }

    /// Asks the run to stop; a stronger reason replaces a weaker one.
    func requestStop(_ reason: StopReason) {
        state.withLock { s in s.stopReason = max(s.stopReason ?? reason, reason) }
    }

    var snapshot: Snapshot { state.withLock { $0 } }
}
