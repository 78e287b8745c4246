import Foundation
import HTTPTypes
import HummingbirdTesting
import HuiceCore
import MarketData
import Storage
import Testing
@testable import Web

/// The stock list's suspended sessions: trading days of the stored calendar between a stock's
/// first and last bar that have no bar.
@Suite struct StockListSuspensionTests {
    /// `WebFixture` with 000001.SZ missing three days (10, 11, 12) and 300750.SZ listed from day 100 on.
    static func marketWithGaps() -> MarketDataSet {
        var market = WebFixture.market()
        let pingAn = StockCode(normalizing: "000001.SZ")!, catl = StockCode(normalizing: "300750.SZ")!
        market.series[pingAn] = market.series[pingAn]!.keeping((0..<WebFixture.days).filter { ![10, 11, 12].contains($0) })
        market.series[catl] = market.series[catl]!.keeping(100..<WebFixture.days)
        return market
    }

    @Test func completeHistoriesHaveNoSuspensions() async throws {
        try await withWebApp { client in
            let text = try await client.get("/data").text
            #expect(text.contains(#"<th scope="col" class="num">停牌天数</th>"#))
            // All three stocks: 600 bars, none missing.
            #expect(text.components(separatedBy: #"<td class="num">600</td><td class="num">0</td></tr>"#).count == 4)
            #expect(text.contains("停牌天数：存储的交易日历中，首末两根K线之间没有K线的交易日数。"))
            #expect(!text.contains("无法计算"))
        }
    }

    @Test func missingDaysBetweenTheFirstAndLastBarCount() async throws {
        try await withImportApp(market: Self.marketWithGaps()) { _, client in
            let text = try await client.get("/data?lang=en").text
            #expect(text.contains(#"<th scope="col" class="num">Suspended sessions</th>"#))
            // 000001.SZ: 597 bars, three days missing.
            #expect(text.contains(#"<td class="num">597</td><td class="num">3</td></tr>"#))
            // 300750.SZ starts later: the days before its first bar are not suspensions.
            #expect(text.contains("<td>\(WebFixture.day(100).isoString)</td>"))
            #expect(text.contains(#"<td class="num">500</td><td class="num">0</td></tr>"#))
            #expect(text.contains(#"<td class="num">600</td><td class="num">0</td></tr>"#))
        }
    }

    @Test func barsBeyondTheCalendarAreCountedInsideIt() async throws {
        // The calendar covers days 200…599 only; 000001.SZ misses days 10–12 (before it) and 300…301 (inside).
        var market = WebFixture.market()
        market.calendar = TradingCalendar(ascendingDays: (200..<WebFixture.days).map(WebFixture.day))
        let pingAn = StockCode(normalizing: "000001.SZ")!
        market.series[pingAn] = market.series[pingAn]!.keeping((0..<WebFixture.days).filter { ![10, 11, 12, 300, 301].contains($0) })
        try await withImportApp(market: market) { _, client in
            let text = try await client.get("/data").text
            // 595 bars; inside the calendar 400 sessions and 398 bars: 2 suspended.
            #expect(text.contains(#"<td class="num">595</td><td class="num">2</td></tr>"#))
            #expect(text.components(separatedBy: #"<td class="num">600</td><td class="num">0</td></tr>"#).count == 3)
            #expect(!text.contains("无法计算"))
        }
    }

    @Test func withoutACalendarTheCountIsUnknown() async throws {
        var market = WebFixture.market()
        market.calendar = nil
        try await withImportApp(market: market) { _, client in
            let text = try await client.get("/data").text
            #expect(text.contains(#"<td class="num">600</td><td class="num">—</td></tr>"#))
            #expect(text.contains("数据库中没有交易日历，或股票的日期超出日历范围（—）：停牌天数无法计算。"))
        }
    }

    @Test func barsBeyondTheCalendarAreCountedInsideItAndTheCountNeverGoesNegative() {
        let calendar = TradingCalendar(ascendingDays: (0..<10).map(WebFixture.day))
        func stock(_ first: Int, _ last: Int, bars: Int) -> StoreSummary.Stock {
            StoreSummary.Stock(code: StockCode(normalizing: "600036.SH")!, barCount: bars,
                               firstTime: BarTime(day: WebFixture.day(first)), lastTime: BarTime(day: WebFixture.day(last)))
        }
        #expect(StockListPage.suspendedSessions(of: stock(2, 8, bars: 5), in: calendar) == 2)
        #expect(StockListPage.suspendedSessions(of: stock(0, 9, bars: 10), in: calendar) == 0)
        #expect(StockListPage.suspendedSessions(of: stock(5, 12, bars: 8), in: calendar) == nil, "without the count inside")
        // Days 5…9 of the calendar (5 sessions) hold 4 of the stock's bars: 1 suspended session.
        #expect(StockListPage.suspendedSessions(of: stock(5, 12, bars: 8), in: calendar, barsInCalendar: 4) == 1)
        // Entirely after the calendar: unknown whatever the count.
        #expect(StockListPage.suspendedSessions(of: stock(11, 12, bars: 2), in: calendar, barsInCalendar: 0) == nil)
        // More bars than trading days (bars on days the calendar lacks): zero, not negative.
        #expect(StockListPage.suspendedSessions(of: stock(2, 4, bars: 5), in: calendar) == 0)
    }
}
