import Dispatch

/// Maps `0..<count` over all cores with `DispatchQueue.concurrentPerform`, keeping the results in
/// index order so the outcome does not depend on scheduling.
///
/// File parsing is independent per file and CPU-bound, which is the case concurrentPerform is
/// made for; it needs no async context, so the synchronous import API stays synchronous.
enum ParallelMap {
    static func map<Element: Sendable>(count: Int, parallel: Bool = true, _ transform: @Sendable (Int) -> Element) -> [Element] {
        guard parallel, count > 1 else { return (0..<count).map(transform) }
        let slots = ResultSlots<Element>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.store(transform(index), at: index)
        }
        return slots.take()
    }
}

/// One slot per index, each written by exactly one iteration, read after all have finished.
private final class ResultSlots<Element>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Element?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func store(_ value: Element, at index: Int) { storage[index] = value }

    func take() -> [Element] { (0..<count).map { storage[$0]! } }
}
