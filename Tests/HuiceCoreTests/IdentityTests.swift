import Testing
@testable import HuiceCore

@Suite("Days, times, codes and boards")
struct IdentityTests {
    @Test("days parse from the common spellings and reject impossible dates")
    func dayParsing() {
        #expect(TradingDay(parsing: "20240107")?.yyyymmdd == 20240107)
        #expect(TradingDay(parsing: "2024-01-07")?.yyyymmdd == 20240107)
        #expect(TradingDay(parsing: "2024/01/07")?.yyyymmdd == 20240107)
        #expect(TradingDay(parsing: "2024-01-07 15:00:00")?.yyyymmdd == 20240107)
        #expect(TradingDay(parsing: "2023-02-29") == nil)
        #expect(TradingDay(parsing: "2024-02-29") != nil)
        #expect(TradingDay(parsing: "2024-13-01") == nil)
        #expect(TradingDay(parsing: "20240") == nil)
        #expect(TradingDay(parsing: "2024-1-7") == nil)
    }

    @Test("day arithmetic round-trips through days since epoch")
    func dayArithmetic() {
        let day = TradingDay(yyyymmdd: 20240229)!
        #expect(TradingDay(daysSinceEpoch: day.daysSinceEpoch) == day)
        #expect(TradingDay(yyyymmdd: 19700101)!.daysSinceEpoch == 0)
        #expect(day.adding(days: 1).yyyymmdd == 20240301)
        #expect(TradingDay(yyyymmdd: 20240107)!.isoWeekday == 7)  // a Sunday
        #expect(TradingDay(yyyymmdd: 20240108)!.isoWeekday == 1)
        #expect(TradingDay(yyyymmdd: 20240107)!.isoString == "2024-01-07")
    }

    @Test("bar times keep intraday clocks and sort by time")
    func barTimes() {
        let t = BarTime(parsing: "2000-01-03 09:31:00")!
        #expect(t.rawValue == 20000103_093100)
        #expect(t.day.yyyymmdd == 20000103)
        #expect(t.description == "20000103 09:31:00")
        #expect(BarTime(parsing: "2000-01-03")!.description == "20000103")
        #expect(BarTime(parsing: "2000-01-03 25:00") == nil)
        #expect(BarTime(parsing: "2000-01-03 00:00:00")! < t)
    }

    @Test("vendor code spellings normalise to the Tushare form")
    func codeNormalisation() {
        let expected = "600000.SH"
        for text in ["600000.SH", "600000.sh", "sh600000", "SH600000", "SH#600000", "1#600000", "600000.XSHG", "600000", "sh.600000"] {
            #expect(StockCode(normalizing: text)?.rawValue == expected, "\(text)")
        }
        #expect(StockCode(normalizing: "000001")?.rawValue == "000001.SZ")
        #expect(StockCode(normalizing: "sz300059")?.rawValue == "300059.SZ")
        #expect(StockCode(normalizing: "430047")?.rawValue == "430047.BJ")
        #expect(StockCode(normalizing: "920001")?.rawValue == "920001.BJ")
        #expect(StockCode(normalizing: "SYM001")?.description == "SYM001")
        #expect(StockCode(normalizing: "60000.SH") == nil)
        #expect(StockCode(normalizing: "") == nil)
        #expect(StockCode(normalizing: "a b") == nil)
    }

    @Test("boards come from the code prefix")
    func boards() {
        func board(_ s: String) -> Board { StockCode(normalizing: s)!.inferredBoard }
        #expect(board("600000.SH") == .main)
        #expect(board("605001.SH") == .main)
        #expect(board("688001.SH") == .star)
        #expect(board("689009.SH") == .star)
        #expect(board("000001.SZ") == .main)
        #expect(board("003816.SZ") == .main)
        #expect(board("300059.SZ") == .chinext)
        #expect(board("301001.SZ") == .chinext)
        #expect(board("430047.BJ") == .bse)
        #expect(board("830799.BJ") == .bse)
        #expect(board("920118.BJ") == .bse)
        #expect(board("000001.SH") == .index)
        #expect(board("510300.SH") == .fund)
    }

    @Test("recommendations order STRONG_BUY > BUY > HOLD > SELL > AVOID")
    func recommendationOrder() {
        #expect(Recommendation.strongBuy > .buy)
        #expect(Recommendation.buy > .hold)
        #expect(Recommendation.hold > .sell)
        #expect(Recommendation.sell > .avoid)
        #expect(Recommendation(parsing: "strong-buy") == .strongBuy)
        #expect(Recommendation(parsing: " Buy ") == .buy)
        #expect(Recommendation(parsing: "maybe") == nil)
    }
}
