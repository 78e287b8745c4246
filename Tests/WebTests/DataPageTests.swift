import HTTPTypes
import HummingbirdTesting
import Testing
@testable import Web

/// `/data` and `/data/stock/{code}` over `WebFixture`'s three stocks.
@Suite struct DataPageTests {
    @Test func stockListShowsEveryStockWithNameBoardIndustryAndBars() async throws {
        try await withWebApp { client in
            let response = try await client.get("/data")
            #expect(response.status == .ok)
            #expect(response.isHTML)
            let text = response.text
            for code in ["600036.SH", "000001.SZ", "300750.SZ"] {
                #expect(text.contains(#"<a href="/data/stock/\#(code)">\#(code)</a>"#))
            }
            #expect(text.contains("<td>招商银行</td><td>主板</td><td>银行</td><td>2023-01-02</td>"))
            #expect(text.contains("<td>宁德时代</td><td>创业板</td><td>电池</td>"))
            #expect(text.contains(#"<td class="num">600</td>"#))
            #expect(text.contains("显示 3 / 3 只股票"))
        }
    }

    @Test func searchFiltersOnCodeOrName() async throws {
        try await withWebApp { client in
            let byName = try await client.get("/data?q=%E9%93%B6%E8%A1%8C")  // 银行
            #expect(byName.text.contains("显示 2 / 3 只股票"))
            #expect(!byName.text.contains("300750.SZ"))
            let byCode = try await client.get("/data?q=300750&lang=en")
            #expect(byCode.text.contains("1 of 3 stocks"))
            #expect(byCode.text.contains("300750.SZ") && !byCode.text.contains("600036.SH"))
            let none = try await client.get("/data?q=nothing")
            #expect(none.text.contains("没有符合条件的股票"))
        }
    }

    @Test func searchTextIsEscaped() async throws {
        try await withWebApp { client in
            let response = try await client.get("/data?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E")
            #expect(response.status == .ok)
            #expect(!response.text.contains("<script>"))
            #expect(response.text.contains(#"value="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;""#))
        }
    }

    @Test func stockPageDrawsTheKLineForTheLastYearByDefault() async throws {
        try await withWebApp { client in
            let response = try await client.get("/data/stock/600036.SH")
            #expect(response.status == .ok)
            #expect(response.isHTML)
            #expect(response.text.contains("<h1>招商银行 600036.SH</h1>"))
            #expect(response.svg.hasPrefix("<svg"))
            // The bars from 365 days before the last one.
            let days = (0..<WebFixture.days).map(WebFixture.day)
            let last = days.last!
            let shown = days.filter { $0 >= last.adding(days: -365) }
            #expect((250...265).contains(shown.count))
            #expect(response.text.contains("显示 \(shown.count) 根K线（\(shown[0].isoString) 至 \(last.isoString)）"))
            // MA is the default overlay; no panel without being asked.
            #expect(response.svg.contains("MA20"))
            #expect(!response.svg.contains("DIF"))
        }
    }

    @Test func zoomNarrowsTheBars() async throws {
        try await withWebApp { client in
            let from = WebFixture.day(100), to = WebFixture.day(119)
            let response = try await client.get("/data/stock/600036.SH?from=\(from.isoString)&to=\(to.isoString)&lang=en")
            #expect(response.text.contains("20 bars shown (\(from.isoString) to \(to.isoString))"))
            let all = try await client.get("/data/stock/600036.SH?from=2000-01-01&lang=en")
            #expect(all.text.contains("600 bars shown"))
            let bad = try await client.get("/data/stock/600036.SH?from=yesterday&lang=en")
            #expect(bad.text.contains("Unrecognised date ignored: yesterday"))
        }
    }

    @Test func indicatorSelectionChangesTheChart() async throws {
        try await withWebApp { client in
            let macd = try await client.get("/data/stock/600036.SH?ind=macd")
            #expect(macd.svg.contains("DIF") && macd.svg.contains("DEA"))
            #expect(!macd.svg.contains("MA20"))
            #expect(macd.text.contains(#"value="macd" checked"#))

            let all = try await client.get("/data/stock/600036.SH?ind=ma&ind=boll&ind=rsi&ind=kdj")
            #expect(all.svg.contains("BOLL UB") && all.svg.contains("RSI14") && all.svg.contains("KDJ"))
            #expect(!all.svg.contains("DIF"))

            // The form's hidden empty `ind` with no box ticked: no indicators at all.
            let none = try await client.get("/data/stock/600036.SH?ind=")
            #expect(!none.svg.contains("MA20") && !none.svg.contains("DIF"))
            #expect(none.svg.count < all.svg.count)
        }
    }

    @Test func limitUpDaysAreMarkedFromTheBoardRules() async throws {
        try await withWebApp { client in
            let day = WebFixture.day(WebFixture.limitUpIndex)
            let response = try await client.get("/data/stock/600036.SH?from=\(day.adding(days: -30).isoString)&to=\(day.adding(days: 30).isoString)")
            #expect(response.text.contains("区间内涨停 1 天，跌停 0 天"))
            #expect(response.svg.contains("涨停 limit-up \(day.isoString)"))
            #expect(response.text.contains("数据中没有该股的涨跌停价表"))
            let other = try await client.get("/data/stock/000001.SZ?from=2000-01-01")
            #expect(other.text.contains("区间内涨停 0 天，跌停 0 天"))
        }
    }

    @Test func lastChangeIsColouredBySign() async throws {
        try await withWebApp { client in
            let text = try await client.get("/data/stock/300750.SZ").text
            #expect(text.contains(#"<dd class="up">+"#) || text.contains(#"<dd class="down">-"#) || text.contains(#"<dd class="flat">"#))
        }
    }

    @Test func unknownStockIsAnHTML404() async throws {
        try await withWebApp { client in
            let response = try await client.get("/data/stock/999999.SH")
            #expect(response.status == .notFound)
            #expect(response.isHTML)
            #expect(response.text.contains("<h1>未找到</h1>"))
            #expect(response.text.contains("数据中没有股票 999999.SH。"))
            let garbage = try await client.get("/data/stock/%3Cb%3Ex?lang=en")
            #expect(garbage.status == .notFound)
            #expect(garbage.text.contains("The store holds no bars for"))
            #expect(!garbage.text.contains("<b>"))
        }
    }
}
