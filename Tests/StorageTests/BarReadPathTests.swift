import HuiceCore
import MarketData
import SQLiteKit
import Testing
@testable import Storage

@Suite("Bar read paths")
struct BarReadPathTests {
    typealias F = StoreFixtures

    @Test("both read paths load the same bars", arguments: BarReadPath.allCases)
    func pathsAgree(path: BarReadPath) async throws {
        let store = try await MarketDataStore.open(path: ":memory:")
        try await store.save(F.marketData())
        let all = try await store.load(LoadFilter(), barPath: path)
        let filtered = try await store.load(LoadFilter(codes: ["600000.SH"], from: F.day(20240103), to: F.day(20240104)),
                                            barPath: path)
        try await store.close()
        #expect(all.series == F.marketData().series)
        #expect(filtered.series == [F.pufa: F.dailyBars().keeping(1..<3)])
    }

    @Test("rows out of time order are sorted per series")
    func collectorSortsOutOfOrderRows() throws {
        let collector = BarCollector()
        for (time, close) in [(20240103, 2.0), (20240102, 1.0), (20240104, 3.0)] {
            collector.consume([.text("600000.SH"), .integer(time * 1_000_000), .float(close), .float(close),
                               .float(close), .float(close), .null, .integer(1), .null])
        }
        let series = try #require(try collector.finish()[F.pufa])
        #expect(series.times.map(\.day) == [F.day(20240102), F.day(20240103), F.day(20240104)])
        #expect(series.close.map(\.units) == [10_000, 20_000, 30_000])
    }

    @Test("an unreadable value is reported with its column and stock")
    func collectorReportsBadValue() {
        let collector = BarCollector()
        collector.consume([.text("600000.SH"), .integer(20240102000000), .text("x"), .float(1), .float(1),
                           .float(1), .null, .integer(1), .null])
        #expect(throws: StorageError(table: "daily_bars.open", stock: "600000.SH", date: "20240102000000",
                                     reason: "unreadable value: \"x\"")) { try collector.finish() }
    }
}
