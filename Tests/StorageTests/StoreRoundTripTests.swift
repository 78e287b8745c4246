import Foundation
import HuiceCore
import MarketData
import TestSupport
import Testing
@testable import Storage

@Suite("MarketDataStore round trip")
struct StoreRoundTripTests {
    @Test("a saved set loads back equal, table by table", arguments: TestStoreEngine.available)
    func roundTrip(engine: TestStoreEngine) async throws {
        let saved = StoreFixtures.marketData()
        let loaded = try await TestStoreDatabases.withStore(engine) { store in
            try await store.save(saved)
            return try await store.load()
        }
        #expect(loaded.calendar == saved.calendar)
        #expect(loaded.series == saved.series)
        #expect(loaded.instruments == saved.instruments)
        #expect(loaded.adjustments == saved.adjustments)
        #expect(loaded.limits == saved.limits)
        #expect(loaded.suspensions == saved.suspensions)
    }

    @Test("missing amount and pre_close come back as the sentinels; intraday times and 4-decimal prices exact",
          arguments: TestStoreEngine.available)
    func sentinelsAndExactValues(engine: TestStoreEngine) async throws {
        let loaded = try await TestStoreDatabases.withStore(engine) { store in
            try await store.save(StoreFixtures.marketData())
            return try await store.load()
        }
        let daily = try #require(loaded.series[StoreFixtures.pufa])
        #expect(daily.preClose[1] == .zero)
        #expect(daily.amount[1] == BarSeries.unknownAmount)
        #expect(daily.amount[0] == Money(fen: 1_283_988_055))
        let intraday = try #require(loaded.series[StoreFixtures.pingan])
        #expect(intraday.times.map(\.rawValue) == [20240102093100, 20240102093200, 20240102145959, 20240103093100])
        #expect(intraday.open[2] == Price(units: 31_415))
        #expect(intraday.preClose[2] == Price(units: 1))
        #expect(intraday.amount[2] == Money(fen: 1))
    }

    @Test("the store keeps the data across close and re-open", arguments: TestStoreEngine.available)
    func persists(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withFreshLocation(engine) { place in
            let first = try await place.openStore()
            try await first.save(StoreFixtures.marketData())
            try await first.close()

            let second = try await place.openStore()
            let loaded = try await second.load()
            try await second.close()
            #expect(sameData(loaded, StoreFixtures.marketData()))
        }
    }

    @Test("a code outside the exchanges round-trips", arguments: TestStoreEngine.available)
    func otherMarketCode(engine: TestStoreEngine) async throws {
        var set = MarketDataSet()
        var bars = BarSeries(code: StoreFixtures.other)
        bars.append(time: BarTime(day: StoreFixtures.day(20240102)), open: Price(units: 1_000_000),
                    high: Price(units: 1_100_000), low: Price(units: 990_000), close: Price(units: 1_050_000),
                    volume: 5)
        set.series[StoreFixtures.other] = bars
        let loaded = try await TestStoreDatabases.withStore(engine) { store in
            try await store.save(set)
            return try await store.load()
        }
        #expect(loaded.series == set.series)
    }

    @Test("an empty store loads an empty set without a calendar", arguments: TestStoreEngine.available)
    func emptyStore(engine: TestStoreEngine) async throws {
        let loaded = try await TestStoreDatabases.withStore(engine) { store in try await store.load() }
        #expect(loaded.calendar == nil)
        #expect(loaded.series.isEmpty && loaded.instruments.isEmpty && loaded.adjustments.isEmpty)
        #expect(loaded.limits.isEmpty && loaded.suspensions.isEmpty)
    }

