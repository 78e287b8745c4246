import Analysis
import Foundation
import HuiceCore
import Testing
@testable import Web

/// The report's computations on hand-made values: benchmark alignment, the fill table's sorting and
/// paging, the compare chart's days, the histogram's bins.
@Suite struct ReportRenderingTests {
    static func day(_ yyyymmdd: Int32) -> TradingDay { TradingDay(yyyymmdd: yyyymmdd)! }

    // MARK: Benchmark alignment

    @Test func benchmarkCarriesTheLastCloseOverAMissingDayAndScalesToTheCapital() throws {
        // Base: the close before the first session (100). 2016-01-05 has no bar: 110 carries over.
        // 1,000,000 × 110/100 = 1,100,000; × 99/100 = 990,000; × 105/100 = 1,050,000. The bar after
        // the last session is not read.
        let closes: [(day: TradingDay, close: Double)] = [
            (Self.day(20151231), 100), (Self.day(20160104), 110), (Self.day(20160106), 99),
            (Self.day(20160107), 105), (Self.day(20160108), 500),
        ]
        let days = [Self.day(20160104), Self.day(20160105), Self.day(20160106), Self.day(20160107)]
        let values = try #require(BenchmarkCurve.aligned(closes: closes, to: days, initialCash: 1_000_000))
        #expect(values == [1_100_000, 1_100_000, 990_000, 1_050_000])
    }

    @Test func benchmarkStartingInsideTheRunIsBasedOnItsFirstClose() throws {
        // No bar before 2016-01-04: the base is the first close (50), which the first session carries.
        let closes: [(day: TradingDay, close: Double)] = [(Self.day(20160105), 50), (Self.day(20160106), 55)]
        let days = [Self.day(20160104), Self.day(20160105), Self.day(20160106)]
        let values = try #require(BenchmarkCurve.aligned(closes: closes, to: days, initialCash: 200_000))
        #expect(values == [200_000, 200_000, 220_000])
    }

    @Test func benchmarkWithoutBarsOrSessionsIsNoCurve() {
        #expect(BenchmarkCurve.aligned(closes: [], to: [Self.day(20160104)], initialCash: 1) == nil)
        #expect(BenchmarkCurve.aligned(closes: [(Self.day(20160104), 10)], to: [], initialCash: 1) == nil)
        #expect(BenchmarkCurve.aligned(closes: [(Self.day(20160104), 0)], to: [Self.day(20160104)], initialCash: 1) == nil)
    }

    // MARK: Fill table

    /// `count` fills on consecutive weekdays from 2016-01-04, alternating buy and sell; sells have
    /// a pnl of (i mod 7 − 3) × 10 yuan.
    static func fills(_ count: Int) -> [BacktestTrade] {
        var day = Self.day(20160104)
        return (0..<count).map { i in
            defer { day = day.adding(days: day.isoWeekday == 5 ? 3 : 1) }
            let sell = i % 2 == 1
            return BacktestTrade(
                tradeID: "T" + String(repeating: "0", count: 6 - String(i + 1).count) + String(i + 1),
                signalDate: day, executeDate: day, stockCode: StockCode(normalizing: "600036.SH")!, direction: sell ? .sell : .buy,
                orderType: .auction, signalPrice: Price(units: 100_000), filledPrice: Price(units: 100_000), shares: 100,
                orderShares: 100, amount: Money(fen: 100_000), status: .filled, filledReason: .filled,
                pnl: sell ? Money(fen: Int64((i % 7) - 3) * 1_000) : nil)
        }
    }

    static func report(fills: [BacktestTrade]) -> TaskReport {
        TaskReport(taskID: "bt_20160104_001", stockCode: "600036.SH", startDate: "2016-01-04", endDate: "2020-12-31",
                   initialCash: Money(fen: 100_000_000), finalValue: Money(fen: 100_000_000), metrics: BacktestMetrics(),
                   trades: fills, equityCurve: [])
    }

