import HuiceCore
import MarketData
import TestSupport
import Testing
@testable import Storage

@Suite("Load filters")
struct StoreLoadFilterTests {
    typealias F = StoreFixtures

    private func loaded(_ engine: TestStoreEngine, codes: [StockCode]? = nil, from: Int32? = nil, to: Int32? = nil)
        async throws -> MarketDataSet
    {
        try await TestStoreDatabases.withStore(engine) { store in
            try await store.save(F.marketData())
            return try await store.load(codes: codes, from: from.map(F.day), to: to.map(F.day))
        }
    }

    @Test("a code list keeps only those codes' rows in every per-code table", arguments: TestStoreEngine.available)
    func codeFilter(engine: TestStoreEngine) async throws {
        let set = try await loaded(engine, codes: [F.pingan])
        #expect(set.series == [F.pingan: F.intradayBars()])
        #expect(set.instruments == [F.pingan: F.marketData().instruments[F.pingan]!])
        #expect(set.adjustments == [F.pingan: F.marketData().adjustments[F.pingan]!])
        #expect(set.limits.codes == [F.pingan])
        #expect(set.suspensions.codes == [F.pingan])
        #expect(set.calendar == F.marketData().calendar)
    }

    @Test("an empty code list loads no per-code rows", arguments: TestStoreEngine.available)
    func emptyCodeList(engine: TestStoreEngine) async throws {
        let set = try await loaded(engine, codes: [])
        #expect(set.series.isEmpty && set.instruments.isEmpty && set.adjustments.isEmpty)
        #expect(set.limits.isEmpty && set.suspensions.isEmpty)
        #expect(set.calendar == F.marketData().calendar)
    }

    @Test("a day range keeps whole days, intraday bars included", arguments: TestStoreEngine.available)
    func dayRange(engine: TestStoreEngine) async throws {
        let set = try await loaded(engine, from: 20240103, to: 20240104)
        #expect(set.series[F.pufa] == F.dailyBars().keeping(1..<3))
        #expect(set.series[F.pingan] == F.intradayBars().keeping(3..<4))
        #expect(set.limits.count == 2)
        #expect(set.limits.entry(F.pufa, F.day(20240104)) != nil)
        #expect(set.limits.entry(F.pingan, F.day(20240103)) != nil)
        #expect(set.suspensions.days(for: F.pingan) == [F.day(20240104)])
        #expect(set.suspensions.days(for: F.pufa).isEmpty)
    }

    @Test("factors in range come with the one in force at the start", arguments: TestStoreEngine.available)
    func adjustmentsKeepFactorInForce(engine: TestStoreEngine) async throws {
        let set = try await loaded(engine, from: 20240104, to: 20240105)
        let pufa = try #require(set.adjustments[F.pufa])
        #expect(pufa.days == [F.day(20240103)])
        #expect(pufa.factor(on: F.day(20240104)) == 1.123456789)
        #expect(set.adjustments[F.pingan]?.days == [F.day(20240102)])
    }

    @Test("open-ended ranges", arguments: TestStoreEngine.available)
    func openEnded(engine: TestStoreEngine) async throws {
        let from = try await loaded(engine, from: 20240108)
        #expect(from.series[F.pufa] == F.dailyBars().keeping(3..<4))
        #expect(from.series[F.pingan] == nil)
        let to = try await loaded(engine, to: 20240102)
        #expect(to.series[F.pufa] == F.dailyBars().keeping(0..<1))
        #expect(to.series[F.pingan] == F.intradayBars().keeping(0..<3))
    }

    @Test("codes and range combine; codes given in any spelling and order", arguments: TestStoreEngine.available)
    func combined(engine: TestStoreEngine) async throws {
        let set = try await loaded(engine, codes: [F.pufa, F.pufa, StockCode(normalizing: "sz000001")!], from: 20240104,
                                   to: 20240108)
        #expect(set.series[F.pufa] == F.dailyBars().keeping(2..<4))
        #expect(set.series[F.pingan] == nil)
        #expect(set.instruments.count == 2)
    }
}