    @Test("summary gives per-code bar counts and first/last times", arguments: TestStoreEngine.available)
    func summary(engine: TestStoreEngine) async throws {
        let summary = try await TestStoreDatabases.withStore(engine) { store in
            try await store.save(StoreFixtures.marketData())
            return try await store.summary()
        }
        #expect(summary.stocks == [
            StoreSummary.Stock(code: StoreFixtures.pingan, barCount: 4,
                               firstTime: BarTime(rawValue: 20240102093100)!, lastTime: BarTime(rawValue: 20240103093100)!),
            StoreSummary.Stock(code: StoreFixtures.pufa, barCount: 4,
                               firstTime: BarTime(rawValue: 20240102000000)!, lastTime: BarTime(rawValue: 20240108000000)!),
        ])
        #expect(summary.barCount == 8)
        #expect(summary.stocks[1].firstDay == StoreFixtures.day(20240102))
        #expect(summary.stocks[1].lastDay == StoreFixtures.day(20240108))
        #expect(summary.calendarDays == 5)
        #expect(summary.instruments == 2)
        #expect(summary.adjustmentFactors == 4)
        #expect(summary.priceLimits == 3)
        #expect(summary.suspensions == 3)
        #expect(summary.factorValues == 0)
        #expect(summary.schemaVersion == MarketDataSchema.latestVersion)
    }

    @Test("barCounts counts each code's bars on the days of a range, both ends and the last day's intraday bars included",
          arguments: TestStoreEngine.available)
    func barCountsInRange(engine: TestStoreEngine) async throws {
        let counts = try await TestStoreDatabases.withStore(engine) { store in
            try await store.save(StoreFixtures.marketData())
            return [try await store.barCounts(from: StoreFixtures.day(20240102), through: StoreFixtures.day(20240103)),
                    try await store.barCounts(from: StoreFixtures.day(20240103), through: StoreFixtures.day(20240104)),
                    try await store.barCounts(from: StoreFixtures.day(20240105), through: StoreFixtures.day(20240105))]
        }
        // pufa: daily bars on 01-02, 01-03, 01-04, 01-08; pingan: 09:31, 09:32, 14:59:59 on 01-02 and 09:31 on 01-03.
        #expect(counts[0] == [StoreFixtures.pufa: 2, StoreFixtures.pingan: 4])
        #expect(counts[1] == [StoreFixtures.pufa: 2, StoreFixtures.pingan: 1])
        #expect(counts[2] == [:])
    }

    @Test("a save of more bound values than the engine allows in one statement is split",
          arguments: TestStoreEngine.available)
    func parameterLimit(engine: TestStoreEngine) async throws {
        // 8,000 bars of 9 columns at 10,000 rows a statement would be 72,000 parameters: over
        // PostgreSQL's 65,535 and SQLite's 32,766.
        var set = MarketDataSet()
        for stock in 0..<40 {
            let code = StockCode(normalizing: String(format: "600%03d.SH", stock))!
            var bars = BarSeries(code: code)
            var day = StoreFixtures.day(20200101)
            for i in 0..<200 {
                bars.append(time: BarTime(day: day), open: Price(units: 100_000 + Int64(i)), high: Price(units: 110_000),
                            low: Price(units: 90_000), close: Price(units: 100_000 + Int64(stock)), volume: Int64(i))
                day = day.adding(days: 1)
            }
            set.series[code] = bars
        }
        let loaded = try await TestStoreDatabases.withStore(engine) { store in
            try await store.save(set, mode: .merge, hooks: .none, rowsPerStatement: 10_000)
            return try await store.load()
        }
        #expect(loaded.series.values.reduce(0) { $0 + $1.count } == 8_000)
        #expect(loaded.series == set.series)
    }

    @Test("a closed store refuses work", arguments: TestStoreEngine.available)
    func closedStore(engine: TestStoreEngine) async throws {
        try await TestStoreDatabases.withFreshLocation(engine) { place in
            let store = try await place.openStore()
            try await store.close()
            try await store.close()
            await #expect(throws: StorageError.closed) { try await store.load() }
            await #expect(throws: StorageError.closed) { try await store.save(StoreFixtures.marketData()) }
        }
    }
}
