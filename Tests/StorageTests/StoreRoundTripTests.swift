import HuiceCore
import MarketData
import Testing
@testable import Storage

@Suite("MarketDataStore round trip")
struct StoreRoundTripTests {
    @Test("a saved set loads back equal, table by table")
    func roundTrip() async throws {
        let store = try await MarketDataStore.open(path: ":memory:")
        let saved = StoreFixtures.marketData()
        try await store.save(saved)
        let loaded = try await store.load()
        try await store.close()

        #expect(loaded.calendar == saved.calendar)
        #expect(loaded.series == saved.series)
        #expect(loaded.instruments == saved.instruments)
        #expect(loaded.adjustments == saved.adjustments)
        #expect(loaded.limits == saved.limits)
        #expect(loaded.suspensions == saved.suspensions)
    }

    @Test("missing amount and pre_close come back as the sentinels; intraday times and 4-decimal prices exact")
    func sentinelsAndExactValues() async throws {
        let store = try await MarketDataStore.open(path: ":memory:")
        try await store.save(StoreFixtures.marketData())
        let loaded = try await store.load()
        try await store.close()

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

    @Test("the store file keeps the data across close and re-open")
    func persistsInFile() async throws {
        let path = StoreFixtures.temporaryStorePath()
        let first = try await MarketDataStore.open(path: path)
        try await first.save(StoreFixtures.marketData())
        try await first.close()

        let second = try await MarketDataStore.open(path: path)
        let loaded = try await second.load()
        try await second.close()
        #expect(sameData(loaded, StoreFixtures.marketData()))
    }

    @Test("a code outside the exchanges round-trips")
    func otherMarketCode() async throws {
        var set = MarketDataSet()
        var bars = BarSeries(code: StoreFixtures.other)
        bars.append(time: BarTime(day: StoreFixtures.day(20240102)), open: Price(units: 1_000_000),
                    high: Price(units: 1_100_000), low: Price(units: 990_000), close: Price(units: 1_050_000),
                    volume: 5)
        set.series[StoreFixtures.other] = bars
        let store = try await MarketDataStore.open(path: ":memory:")
        try await store.save(set)
        let loaded = try await store.load()
        try await store.close()
        #expect(loaded.series == set.series)
    }

    @Test("an empty store loads an empty set without a calendar")
    func emptyStore() async throws {
        let store = try await MarketDataStore.open(path: ":memory:")
        let loaded = try await store.load()
        try await store.close()
        #expect(loaded.calendar == nil)
        #expect(loaded.series.isEmpty && loaded.instruments.isEmpty && loaded.adjustments.isEmpty)
        #expect(loaded.limits.isEmpty && loaded.suspensions.isEmpty)
    }

    @Test("summary gives per-code bar counts and first/last times")
    func summary() async throws {
        let store = try await MarketDataStore.open(path: ":memory:")
        try await store.save(StoreFixtures.marketData())
        let summary = try await store.summary()
        try await store.close()

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

    @Test("a closed store refuses work")
    func closedStore() async throws {
        let store = try await MarketDataStore.open(path: ":memory:")
        try await store.close()
        try await store.close()
        await #expect(throws: StorageError.closed) { try await store.load() }
    }
}
