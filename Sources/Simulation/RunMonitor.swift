/// Watches a run from outside: told how far it got every `every` sessions (and after the last),
/// and able to stop it between sessions. The task queue uses it for progress and cancellation.
///
/// `check` runs on the engine's thread inside the session loop, so it must be cheap (record the
/// numbers, read a flag) and must not block. Returning false stops the run after the session just
/// finished; the engine then returns what it has and `BacktestRunner` throws `RunCancelled`.
public struct RunMonitor: Sendable {
    /// Sessions between two calls of `check` (at least 1).
    public var every: Int
    /// Called with the sessions completed so far and the run's session count; false stops the run.
    public var check: @Sendable (_ sessionsDone: Int, _ sessionCount: Int) -> Bool

    public init(every: Int, check: @escaping @Sendable (_ sessionsDone: Int, _ sessionCount: Int) -> Bool) {
        precondition(every >= 1, "a monitor is called at least every session")
        self.every = every
        self.check = check
    }
}

/// A run stopped by its monitor before its last session: there is no result, only how far it got.
public struct RunCancelled: Error, Sendable, Equatable {
    public var sessionsDone: Int
    public var sessionCount: Int

    public init(sessionsDone: Int, sessionCount: Int) {
        self.sessionsDone = sessionsDone
        self.sessionCount = sessionCount
    }
}
