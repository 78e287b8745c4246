import HuiceCore
import MarketData
import Testing
@testable import Storage

@Suite("Shared store")
struct StoreConcurrencyTests {
    @Test("concurrent saves and loads take turns on the one connection")
    func concurrentCallsAreSerialised() async throws {
        let store = try await MarketDataStore.open(path: ":memory:")
        let set = StoreFixtures.marketData()
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<8 {
                group.addTask {
                    if i % 2 == 0 {
                        try await store.save(set)
                        return true
                    }
                    let loaded = try await store.load()
                    // a load sees either nothing yet or the whole set, never half a save
                    return loaded.series.isEmpty || sameData(loaded, set)
                }
            }
            for try await consistent in group { #expect(consistent) }
        }
        #expect(sameData(try await store.load(), set))
        try await store.close()
    }
}
