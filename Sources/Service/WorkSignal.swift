/// Wakes idle workers when there is new work (a batch created, a task retried), so a queue does
/// not wait for the poll interval. A generation number closes the gap between a worker finding
/// the queue empty and starting to wait: a signal in between makes the wait return at once.
actor WorkSignal {
    private var generation = 0
    private var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter = 0

    /// The current generation; pass it to `wait(after:timeout:)`.
    var current: Int { generation }

    func signal() {
        generation += 1
        let woken = waiters.values
        waiters.removeAll()
        for waiter in woken { waiter.resume() }
    }

    /// Returns when a signal came after `seen`, after `timeout`, or when the calling task is cancelled.
    func wait(after seen: Int, timeout: Duration) async {
        guard generation == seen, !Task.isCancelled else { return }
        let id = nextWaiter
        nextWaiter += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.resume(id)
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { waiters[id] = $0 }
        } onCancel: {
            Task { await self.resume(id) }
        }
        timer.cancel()
    }

    private func resume(_ id: Int) {
        waiters.removeValue(forKey: id)?.resume()
    }
}
