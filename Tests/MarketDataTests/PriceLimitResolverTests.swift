import HuiceCore
import Testing
@testable import MarketData

@Suite("Price-limit resolver: data first, rules otherwise")
struct PriceLimitResolverTests {
    /// 600000.SH with bars on 01-03 (pre_close 10.00 given), 01-04 (none given), 01-08 after a gap.
    func dataSet() -> MarketDataSet {
        var series = BarSeries(code: code("600000.SH"))
        series.append(time: BarTime(day: day(20240103)), open: price("10.10"), high: price("10.50"), low: price("10.00"),
                      close: price("10.40"), preClose: price("10.00"), volume: 100)
        series.append(time: BarTime(day: day(20240104)), open: price("10.40"), high: price("10.60"), low: price("10.30"),
                      close: price("10.50"), volume: 100)
        series.append(time: BarTime(day: day(20240108)), open: price("10.50"), high: price("10.60"), low: price("10.30"),
                      close: price("10.55"), volume: 100)
        var data = MarketDataSet(series: [series.code: series])
        data.limits.set(code("600000.SH"), day(20240105), up: price("11.55"))
        return data
    }

    @Test("the bar's pre_close is the reference where given, else the previous close")
    func referencePrices() {
        let resolver = PriceLimitResolver(data: dataSet())
        let pufa = code("600000.SH")
        #expect(resolver.referencePrice(for: pufa, on: day(20240103)) == price("10.00"))
        #expect(resolver.referencePrice(for: pufa, on: day(20240104)) == price("10.40"))
        #expect(resolver.referencePrice(for: pufa, on: day(20240108)) == price("10.50"))  // after the gap
        #expect(resolver.referencePrice(for: pufa, on: day(20240109)) == price("10.55"))  // no bar yet
        #expect(resolver.referencePrice(for: pufa, on: day(20240102)) == nil)
    }

    @Test("computed bands follow the board rule from the reference price")
    func computed() {
        let resolver = PriceLimitResolver(data: dataSet())
        #expect(resolver.band(for: code("600000.SH"), on: day(20240103)) == PriceBand(up: price("11.00"), down: price("9.00")))
        #expect(resolver.band(for: code("600000.SH"), on: day(20240104)) == PriceBand(up: price("11.44"), down: price("9.36")))
    }

    @Test("a limit-list side wins and the other side comes from the rule")
    func oneSidedEntry() {
        let resolver = PriceLimitResolver(data: dataSet())
        // 01-05 has no bar: reference = 01-04's close 10.50 → rule 11.55 / 9.45; the table's up is 11.55.
        #expect(resolver.band(for: code("600000.SH"), on: day(20240105)) == PriceBand(up: price("11.55"), down: price("9.45")))
    }

    @Test("stk_limit entries are used as given")
    func stockLimitEntries() throws {
        let result = try MarketDataImporter().importFiles(at: [
            Fixture.path("synthetic/tushare_daily.csv"), Fixture.path("synthetic/stk_limit.csv"),
        ])
        let resolver = PriceLimitResolver(data: result.data)
        #expect(resolver.band(for: code("000001.SZ"), on: day(20240105)) == PriceBand(up: price("10.21"), down: price("8.35")))
        // 600000.SH has no entry: from pre_close 6.58 → 7.238 → 7.24, 5.922 → 5.92
        #expect(resolver.band(for: code("600000.SH"), on: day(20240105)) == PriceBand(up: price("7.24"), down: price("5.92")))
    }

    @Test("ST periods and listing days come from the instrument list and the calendar")
    func instrumentsAndListing() {
        var data = dataSet()
        data.instruments[code("600000.SH")] = Instrument(
            code: code("600000.SH"), specialTreatment: [SpecialTreatmentPeriod(start: day(20240104), end: nil)])
        let resolver = PriceLimitResolver(data: data)
        #expect(resolver.band(for: code("600000.SH"), on: day(20240103)) == PriceBand(up: price("11.00"), down: price("9.00")))
        // ST from 01-04: 10.40 × 1.05 = 10.92, × 0.95 = 9.88
        #expect(resolver.band(for: code("600000.SH"), on: day(20240104)) == PriceBand(up: price("10.92"), down: price("9.88")))

        var star = BarSeries(code: code("688001.SH"))
        for (index, date) in [20240102, 20240103, 20240104, 20240105, 20240108, 20240109].enumerated() {
            star.append(time: BarTime(day: day(Int32(date))), open: price("30"), high: price("31"), low: price("29"),
                        close: price("30"), preClose: index == 0 ? price("20") : .zero, volume: 100)
        }
        var listing = MarketDataSet(series: [star.code: star])
        listing.instruments[star.code] = Instrument(code: star.code, listDate: day(20240102))
        let withoutCalendar = PriceLimitResolver(data: listing)
        #expect(withoutCalendar.tradingDayOfListing(star.code, on: day(20240108)) == 5)
        #expect(withoutCalendar.band(for: star.code, on: day(20240108)) == nil)
        #expect(withoutCalendar.band(for: star.code, on: day(20240109)) == PriceBand(up: price("36.00"), down: price("24.00")))
        listing.calendar = TradingCalendar(days: [20240102, 20240103, 20240104, 20240105, 20240108, 20240109].map { day(Int32($0)) })
        let withCalendar = PriceLimitResolver(data: listing)
        #expect(withCalendar.tradingDayOfListing(star.code, on: day(20240109)) == 6)
        #expect(withCalendar.band(for: star.code, on: day(20240105)) == nil)
    }
}
