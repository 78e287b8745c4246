import Foundation
import Hummingbird
import HummingbirdTesting
import HuiceCore
import Logging
import Service
import Storage
import TestSupport
import Web

/// Like `withBacktestWebApp`, but the task manager is never started: a batch created here stays
/// queued, so pages about tasks without results can be tested without racing a worker.
func withQueuedBacktestWebApp<T: Sendable>(
    _ body: @Sendable (_ manager: TaskManager, _ client: any TestClientProtocol) async throws -> T
) async throws -> T {
    try await withBacktestWebApp(start: false) { manager, _, client in try await body(manager, client) }
}

/// The sample batch of `completedBatch`, created but (with no workers) left queued.
func queuedBatch(_ manager: TaskManager) async throws -> BatchCreated {
    try await manager.createBatch(try BatchRequest.parse(sampleBatchBody(name: "queued")))
}

/// The first task of a completed sample batch with its trades and equity curve: the numbers the
/// pages must show, read from the task manager rather than from the pages.
func completedResults(_ manager: TaskManager) async throws -> (batch: BatchCreated, results: TaskResults) {
    let batch = try await completedBatch(manager)
    let results = try await manager.taskResults(taskID: batch.taskIDs[0], include: ResultParts(trades: true, equityCurve: true))
    return (batch, results)
}

extension String {
    /// The values of `attribute="…"` in order of appearance (`data-trade` → the fill rows' ids).
    func attributeValues(_ attribute: String) -> [String] {
        var values: [String] = []
        var rest = self[...]
        let marker = attribute + "=\""
        while let start = rest.range(of: marker) {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            values.append(String(after[..<end]))
            rest = after[end...]
        }
        return values
    }

    /// Occurrences of `needle`.
    func occurrences(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}
