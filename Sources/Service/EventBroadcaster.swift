import Synchronization

/// Fans a manager's events out to the subscribers of each batch.
///
/// A lock rather than an actor: `TaskManager.events(batchID:)` is synchronous (it returns the
/// stream at once), and a subscriber must be registered before the next event is published, or it
/// would miss it. Every operation is a few dictionary updates and non-blocking `yield`s, so the
/// lock is never held for long.
///
/// Each subscriber has its own buffer (`bufferingNewest`): a slow reader loses its oldest
/// undelivered events, never stalls a worker. A new subscriber first receives the batch's recent
/// history (at most `historyLimit` events of the `batchesKept` most recently active batches), so
/// subscribing right after createBatch misses nothing. A stream's termination removes its
/// subscriber.
final class EventBroadcaster: Sendable {
    struct Subscription {
        var stream: AsyncStream<TaskEvent>
        var id: Int
        /// Whether history of the batch was replayed (when not, the caller may look at the store).
        var replayedHistory: Bool
    }

    private struct Subscriber {
        var batchID: String
        var continuation: AsyncStream<TaskEvent>.Continuation
    }

    private struct State {
        var nextID = 0
        var subscribers: [Int: Subscriber] = [:]
        var history: [String: [TaskEvent]] = [:]
        /// Batches with history, least recently active first.
        var recent: [String] = []
        /// Batches whose batch_completed went out (and no task reopened since).
        var completed: Set<String> = []
    }

    private let state = Mutex(State())
    let bufferSize: Int
    let historyLimit: Int
    let batchesKept: Int

    init(bufferSize: Int = 1024, historyLimit: Int = 1024, batchesKept: Int = 64) {
        self.bufferSize = bufferSize
        self.historyLimit = historyLimit
        self.batchesKept = batchesKept
    }

    func subscribe(batchID: String) -> Subscription {
        let (stream, continuation) = AsyncStream<TaskEvent>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        let (id, replayed) = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = Subscriber(batchID: batchID, continuation: continuation)
            let history = state.history[batchID] ?? []
            for event in history { continuation.yield(event) }
            return (id, !history.isEmpty)
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return Subscription(stream: stream, id: id, replayedHistory: replayed)
    }

    func publish(_ event: TaskEvent) {
        state.withLock { state in
            if event.event == "task_state", event.to == .queued || event.to == .pending {
                state.completed.remove(event.batchID)
            }
            Self.record(event, in: &state, limit: historyLimit, batchesKept: batchesKept)
            for subscriber in state.subscribers.values where subscriber.batchID == event.batchID {
                subscriber.continuation.yield(event)
            }
        }
    }

    /// Publishes a batch_completed event unless one already went out since the batch last had a
    /// task reopened (two workers finishing a batch's last tasks at once report it once).
    @discardableResult
    func publishCompletion(_ event: TaskEvent) -> Bool {
        let fresh = state.withLock { $0.completed.insert(event.batchID).inserted }
        if fresh { publish(event) }
        return fresh
    }

    /// Sends `event` to one subscriber only (a late subscriber's view of a batch finished earlier).
    func send(_ event: TaskEvent, to id: Int) {
        state.withLock { state in _ = state.subscribers[id]?.continuation.yield(event) }
    }

    /// Ends one subscriber's stream (a batch that does not exist).
    func finish(_ id: Int) {
        let continuation = state.withLock { $0.subscribers.removeValue(forKey: id)?.continuation }
        continuation?.finish()
    }

    /// Ends every stream (the manager shut down).
    func finishAll() {
        let continuations = state.withLock { state in
            defer { state.subscribers.removeAll() }
            return state.subscribers.values.map(\.continuation)
        }
        for continuation in continuations { continuation.finish() }
    }

    var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    private static func record(_ event: TaskEvent, in state: inout State, limit: Int, batchesKept: Int) {
        var events = state.history[event.batchID] ?? []
        events.append(event)
        if events.count > limit { events.removeFirst(events.count - limit) }
        state.history[event.batchID] = events
        state.recent.removeAll { $0 == event.batchID }
        state.recent.append(event.batchID)
        while state.recent.count > batchesKept {
            let evicted = state.recent.removeFirst()
            state.history.removeValue(forKey: evicted)
            state.completed.remove(evicted)
        }
    }
}