    @Test func fillsArePagedAt500Rows() {
        let report = Self.report(fills: Self.fills(1_201))
        func rows(_ query: String) -> [String] {
            let request = WebRequest(path: "/backtests/task/bt_20160104_001", query: FormFields(encoded: query))
            return ReportPage(report: report, query: request.query).page(for: request).html(for: request).attributeValues("data-trade")
        }
        #expect(TradeTable(trades: report.fills, order: nil, page: 1).pageCount == 3)
        #expect(rows("").count == 500)
        #expect(rows("tpage=2").first == "T000501")
        let last = rows("tpage=3")
        #expect(last.count == 201 && last.first == "T001001" && last.last == "T001201")
        #expect(rows("tpage=99") == last)  // clamped to the last page
        #expect(rows("tpage=x").count == 500)
    }

    @Test func pageLinksKeepTheQueryAndMarkTheCurrentPage() {
        let report = Self.report(fills: Self.fills(1_201))
        let request = WebRequest(path: "/backtests/task/bt_20160104_001", query: FormFields(encoded: "lang=en&sort=pnl&dir=desc&tpage=2"))
        let html = ReportPage(report: report, query: request.query).page(for: request).html(for: request)
        let base = "/backtests/task/bt_20160104_001?lang=en&amp;sort=pnl&amp;dir=desc&amp;tpage="
        #expect(html.contains("<a href=\"\(base)1#trades\" rel=\"prev\">Previous page</a>"))
        #expect(html.contains("<a href=\"\(base)2#trades\" aria-current=\"page\">2</a>"))
        #expect(html.contains("<a href=\"\(base)3#trades\" rel=\"next\">Next page</a>"))
        #expect(html.contains("1,201 fills, page 2 of 3 (500 a page)"))
    }

    @Test func pageNumbersShowTheEndsAndTwoAroundTheCurrent() {
        #expect(TradeTable.pageNumbers(current: 1, count: 3) == [1, 2, 3])
        #expect(TradeTable.pageNumbers(current: 10, count: 20) == [1, 8, 9, 10, 11, 12, 20])
    }

    @Test func sortingKeepsRecordOrderOnTiesAndPutsMissingValuesLast() {
        let fills = Self.fills(8)  // sells T000002, 4, 6, 8 with pnl −20, 0, 20, −30 yuan
        let ascending = TradeTable(trades: fills, order: .init(column: .pnl, ascending: true), page: nil).sorted.map(\.tradeID)
        #expect(ascending == ["T000008", "T000002", "T000004", "T000006", "T000001", "T000003", "T000005", "T000007"])
        let descending = TradeTable(trades: fills, order: .init(column: .pnl, ascending: false), page: nil).sorted.map(\.tradeID)
        #expect(descending == ["T000006", "T000004", "T000002", "T000008", "T000001", "T000003", "T000005", "T000007"])
        // Equal amounts everywhere: record order either way.
        let byAmount = TradeTable(trades: fills, order: .init(column: .amount, ascending: false), page: nil).sorted
        #expect(byAmount == fills)
    }

    @Test func unknownSortColumnKeepsRecordOrder() {
        #expect(TradeTable.Order(query: FormFields(encoded: "sort=nope&dir=desc")) == nil)
        #expect(TradeTable.Order(query: FormFields(encoded: "sort=pnl")) == .init(column: .pnl, ascending: true))
        #expect(TradeTable.Order(query: FormFields(encoded: "sort=pnl&dir=DESC")) == .init(column: .pnl, ascending: false))
    }

    @Test func savedReportListsEveryFillWithoutLinks() {
        let report = Self.report(fills: Self.fills(1_201))
        let html = ReportDocument(report: report, language: .en, colors: .chinese).html()
        #expect(html.attributeValues("data-trade").count == 1_201)
        #expect(!html.contains("href="))
        #expect(html.contains("<th scope=\"col\" class=\"num\">P&amp;L</th>"))
    }

    // MARK: Rejections, risk events, benchmark notes

    static func rejected(_ count: Int, from first: Int) -> [BacktestTrade] {
        (0..<count).map { i in
            BacktestTrade(tradeID: "R\(first + i)", signalDate: Self.day(20160104), executeDate: Self.day(20160105),
                          stockCode: StockCode(normalizing: "600036.SH")!, direction: .buy, orderType: .auction,
                          signalPrice: Price(units: 123_400), orderShares: 1_000, status: .rejected, filledReason: .limitUpReject)
        }
    }

    static func html(_ report: TaskReport, query: String = "") -> String {
        let request = WebRequest(path: "/backtests/task/\(report.taskID)", query: FormFields(encoded: query))
        return ReportPage(report: report, query: request.query).page(for: request).html(for: request)
    }

