import Foundation
import HuiceCore
import MarketData
@testable import Storage

/// Hand-made market data covering every column: daily and intraday bars, a bar without amount
/// and pre_close, four-decimal prices, ST periods (closed and open), limits with one side only,
/// suspensions, adjustment factors and a calendar.
enum StoreFixtures {
    static let pufa = StockCode(normalizing: "600000.SH")!
    static let pingan = StockCode(normalizing: "000001.SZ")!
    static let other = StockCode(normalizing: "SYM001")!

    static func day(_ yyyymmdd: Int32) -> TradingDay { TradingDay(yyyymmdd: yyyymmdd)! }
    static func price(_ text: String) -> Price { Price(parsing: text)! }
    static func money(_ text: String) -> Money { Money(parsingYuan: text)! }

    static func dailyBars() -> BarSeries {
        var s = BarSeries(code: pufa)
        s.append(time: BarTime(day: day(20240102)), open: price("10.01"), high: price("10.50"), low: price("9.98"),
                 close: price("10.40"), preClose: price("10.00"), volume: 1_234_500, amount: money("12839880.55"))
        // no pre_close, no amount
        s.append(time: BarTime(day: day(20240103)), open: price("10.40"), high: price("10.44"), low: price("10.20"),
                 close: price("10.30"), volume: 800_000)
        s.append(time: BarTime(day: day(20240104)), open: price("10.30"), high: price("11.33"), low: price("10.30"),
                 close: price("11.33"), preClose: price("10.30"), volume: 3_000_000, amount: money("33990000.00"))
        s.append(time: BarTime(day: day(20240108)), open: price("11.50"), high: price("11.60"), low: price("11.10"),
                 close: price("11.20"), preClose: price("11.33"), volume: 900_000, amount: money("10170000.01"))
        return s
    }

    static func intradayBars() -> BarSeries {
        var s = BarSeries(code: pingan)
        s.append(time: BarTime(day: day(20240102), hour: 9, minute: 31), open: price("9.3900"), high: price("9.4100"),
                 low: price("9.3800"), close: price("9.4000"), preClose: price("9.39"), volume: 52_300,
                 amount: money("491620.00"))
        s.append(time: BarTime(day: day(20240102), hour: 9, minute: 32), open: price("9.4000"), high: price("9.4200"),
                 low: price("9.4000"), close: price("9.4100"), volume: 31_000)
        s.append(time: BarTime(day: day(20240102), hour: 14, minute: 59, second: 59), open: price("3.1415"),
                 high: price("3.1416"), low: price("3.1414"), close: price("3.1415"), preClose: price("0.0001"),
                 volume: 0, amount: money("0.01"))
        s.append(time: BarTime(day: day(20240103), hour: 9, minute: 31), open: price("9.50"), high: price("9.55"),
                 low: price("9.45"), close: price("9.52"), preClose: price("9.41"), volume: 10_000,
                 amount: money("95200.00"))
        return s
    }

    static func marketData() -> MarketDataSet {
        var set = MarketDataSet()
        set.calendar = TradingCalendar(days: [20240102, 20240103, 20240104, 20240105, 20240108].map(day))
        set.series = [pufa: dailyBars(), pingan: intradayBars()]
        set.instruments = [
            pufa: Instrument(code: pufa, name: "浦发银行", industry: "银行", listDate: day(19991110),
                             specialTreatment: [SpecialTreatmentPeriod(start: day(20050101), end: day(20060630)),
                                                SpecialTreatmentPeriod(start: day(20231201), end: nil)]),
            pingan: Instrument(code: pingan, name: "平安银行", board: .main, industry: "银行", listDate: day(19910403),
                               delistDate: day(20991231)),
        ]
        var pufaFactors = AdjustmentFactors(code: pufa)
        pufaFactors.append(day(20230601), 1.0)
        pufaFactors.append(day(20240103), 1.123456789)
        pufaFactors.append(day(20240108), 1.2)
        var pinganFactors = AdjustmentFactors(code: pingan)
        pinganFactors.append(day(20240102), 100.5)
        set.adjustments = [pufa: pufaFactors, pingan: pinganFactors]
        set.limits.set(pufa, day(20240102), up: price("11.00"), down: price("9.00"))
        set.limits.set(pufa, day(20240104), up: price("11.33"))
        set.limits.set(pingan, day(20240103), down: price("8.47"))
        set.suspensions.add(pufa, day(20240105))
        set.suspensions.add(pingan, day(20240104))
        set.suspensions.add(pingan, day(20240105))
        return set
    }
}

/// Field-by-field equality of two sets (`MarketDataSet` itself is not Equatable).
func sameData(_ a: MarketDataSet, _ b: MarketDataSet) -> Bool {
    a.calendar == b.calendar && a.series == b.series && a.instruments == b.instruments
        && a.adjustments == b.adjustments && a.limits == b.limits && a.suspensions == b.suspensions
}
