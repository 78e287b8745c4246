/// A FIFO async mutex: one holder at a time, waiters resumed in arrival order.
///
/// The store has one SQLite connection, and a transaction is a sequence of awaited statements;
/// an actor alone would let a second call interleave at every `await` (actor re-entrancy), so
/// every public operation of `MarketDataStore` runs inside `withExclusiveAccess`. The task
/// manager (Service) uses one to order queue entries and claims with their events.
public actor SerialGate {
    private var isHeld = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    private func acquire() async {
        if !isHeld {
            isHeld = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
        // Ownership was handed over by `release()`; `isHeld` stays true.
    }

    private func release() {
        if waiters.isEmpty {
            isHeld = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Runs `body` while holding the gate, releasing it on return or throw.
    public nonisolated func withExclusiveAccess<T: Sendable>(
        _ body: @Sendable () async throws -> T
    ) async throws -> T {
        await acquire()
        do {
            let value = try await body()
            await release()
            return value
        } catch {
            await release()
            throw error
        }
    }
}