    @Test func rejectedOrdersShowTheirReasonAndRiskEventsTheirMessage() {
        var report = Self.report(fills: Self.fills(2) + Self.rejected(1, from: 3))
        report.riskEvents = [RiskEvent(kind: .maxDrawdown, tradeDate: Self.day(20160105), value: 0.21, limit: 0.2,
                                       equity: Money(fen: 79_000_000), liquidationDate: Self.day(20160106),
                                       message: "回撤 21.00% 达到上限 20.00%")]
        let html = Self.html(report)
        #expect(html.attributeValues("data-trade") == ["T000001", "T000002"])
        #expect(html.attributeValues("data-rejected") == ["R3"])
        #expect(html.contains("<td>涨停被拒 <span class=\"muted code\">limit_up_reject</span></td>"))
        #expect(html.contains("<li>涨停被拒 <span class=\"muted code\">limit_up_reject</span>: 1</li>"))
        #expect(html.contains("<td class=\"num\">1,000</td><td class=\"num\">12.34</td>"))
        #expect(html.contains("<td>2016-01-05</td><td class=\"code\">max_drawdown</td><td class=\"num\">21.00%</td><td class=\"num\">20.00%</td>"))
        #expect(html.contains("<td class=\"num\">790,000.00</td><td>2016-01-06</td><td>回撤 21.00% 达到上限 20.00%</td>"))
    }

    @Test func pageListsTheFirst500RejectionsAndTheSavedFileAll() {
        let report = Self.report(fills: Self.fills(1) + Self.rejected(501, from: 1))
        let page = Self.html(report)
        #expect(page.attributeValues("data-rejected").count == 500)
        #expect(page.contains("这里列出前 500 笔（共 501 笔）"))
        let file = ReportDocument(report: report, language: .zh, colors: .chinese).html()
        #expect(file.attributeValues("data-rejected").count == 501)
    }

    @Test func equityChartSaysWhenThereIsNoBenchmarkToDraw() throws {
        var report = Self.report(fills: [])
        report.equityCurve = [EquityPoint(tradeDate: Self.day(20160104), equity: Money(fen: 100_000_000), cash: Money(fen: 100_000_000),
                                          positionsValue: .zero, dailyReturn: 0, cumulativeReturn: 0, drawdown: 0)]
        #expect(Self.html(report).contains("本次回测未设基准，图中只有策略权益。"))
        report.benchmark = .missing(try #require(StockCode(normalizing: "000300.SH")))
        #expect(Self.html(report, query: "lang=en").contains("The store has no bars of the benchmark 000300.SH: the chart shows the equity alone."))
    }

    // MARK: Compare and charts

    @Test func compareChartUsesTheUnionOfDaysBlankOutsideARun() throws {
        let d = [Self.day(20160104), Self.day(20160105), Self.day(20160106), Self.day(20160107)]
        let a: [(day: TradingDay, value: Double)] = [(d[0], 0), (d[1], 0.1), (d[3], 0.2)]
        let b: [(day: TradingDay, value: Double)] = [(d[1], 0.05), (d[2], 0.06)]
        let overlay = ComparePage.overlay([a, b])
        #expect(overlay.days == d)
        #expect(overlay.values[0] == [0, 0.1, 0.1, 0.2])  // 01-06 only b traded: a carries 0.1
        #expect(overlay.values[1][0].isNaN && overlay.values[1][3].isNaN)
        #expect(Array(overlay.values[1][1...2]) == [0.05, 0.06])
    }

    @Test func histogramBinsFollowTheSquareRootRuleBetween10And50() {
        #expect(ReportCharts.binCount(returns: 242) == 16)  // √242 ≈ 15.6
        #expect(ReportCharts.binCount(returns: 20) == 10)
        #expect(ReportCharts.binCount(returns: 10_000) == 50)
    }

    @Test func workbookContentHasTheConfigLinesInChinese() {
        var report = Self.report(fills: Self.fills(2))
        report.batchID = "batch_20160104_001"
        let content = report.reportContent
        #expect(content.configSummary.map(\.key) == ["task_id", "batch_id", "stock_code", "start_date", "end_date",
                                                     "initial_cash", "final_value"])
        #expect(content.configSummary[2].label == "股票代码")
        #expect(content.trades.count == 2 && content.title == "600036.SH")
    }
}
