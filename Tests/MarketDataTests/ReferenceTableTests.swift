import HuiceCore
import Testing
@testable import MarketData

@Suite("Calendars, instruments, factors, limit lists and suspensions")
struct ReferenceTableTests {
    @Test("a one-column dt calendar reads every day, 2005-01-04 to 2027-01-15")
    func singleColumnCalendar() throws {
        let calendar = try Fixture.calendar()
        #expect(calendar.count == 5353)
        #expect(calendar.first == day(20050104))
        #expect(calendar.last == day(20270115))
        #expect(!calendar.contains(day(20170530)))
        #expect(calendar.contains(day(20170531)))
    }

    @Test("Tushare trade_cal keeps SSE's open days when several exchanges are listed")
    func tushareTradeCalendar() throws {
        let calendar = try #require(Fixture.importFile("synthetic/trade_cal.csv").data.calendar)
        #expect(calendar.days == [day(20240103), day(20240104), day(20240105)])
    }

    @Test("stock_basic boards come from market, CDRs and unknown markets from the code prefix")
    func stockBasic() throws {
        let instruments = try Fixture.importFile("synthetic/stock_basic.csv").data.instruments
        #expect(instruments.count == 6)
        #expect(instruments[code("000001.SZ")]?.board == .main)
        #expect(instruments[code("300750.SZ")]?.board == .chinext)
        #expect(instruments[code("688981.SH")]?.board == .star)
        #expect(instruments[code("689009.SH")]?.board == .star)  // CDR → 689 prefix
        #expect(instruments[code("830799.BJ")]?.board == .bse)
        let pingAn = try #require(instruments[code("000001.SZ")])
        #expect(pingAn.name == "平安银行")
        #expect(pingAn.industry == "银行")
        #expect(pingAn.listDate == day(19910403))
        #expect(pingAn.delistDate == nil)
        #expect(instruments[code("600087.SH")]?.delistDate == day(20140605))
    }

    @Test("namechange ST names become periods, adjacent ST and *ST spells merged, open end kept")
    func nameChange() throws {
        let instruments = try Fixture.importFile("synthetic/namechange.csv").data.instruments
        let aoruide = try #require(instruments[code("600666.SH")])
        #expect(aoruide.specialTreatment == [SpecialTreatmentPeriod(start: day(20190501), end: nil)])
        #expect(!aoruide.isSpecialTreatment(on: day(20190430)))
        #expect(aoruide.isSpecialTreatment(on: day(20240101)))
        #expect(instruments[code("000004.SZ")]?.specialTreatment
                == [SpecialTreatmentPeriod(start: day(20060101), end: day(20061231))])
        #expect(NameChangeReader.isSpecialTreatmentName("SST华新"))
        #expect(NameChangeReader.isSpecialTreatmentName("*ST康美"))
        #expect(!NameChangeReader.isSpecialTreatmentName("浦发银行"))
    }

    @Test("our instruments.csv reads boards by either name and st_periods with an open end")
    func instrumentList() throws {
        let instruments = try Fixture.importFile("synthetic/instruments.csv").data.instruments
        #expect(instruments[code("300999.SZ")]?.board == .chinext)
        #expect(instruments[code("300999.SZ")]?.listDate == day(20200824))
        let xingyuan = try #require(instruments[code("000005.SZ")])
        #expect(xingyuan.specialTreatment == [
            SpecialTreatmentPeriod(start: day(20200101), end: day(20201231)),
            SpecialTreatmentPeriod(start: day(20220301), end: nil),
        ])
        #expect(InstrumentListReader.parsePeriods("20201231-20200101") == nil)
        #expect(InstrumentListReader.parsePeriods("2020-01-01") == nil)
    }

    @Test("namechange periods attach to the instruments of a stock list in the same import")
    func namechangeJoinsInstruments() throws {
        let result = try MarketDataImporter().importFiles(at: [
            Fixture.path("synthetic/stock_basic.csv"), Fixture.path("synthetic/namechange.csv"),
        ])
        #expect(result.data.instruments.count == 8)
        #expect(result.data.instruments[code("000001.SZ")]?.name == "平安银行")
        #expect(result.data.instruments[code("600666.SH")]?.isSpecialTreatment(on: day(20210101)) == true)
    }

    @Test("adjustment factors are sorted per stock")
    func adjustmentFactors() throws {
        let adjustments = try Fixture.importFile("synthetic/adj_factor.csv").data.adjustments
        let pingAn = try #require(adjustments[code("000001.SZ")])
        #expect(pingAn.days == [day(20240103), day(20240104), day(20240105)])
        #expect(pingAn.factors == [107.5, 108.031, 108.031])
        #expect(adjustments[code("600000.SH")]?.factor(on: day(20240105)) == 12.5)
    }

    @Test("stk_limit gives both sides per stock and day")
    func stockLimits() throws {
        let limits = try Fixture.importFile("synthetic/stk_limit.csv").data.limits
        #expect(limits.entry(code("000001.SZ"), day(20240105)) == .init(up: price("10.21"), down: price("8.35")))
        #expect(limits.entry(code("000001.SZ"), day(20240104)) == .init(up: price("10.14"), down: price("8.30")))
    }

    @Test("limit_list U and D rows give that side as the close; Z rows record nothing")
    func limitList() throws {
        let result = try Fixture.importFile("synthetic/limit_list.csv")
        let limits = result.data.limits
        #expect(limits.entry(code("600000.SH"), day(20240105)) == .init(up: price("7.24"), down: nil))
        #expect(limits.entry(code("600000.SH"), day(20240104)) == .init(up: nil, down: price("5.92")))
        #expect(limits.entry(code("000001.SZ"), day(20240103)) == nil)
        #expect(result.report.files.map(\.rowCount) == [3])
    }

    @Test("suspend_d keeps S rows, and a plain code,trade_date list reads every row")
    func suspensions() throws {
        let tushare = try Fixture.importFile("synthetic/suspend_d.csv").data.suspensions
        #expect(tushare.days(for: code("600000.SH")) == [day(20240108)])
        #expect(tushare.isSuspended(code("000002.SZ"), on: day(20151221)))
        let plain = try Fixture.importFile("synthetic/suspensions.csv").data.suspensions
        #expect(plain.days(for: code("300104.SZ")) == [day(20170417), day(20170418)])
    }
}
