import Foundation

/// One result slot per job of a `DispatchQueue.concurrentPerform`, each written once from its own
/// iteration; read after the loop, so results stay in job order whatever the scheduling.
final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<Value, any Error>?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<Value, any Error>) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
