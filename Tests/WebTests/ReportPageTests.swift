import Foundation
import HTTPTypes
import HuiceCore
import HummingbirdTesting
import Service
import Testing
@testable import Web

/// `/backtests/task/{id}` over a real completed run: figures, tables, charts, sorting and the
/// answers for unknown and unfinished tasks.
@Suite struct ReportPageTests {
    @Test func headlineFiguresAreTheResultsNumbersFormatted() async throws {
        try await withBacktestWebApp { manager, _, client in
            let (_, results) = try await completedResults(manager)
            let response = try await client.get("/backtests/task/\(results.taskID)")
            #expect(response.status == .ok && response.isHTML)
            let text = response.text
            let m = results.summary
            func card(_ key: String, _ label: String, _ dd: String) {
                #expect(text.contains("data-metric=\"\(key)\"><dt>\(label)</dt><dd>\(dd)</dd>"), "\(key): expected \(dd)")
            }
            func change(_ value: Double?) -> String {
                guard let value else { return "—" }
                return "<span class=\"\(value > 0 ? "up" : value < 0 ? "down" : "flat")\">\(DisplayNumber.signedPercent(value))</span>"
            }
            card("total_return", "总收益率", change(m.totalReturn))
            card("annual_return", "年化收益率", change(m.annualReturn))
            card("benchmark_return", "基准收益率", change(m.benchmarkReturn))
            card("excess_return", "超额收益", change(m.excessReturn))
            card("max_drawdown", "最大回撤", change(m.maxDrawdown))
            card("sharpe_ratio", "夏普比率", try DisplayNumber.decimal(#require(m.sharpeRatio)))
            card("volatility", "年化波动率", try DisplayNumber.decimal(#require(m.volatility) * 100) + "%")
            card("total_trades", "完整交易次数", String(m.totalTrades))
            card("final_value", "期末权益", DisplayNumber.decimal(Double(results.finalValue.fen) / 100))
            // The sample run has a benchmark and trades: the figures above are numbers, not dashes.
            #expect(m.benchmarkReturn != nil && m.totalTrades > 0)
            #expect(text.contains("<h1>600036.SH 招商银行 · 回测报告</h1>"))
            #expect(text.contains("2016-01-04 至 2016-12-30"))
        }
    }

    @Test func titleLinksToTheBatchAndTheExports() async throws {
        try await withBacktestWebApp { manager, _, client in
            let (batch, results) = try await completedResults(manager)
            let text = try await client.get("/backtests/task/\(results.taskID)?lang=en").text
            #expect(text.contains("<a href=\"/backtests/batch/\(batch.batchID)\">\(batch.batchID)</a>"))
            for path in ["trades.csv", "trades.csv?bom=1", "equity.csv", "report.xlsx", "report.html?lang=en"] {
                #expect(text.contains("href=\"/backtests/task/\(results.taskID)/\(path)\""), "no link to \(path)")
            }
            #expect(text.contains("<h2 id=\"figures\">Headline figures</h2>"))
        }
    }

    @Test func oneRowPerFillAndPerRejectedOrder() async throws {
        try await withBacktestWebApp { manager, _, client in
            let (_, results) = try await completedResults(manager)
            let trades = try #require(results.trades)
            let text = try await client.get("/backtests/task/\(results.taskID)").text
            let fills = trades.filter { $0.shares > 0 }
            #expect(!fills.isEmpty)
            #expect(text.attributeValues("data-trade") == fills.map(\.tradeID))
            #expect(text.attributeValues("data-rejected") == trades.filter { $0.shares == 0 }.map(\.tradeID))
        }
    }

    @Test func everyChartIsDrawnWithAnArrowPerFillAndTheBenchmark() async throws {
        try await withBacktestWebApp { manager, _, client in
            let (_, results) = try await completedResults(manager)
            let text = try await client.get("/backtests/task/\(results.taskID)").text
            for kind in ["line-chart", "drawdown-chart", "monthly-heatmap", "histogram", "candlestick"] {
                #expect(text.contains("class=\"huice-chart \(kind)\""), "no \(kind)")
            }
            let fills = try #require(results.trades).filter { $0.shares > 0 }
            #expect(text.occurrences(of: "class=\"trade buy\"") == fills.filter { $0.direction == .buy }.count)
            #expect(text.occurrences(of: "class=\"trade sell\"") == fills.filter { $0.direction == .sell }.count)
            #expect(text.contains("<title>基准 000001.SH</title>"))
            #expect(text.contains("<title>策略权益</title>"))
        }
    }

    @Test func benchmarkCurveEndsAtTheRunsBenchmarkReturn() async throws {
        try await withBacktestWebApp { manager, store, _ in
            let (_, results) = try await completedResults(manager)
            let report = try await ReportPages(tasks: manager, store: store).taskReport(results, market: true)
            guard case .curve(let curve) = report.benchmark else {
                Issue.record("no benchmark curve: \(report.benchmark)")
                return
            }
            #expect(curve.code.rawValue == "000001.SH")
            #expect(curve.values.count == results.equityCurve?.count)
            let benchmarkReturn = try #require(results.summary.benchmarkReturn)
            let last = try #require(curve.values.last)
            #expect(abs(last / results.initialCash.yuan - 1 - benchmarkReturn) < 1e-12)
            #expect(report.bars.days.first == TradingDay(yyyymmdd: 20160104))
        }
    }

    @Test func sortingByPnlDescendingPutsTheLargestFirstAndMarksTheColumn() async throws {
        try await withBacktestWebApp { manager, _, client in
            let (_, results) = try await completedResults(manager)
            let fills = try #require(results.trades).filter { $0.shares > 0 }
            let text = try await client.get("/backtests/task/\(results.taskID)?lang=en&sort=pnl&dir=desc").text
            let order = text.attributeValues("data-trade")
            let pnls = order.map { id in fills.first { $0.tradeID == id }?.pnl }
            let largest = try #require(fills.compactMap(\.pnl).max())
            #expect(pnls.first == largest)
            // Non-increasing, then the buys (no pnl) last.
            let known = pnls.prefix { $0 != nil }.compactMap { $0 }
            #expect(known == known.sorted(by: >))
            #expect(pnls.dropFirst(known.count).allSatisfy { $0 == nil })
            #expect(known.count == fills.filter { $0.pnl != nil }.count)
            #expect(text.contains("aria-sort=\"descending\"><a class=\"sort\" href=\"/backtests/task/\(results.taskID)?lang=en&amp;sort=pnl&amp;dir=asc#trades\">P&amp;L"))
            #expect(text.occurrences(of: "aria-sort=") == 1)
            // Other headers sort ascending first and keep the language.
            #expect(text.contains("href=\"/backtests/task/\(results.taskID)?lang=en&amp;sort=amount&amp;dir=asc#trades\""))
        }
    }

    @Test func unknownTaskIsAnHTML404() async throws {
        try await withQueuedBacktestWebApp { _, client in
            for path in ["/backtests/task/bt_19990101_001", "/backtests/task/bt_19990101_001/trades.csv",
                         "/backtests/task/bt_19990101_001/report.html"] {
                let response = try await client.get(path)
                #expect(response.status == .notFound && response.isHTML, "\(path)")
                #expect(response.text.contains("没有任务 bt_19990101_001。"))
            }
        }
    }

    @Test func queuedTaskPageStatesItsStateAndLinksToTheBatch() async throws {
        try await withQueuedBacktestWebApp { manager, client in
            let batch = try await queuedBatch(manager)
            let id = batch.taskIDs[0]
            let response = try await client.get("/backtests/task/\(id)")
            #expect(response.status == .ok && response.isHTML)
            #expect(response.text.contains("data-state=\"queued\">任务 \(id) 没有结果。状态：排队中，进度 0%。"))
            #expect(response.text.contains("href=\"/backtests/batch/\(batch.batchID)\""))
            let english = try await client.get("/backtests/task/\(id)?lang=en")
            #expect(english.text.contains("State: queued"))
            // A download has no file to give yet: the same page, 409.
            let download = try await client.get("/backtests/task/\(id)/report.xlsx")
            #expect(download.status == .conflict && download.isHTML)
        }
    }

    @Test func taskConfigIsTheSnapshotTheTaskRunsWith() async throws {
        try await withQueuedBacktestWebApp { manager, _ in
            let batch = try await queuedBatch(manager)
            let config = try await manager.taskConfig(taskID: batch.taskIDs[1])
            #expect(config.benchmark?.rawValue == "000001.SH")
            #expect(config.universe?.map(\.rawValue) == ["000002.SZ"])
            #expect(config.backtestID == batch.taskIDs[1])
            #expect(config.strategy == .movingAverageCrossover(fast: 5, slow: 20, equalWeight: false))
            await #expect(throws: ServiceError.notFound(kind: "task", id: "bt_nope")) {
                _ = try await manager.taskConfig(taskID: "bt_nope")
            }
        }
    }

    @Test func everyReportPageIsHTMLAndReachesNoOtherHost() async throws {
        try await withBacktestWebApp { manager, _, client in
            let (batch, results) = try await completedResults(manager)
            let id = results.taskID, other = batch.taskIDs[1]
            for path in ["/backtests/task/\(id)", "/backtests/task/\(id)?lang=en&colors=us", "/backtests/task/\(id)?sort=amount&dir=desc&tpage=2",
                         "/backtests/task/bt_19990101_001", "/backtests/compare?task=\(id)&task=\(other)",
                         "/backtests/compare?task=\(id)&lang=en", "/backtests/compare?task=\(id)&task=bt_19990101_001"] {
                let response = try await client.get(path)
                #expect(response.isHTML, "\(path): \(String(describing: response.headers[.contentType]))")
                let text = response.text.replacingOccurrences(of: #"xmlns="http://www.w3.org/2000/svg""#, with: "")
                #expect(!text.contains("http://") && !text.contains("https://"), "\(path) names another host")
                #expect(!response.text.contains("<script"), "\(path) has a script")
                #expect(!response.text.replacingOccurrences(of: #"<link rel="icon" href="data:,">"#, with: "").contains("<link"),
                        "\(path) loads a stylesheet")
            }
        }
    }
}
