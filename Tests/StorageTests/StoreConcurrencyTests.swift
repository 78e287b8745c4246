import HuiceCore
import MarketData
import TestSupport
import Testing
@testable import Storage

@Suite("Shared store")
struct StoreConcurrencyTests {
    @Test("concurrent saves and loads: a load sees nothing or the whole set, never half a save",
          arguments: TestStoreEngine.available)
    func concurrentCallsAreAtomic(engine: TestStoreEngine) async throws {
        let set = StoreFixtures.marketData()
        try await TestStoreDatabases.withStore(engine) { store in
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<8 {
                    group.addTask {
                        if i % 2 == 0 {
                            try await store.save(set)
                            return true
                        }
                        let loaded = try await store.load()
                        return loaded.series.isEmpty || sameData(loaded, set)
                    }
                }
                for try await consistent in group { #expect(consistent) }
            }
            #expect(sameData(try await store.load(), set))
        }
    }

    @Test("concurrent merges of overlapping sets (ST periods replaced each time) all succeed",
          arguments: TestStoreEngine.available)
    func concurrentMerges(engine: TestStoreEngine) async throws {
        // Each merge deletes and re-inserts 600000.SH's ST periods: interleaved on PostgreSQL
        // without the save's table locks, the second insert would hit the first one's rows.
        try await TestStoreDatabases.withStore(engine) { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<6 { group.addTask { try await store.save(StoreFixtures.marketData(), mode: .merge) } }
                try await group.waitForAll()
            }
            #expect(sameData(try await store.load(), StoreFixtures.marketData()))
        }
    }
}
