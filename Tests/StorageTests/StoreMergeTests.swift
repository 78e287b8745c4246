import HuiceCore
import MarketData
import TestSupport
import Testing
@testable import Storage

@Suite("Save modes")
struct StoreMergeTests {
    typealias F = StoreFixtures

    /// A re-import of 600000.SH: one changed bar (20240108), one new (20240109), a new ST list,
    /// a changed factor, a limit with only the down side, a new calendar day.
    static func reimport() -> MarketDataSet {
        var set = MarketDataSet()
        set.calendar = TradingCalendar(days: [F.day(20240108), F.day(20240109)])
        var bars = BarSeries(code: F.pufa)
        bars.append(time: BarTime(day: F.day(20240108)), open: F.price("11.50"), high: F.price("11.70"),
                    low: F.price("11.10"), close: F.price("11.66"), preClose: F.price("11.33"), volume: 950_000)
        bars.append(time: BarTime(day: F.day(20240109)), open: F.price("11.66"), high: F.price("11.80"),
                    low: F.price("11.50"), close: F.price("11.70"), preClose: F.price("11.66"), volume: 700_000,
                    amount: F.money("8190000.00"))
        set.series[F.pufa] = bars
        set.instruments[F.pufa] = Instrument(code: F.pufa, name: "浦发银行", industry: "银行",
                                             specialTreatment: [SpecialTreatmentPeriod(start: F.day(20240105), end: nil)])
        var factors = AdjustmentFactors(code: F.pufa)
        factors.append(F.day(20240108), 1.25)
        set.adjustments[F.pufa] = factors
        set.limits.set(F.pufa, F.day(20240104), down: F.price("9.27"))
        set.suspensions.add(F.pufa, F.day(20240105))
        return set
    }

    @Test("merge upserts bars per (code, bar_time): overlapping replaced, others kept, new added",
          arguments: TestStoreEngine.available)
    func mergeBars(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            try await store.save(F.marketData())
            try await store.save(Self.reimport(), mode: .merge)
            let loaded = try await store.load()

            var expected = F.dailyBars().keeping(0..<3)
            let new = Self.reimport().series[F.pufa]!
            for i in 0..<new.count {
                let b = new.bar(at: i)
                expected.append(time: b.time, open: b.open, high: b.high, low: b.low, close: b.close,
                                preClose: b.preClose, volume: b.volume, amount: b.amount)
            }
            #expect(loaded.series[F.pufa] == expected)
            #expect(loaded.series[F.pingan] == F.intradayBars())
        }
    }

    @Test("merge: calendar and suspensions union, instrument and its ST periods replaced, factors upserted",
          arguments: TestStoreEngine.available)
    func mergeReferenceTables(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            try await store.save(F.marketData())
            try await store.save(Self.reimport(), mode: .merge)
            let loaded = try await store.load()

            #expect(loaded.calendar?.days == [20240102, 20240103, 20240104, 20240105, 20240108, 20240109].map(F.day))
            #expect(loaded.instruments[F.pufa] == Self.reimport().instruments[F.pufa])
            #expect(loaded.instruments[F.pingan] == F.marketData().instruments[F.pingan])
            #expect(loaded.adjustments[F.pufa]?.days == [20230601, 20240103, 20240108].map(F.day))
            #expect(loaded.adjustments[F.pufa]?.factors == [1.0, 1.123456789, 1.25])
            #expect(loaded.suspensions.days(for: F.pufa) == [F.day(20240105)])
            #expect(loaded.suspensions.days(for: F.pingan) == [F.day(20240104), F.day(20240105)])
        }
    }

    @Test("merge keeps a stored limit side the import lacks", arguments: TestStoreEngine.available)
    func mergeLimits(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            try await store.save(F.marketData())
            try await store.save(Self.reimport(), mode: .merge)
            let loaded = try await store.load()

            var expected = F.marketData().limits
            expected.merge(Self.reimport().limits)
            #expect(loaded.limits == expected)
            #expect(loaded.limits.entry(F.pufa, F.day(20240104)) == .init(up: F.price("11.33"), down: F.price("9.27")))
        }
    }

    @Test("replace leaves exactly the new set", arguments: TestStoreEngine.available)
    func replace(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            try await store.save(F.marketData())
            try await store.save(Self.reimport(), mode: .replace)
            let loaded = try await store.load()
            #expect(sameData(loaded, Self.reimport()))
        }
    }

    @Test("saving the same set twice in merge mode changes nothing", arguments: TestStoreEngine.available)
    func mergeIsIdempotent(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withStore(engine) { store in
            try await store.save(F.marketData())
            try await store.save(F.marketData())
            let loaded = try await store.load()
            #expect(sameData(loaded, F.marketData()))
        }
    }
}
