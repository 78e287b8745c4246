import HuiceCore
import MarketData
import TestSupport
import Testing
@testable import Storage

@Suite("Atomic saves")
struct StoreAtomicityTests {
    struct InjectedFailure: Error {}

    /// A set of many bars, so a save spans several statements when batches are small.
    static func laterData() -> MarketDataSet {
        var set = MarketDataSet()
        set.calendar = TradingCalendar(days: [StoreFixtures.day(20240109)])
        var bars = BarSeries(code: StoreFixtures.pufa)
        for i in 0..<10 {
            bars.append(time: BarTime(day: StoreFixtures.day(20240110 + Int32(i))), open: Price(units: 100_000),
                        high: Price(units: 110_000), low: Price(units: 90_000), close: Price(units: 100_000 + Int64(i)),
                        volume: 100)
        }
        set.series[StoreFixtures.pufa] = bars
        set.instruments[StoreFixtures.pufa] = Instrument(code: StoreFixtures.pufa, name: "changed")
        set.limits.set(StoreFixtures.pufa, StoreFixtures.day(20240102), up: Price(units: 1))
        set.suspensions.add(StoreFixtures.pingan, StoreFixtures.day(20240110))
        return set
    }

    @Test("a duplicate key in a later batch rolls back the whole replace", arguments: TestStoreEngine.available)
    func duplicateKeyRollsBack(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            try await store.save(StoreFixtures.marketData())
            let before = try await store.summary()

            var broken = Self.laterData()
            var bars = broken.series[StoreFixtures.pufa]!
            let last = bars.count - 1
            bars.append(time: bars.times[last], open: bars.open[last], high: bars.high[last], low: bars.low[last],
                        close: bars.close[last], volume: 1)
            broken.series[StoreFixtures.pufa] = bars

            await #expect(throws: StorageError.self) {
                try await store.save(broken, mode: .replace, hooks: .none, rowsPerStatement: 3)
            }
            let after = try await store.load()
            #expect(sameData(after, StoreFixtures.marketData()))
            #expect(try await store.summary() == before)
        }
    }

    @Test("a failure after some bar batches landed rolls back the whole merge", arguments: TestStoreEngine.available)
    func injectedFailureRollsBack(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withFreshLocation(engine) { place in
            let store = try await place.openStore()
            try await store.save(StoreFixtures.marketData())

            let hooks = SaveHooks { table, statement in
                if table == StoreTable.bars && statement == 2 { throw InjectedFailure() }
            }
            await #expect(throws: StorageError.self) {
                try await store.save(Self.laterData(), mode: .merge, hooks: hooks, rowsPerStatement: 3)
            }
            #expect(sameData(try await store.load(), StoreFixtures.marketData()))
            try await store.close()

            // and nothing reaches the database either
            let reopened = try await place.openStore()
            #expect(sameData(try await reopened.load(), StoreFixtures.marketData()))
            try await reopened.close()
        }
    }

    @Test("the store stays usable after a failed save", arguments: TestStoreEngine.available)
    func usableAfterFailure(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            let hooks = SaveHooks { _, _ in throw InjectedFailure() }
            await #expect(throws: StorageError.self) {
                try await store.save(StoreFixtures.marketData(), mode: .merge, hooks: hooks)
            }
            try await store.save(StoreFixtures.marketData())
            #expect(sameData(try await store.load(), StoreFixtures.marketData()))
        }
    }

    @Test("the error names the table and the batch's first stock", arguments: TestStoreEngine.available)
    func errorLocation(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            let hooks = SaveHooks { table, _ in if table == StoreTable.bars { throw InjectedFailure() } }
            do {
                try await store.save(StoreFixtures.marketData(), mode: .merge, hooks: hooks)
                Issue.record("save should fail")
            } catch let error as StorageError {
                #expect(error.location.field == "daily_bars")
                #expect(error.location.stock == "000001.SZ")
                #expect(error.location.date == "20240102093100")
            }
        }
    }
}
