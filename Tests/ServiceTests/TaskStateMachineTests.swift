import Testing
@testable import Service

/// The state machine against a table written out by hand (not derived from the code's table).
@Suite("Task state machine")
struct TaskStateMachineTests {
    /// Every allowed move, from docs/TASKS.md.
    static let allowed: Set<String> = [
        "pending→queued", "queued→running", "running→completed", "running→failed", "running→cancelled",
        "running→queued", "pending→cancelled", "queued→cancelled", "failed→queued", "cancelled→queued",
    ]

    static var allPairs: [(TaskState, TaskState)] {
        TaskState.allCases.flatMap { from in TaskState.allCases.map { (from, $0) } }
    }

    @Test("exactly the ten documented moves are allowed; every other pair is a conflict")
    func everyPair() {
        var allowedSeen = 0
        for (from, to) in Self.allPairs {
            let expected = Self.allowed.contains("\(from.rawValue)→\(to.rawValue)")
            #expect(TaskStateMachine.allows(from: from, to: to) == expected, "\(from) → \(to)")
            do {
                try TaskStateMachine.validate(from: from, to: to)
                #expect(expected, "\(from) → \(to) was accepted")
                allowedSeen += 1
            } catch {
                #expect(!expected, "\(from) → \(to) was refused")
                guard case .conflict(let field, _) = error else {
                    Issue.record("\(from) → \(to): \(error) is not a conflict")
                    continue
                }
                #expect(field == "status")
            }
        }
        #expect(allowedSeen == 10)
    }

    @Test("each named transition starts only from its sources and ends in its target",
          arguments: [
            (TaskTransition.enqueue, [TaskState.pending], TaskState.queued),
            (.claim, [.queued], .running),
            (.complete, [.running], .completed),
            (.fail, [.running], .failed),
            (.stop, [.running], .cancelled),
            (.cancel, [.pending, .queued], .cancelled),
            (.retryLater, [.running], .queued),
            (.requeue, [.running], .queued),
            (.retry, [.failed, .cancelled], .queued),
          ])
    func transitions(_ transition: TaskTransition, sources: [TaskState], target: TaskState) throws {
        #expect(transition.sources == sources)
        #expect(transition.target == target)
        for state in TaskState.allCases {
            if sources.contains(state) {
                #expect(try TaskStateMachine.target(of: transition, from: state) == target)
            } else {
                #expect(throws: ServiceError.self) { try TaskStateMachine.target(of: transition, from: state) }
            }
        }
        let change = TaskStateMachine.change(transition)
        #expect(change.from == sources.map(\.rawValue))
        #expect(change.to == target.rawValue)
    }

    @Test("every transition is covered by the tests above")
    func allTransitionsListed() {
        #expect(TaskTransition.allCases.count == 9)
        #expect(Set(TaskStateMachine.table.keys) == Set(TaskTransition.allCases))
    }

    @Test("cancelling a completed task is a conflict naming the state")
    func conflictMessage() {
        do {
            _ = try TaskStateMachine.target(of: .cancel, from: .completed)
            Issue.record("no error")
        } catch {
            guard case .conflict(let field, let message) = error else { Issue.record("\(error)"); return }
            #expect(field == "status")
            #expect(message.contains("completed"))
        }
    }
}

@Suite("Retry backoff")
struct BackoffTests {
    @Test("the wait doubles per failed attempt from the base and stops at the cap")
    func doubling() {
        var configuration = TaskManagerConfiguration()
        configuration.backoffBase = .seconds(1)
        configuration.maxBackoff = .seconds(60)
        #expect((1...8).map { configuration.backoff(afterAttempts: $0) }
                    == [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(32), .seconds(60), .seconds(60)])
        #expect(configuration.backoff(afterAttempts: 1_000) == .seconds(60))
    }

    @Test("the defaults are the contract's")
    func defaults() {
        let configuration = TaskManagerConfiguration()
        #expect(configuration.workerCount >= 1)
        #expect(configuration.maxAttempts == 3)
        #expect(configuration.backoffBase == .seconds(1))
        #expect(configuration.leaseDuration == .seconds(30))
        #expect(configuration.progressInterval == .milliseconds(250))
    }
}
