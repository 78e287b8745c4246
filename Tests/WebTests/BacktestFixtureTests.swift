import Service
import Testing

@Suite struct BacktestFixtureTests {
    @Test func sampleBatchCompletesWithTrades() async throws {
        try await withBacktestWebApp { manager, _, _ in
            let created = try await completedBatch(manager)
            #expect(created.taskIDs.count == 2)
            for id in created.taskIDs {
                let results = try await manager.taskResults(taskID: id, include: ResultParts(trades: true, equityCurve: true))
                #expect((results.trades ?? []).count > 4)
                #expect((results.equityCurve ?? []).count > 200)
            }
        }
    }
}
