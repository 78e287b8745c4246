import Foundation
import HuiceCore
import Service
import Testing
@testable import Web

@Suite("Backtest pages: batch form, batch page, task list")
struct BacktestPageTests {
    // MARK: The form

    @Test func theFormListsTheStoredStocksWithoutIndicesAndShowsTheEngineDefaults() async throws {
        try await withBacktestWebApp(start: false) { _, _, client in
            let zh = try await client.get("/backtests/new")
            #expect(zh.status == .ok)
            #expect(zh.isHTML)
            #expect(zh.text.contains("<h1>新建回测批次</h1>"))
            #expect(zh.text.contains(#"name="stock" value="600036.SH""#))
            #expect(zh.text.contains(#"name="stock" value="000002.SZ""#))
            #expect(!zh.text.contains(#"name="stock" value="000001.SH""#), "the benchmark index is not a stock to backtest")
            // Both sample CSVs end on 2017-07-26; the benchmark's .day file runs to 2025. The default
            // period is the year up to the last day most series share.
            #expect(zh.text.contains(#"name="start_date" value="2016-07-26""#))
            #expect(zh.text.contains(#"name="end_date" value="2017-07-26""#))
            // Defaults from the engine's own decoder (docs/CONFIG.md: stop loss 0.08, take profit 0.15,
            // max positions 10, min fill probability 0.35), and off for the platform risk limits.
            for (key, value) in [("stop_loss_pct", "0.08"), ("take_profit_pct", "0.15"), ("max_positions", "10"),
                                 ("min_fill_probability", "0.35")] {
                #expect(zh.text.contains(#"<code>\#(key)</code></label></th><td><input id="set-\#(key)""#))
                #expect(zh.text.contains(#"<td class="muted">\#(value)</td>"#), "default of \(key)")
            }
            #expect(zh.text.contains(#"<code>max_drawdown_pct</code>"#))
            let en = try await client.get("/backtests/new?lang=en")
            #expect(en.text.contains("<h1>New backtest batch</h1>"))
            #expect(en.text.contains("Stop out when a close ≤ cost × (1 − pct)"))
        }
    }

    @Test func theDefaultPeriodEndsOnTheLastDayMostStocksShare() throws {
        let a = try #require(TradingDay(parsing: "2017-07-26")), b = try #require(TradingDay(parsing: "2025-08-05"))
        #expect(BacktestPages.usualLastDay([a, b, a, a]) == a)
        #expect(BacktestPages.usualLastDay([a, b]) == b, "a tie goes to the later day")
        #expect(BacktestPages.usualLastDay([]) == nil)
    }

    @Test func theFormBecomesTheAPIsCreateBatchBody() {
        let form = FormFields(encoded: [
            "name=%E6%B5%8B%E8%AF%95", "stock=600036.SH", "stock_pool_text=000002.SZ%2C+600036.SH+sz000001",
            "start_date=2016-01-04", "end_date=2016-12-30", "initial_capital=500%2C000",
            "strategy=sma_crossover", "sma_fast=5", "sma_slow=20", "factor_config_id=config_x",
            "stop_loss_pct=0.05", "max_drawdown_pct=off", "order_type=", "slippage_type=fixed",
            "fee_config.commission_rate=0.00025", "fee_config.min_commission=0", "max_positions=abc",
        ].joined(separator: "&"))
        let expected: JSONValue = .object([
            "name": .string("测试"),
            "stock_pool": .array([.string("600036.SH"), .string("000002.SZ"), .string("sz000001")]),
            "start_date": .string("2016-01-04"), "end_date": .string("2016-12-30"),
            "initial_capital": .number(500_000),
            "strategy": .object(["type": .string("sma_crossover"), "fast": .number(5), "slow": .number(20)]),
            "stop_loss_pct": .number(0.05), "max_drawdown_pct": .null, "slippage_type": .string("fixed"),
            "fee_config": .object(["commission_rate": .number(0.00025), "min_commission": .number(0)]),
            // Not a number: sent as text so the API's parser names the field in its error.
            "max_positions": .string("abc"),
        ])
        #expect(BatchForm.body(from: form) == expected)

        let configured = BatchForm.body(from: FormFields(encoded: "strategy=factor_config&factor_config_id=config_20240107_001"))
        guard case .object(let fields) = configured else { Issue.record("not an object"); return }
        #expect(fields["factor_config_id"] == .string("config_20240107_001"))
        #expect(fields["strategy"] == nil)
        let own = BatchForm.body(from: FormFields(encoded: "strategy=stock_configs"))
        guard case .object(let ownFields) = own else { Issue.record("not an object"); return }
        #expect(ownFields["use_stock_configs"] == .bool(true))
    }

    @Test func postingTheFormCreatesTheBatchAndRedirectsToItsPage() async throws {
        try await withBacktestWebApp(start: false) { manager, _, client in
            let response = try await client.postForm("/backtests", "name=web&stock=600036.SH&stock_pool_text=000002.SZ"
                + "&start_date=2016-01-04&end_date=2016-12-30&initial_capital=1000000&strategy=buy_and_hold&stop_loss_pct=0.05")
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("/backtests/batch/"))
            let batch = try await manager.batchStatus(batchID: String(location.dropFirst("/backtests/batch/".count)))
            #expect(batch.name == "web")
            #expect(batch.tasks.map(\.stockCode) == ["600036.SH", "000002.SZ"])
            #expect(batch.tasks.allSatisfy { $0.status == .queued })
        }
    }

    @Test func aRejectedFormComesBackWith422AndTheParsersMessageAtTheField() async throws {
        try await withBacktestWebApp(start: false) { manager, _, client in
            let empty = try await client.postForm("/backtests", "name=x&start_date=2016-01-04&end_date=2016-12-30&strategy=buy_and_hold")
            #expect(empty.status == .unprocessableContent)
            #expect(empty.text.contains(#"stock_pool不能为空</span>"#))
            #expect(empty.text.contains(#"name="name" value="x""#), "the form keeps what was sent")

            let fee = try await client.postForm("/backtests?lang=en", "stock=600036.SH&start_date=2016-01-04&end_date=2016-12-30"
                + "&strategy=buy_and_hold&fee_config.commission_rate=0.5")
            #expect(fee.status == .unprocessableContent)
            // The error sits in the fee row (after its input), naming the field.
            let row = try #require(fee.text.range(of: #"name="fee_config.commission_rate" value="0.5""#))
            let after = fee.text[row.upperBound...].prefix(400)
            #expect(after.contains(#"<span class="error">fee_config.commission_rate"#))
            #expect(fee.text.contains("<details class=\"card settings\" open>"), "the settings open when one was given")

            let dates = try await client.postForm("/backtests", "stock=600036.SH&start_date=2016-12-30&end_date=2016-01-04&strategy=buy_and_hold")
            #expect(dates.status == .unprocessableContent)
            #expect(dates.text.contains("end_date（2016-01-04）不能早于start_date（2016-12-30）"))

            let missing = try await client.postForm("/backtests", "stock=600036.SH&start_date=2016-01-04&end_date=2016-12-30"
                + "&strategy=factor_config&factor_config_id=config_nope")
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("config_nope"))

            let list = try await manager.taskList(TaskListQuery())
            #expect(list.total == 0, "nothing was created")
        }
    }

    // MARK: The batch page

    @Test func aFinishedBatchShowsItsTasksReportsAndSummaryWithoutScript() async throws {
        try await withBacktestWebApp { manager, _, client in
            let created = try await completedBatch(manager)
            let status = try await manager.batchStatus(batchID: created.batchID)
            let page = try await client.get("/backtests/batch/\(created.batchID)")
            #expect(page.status == .ok)
            #expect(page.isHTML)
            #expect(page.text.contains("<h1>批次：web test</h1>"))
            for id in created.taskIDs {
                #expect(page.text.contains(#"<tr data-task="\#(id)">"#))
                #expect(page.text.contains(#"<a href="/backtests/task/\#(id)">\#(id)</a>"#))
                #expect(page.text.contains(#"name="task" value="\#(id)""#))
            }
            #expect(page.text.components(separatedBy: #"<span class="state state-completed">已完成</span>"#).count - 1 == 2)
            #expect(page.text.contains(#"<span id="batch-state" class="state state-completed">已完成</span>"#))
            let summary = try #require(status.summary)
            #expect(page.text.contains("<dd>\(summary.profitableStocks) / 2</dd>"))
            let mean = try #require(summary.meanTotalReturn)
            #expect(page.text.contains(DisplayNumber.signedPercent(mean)))
            #expect(!page.text.contains("<script>"), "an ended batch does not listen for events")
            #expect(!page.text.contains("/cancel\""), "nothing left to cancel")
        }
    }

    @Test func aWaitingBatchListensForEventsAndCancelAndRetryWork() async throws {
        try await withBacktestWebApp(start: false) { manager, _, client in
            let created = try await manager.createBatch(try BatchRequest.parse(.object([
                "stock_pool": .array([.string("600036.SH"), .string("000002.SZ")]), "start_date": .string("2016-01-04"),
                "end_date": .string("2016-12-30"), "strategy": .object(["type": .string("buy_and_hold")]),
            ])))
            let page = try await client.get("/backtests/batch/\(created.batchID)")
            #expect(page.text.contains("<script>"))
            #expect(page.text.contains(#"data-batch="\#(created.batchID)""#))
            #expect(page.text.contains("EventSource(\"/api/v1/backtest/events?batch_id=\""))
            let first = created.taskIDs[0], second = created.taskIDs[1]
            #expect(page.text.contains(#"formaction="/backtests/task/\#(first)/cancel""#))

            let cancel = try await client.postForm("/backtests/task/\(first)/cancel", "")
            #expect(cancel.status == .seeOther)
            #expect(cancel.headers[.location] == "/backtests/batch/\(created.batchID)")
            #expect(try await manager.taskStatus(taskID: first).status == .cancelled)

            // Retrying a queued task is refused: said on the batch page, 409.
            let refused = try await client.postForm("/backtests/task/\(second)/retry", "")
            #expect(refused.status == .conflict)
            #expect(refused.text.contains(#"role="alert""#))

            let retry = try await client.postForm("/backtests/task/\(first)/retry", "")
            #expect(retry.status == .seeOther)
            #expect(try await manager.taskStatus(taskID: first).status == .queued)

            let cancelAll = try await client.postForm("/backtests/batch/\(created.batchID)/cancel", "")
            #expect(cancelAll.status == .seeOther)
            #expect(try await manager.batchStatus(batchID: created.batchID).tasks.allSatisfy { $0.status == .cancelled })

            #expect(try await client.get("/backtests/batch/batch_nope").status == .notFound)
            #expect(try await client.postForm("/backtests/task/task_nope/cancel", "").status == .notFound)
        }
    }

    // MARK: The task list

    @Test func theTaskListFiltersAndPages() async throws {
        try await withBacktestWebApp(start: false) { manager, _, client in
            let codes = (0..<25).map { String(format: "6%05d.SH", $0) }
            let created = try await manager.createBatch(try BatchRequest.parse(.object([
                "stock_pool": .array(codes.map { .string($0) }), "start_date": .string("2016-01-04"),
                "end_date": .string("2016-12-30"), "strategy": .object(["type": .string("buy_and_hold")]),
            ])))
            _ = try await manager.cancelTask(taskID: created.taskIDs[0])

            let first = try await client.get("/backtests")
            #expect(first.status == .ok)
            #expect(first.text.contains("共 25 个任务，第 1 / 2 页"))
            #expect(first.text.components(separatedBy: "<tr><td>").count - 1 == 20)
            #expect(first.text.contains(#"<a rel="next" href="/backtests?page=2">"#))
            let second = try await client.get("/backtests?page=2&lang=en")
            #expect(second.text.contains("25 tasks, page 2 of 2"))
            #expect(second.text.components(separatedBy: "<tr><td>").count - 1 == 5)

            let cancelled = try await client.get("/backtests?status=cancelled")
            #expect(cancelled.text.contains("共 1 个任务"))
            #expect(cancelled.text.contains(created.taskIDs[0]))
            #expect(cancelled.text.contains(#"<option value="cancelled" selected>"#))
            let byBatch = try await client.get("/backtests?batch_id=batch_nope")
            #expect(byBatch.text.contains("没有符合条件的任务。"))
            let badDate = try await client.get("/backtests?start_date=2024-13-01")
            #expect(badDate.text.contains("无法识别的日期已忽略：2024-13-01"))
            #expect(badDate.text.contains("共 25 个任务"))
        }
    }

    @Test func completedTasksInTheListCarryTheirFiguresAndCompareBoxes() async throws {
        try await withBacktestWebApp { manager, _, client in
            let created = try await completedBatch(manager)
            let page = try await client.get("/backtests?batch_id=\(created.batchID)")
            for id in created.taskIDs {
                let results = try await manager.taskResults(taskID: id, include: ResultParts())
                let row = try #require(page.text.range(of: #"name="task" value="\#(id)""#))
                let rest = page.text[row.upperBound...].prefix(1500)
                #expect(rest.contains(DisplayNumber.signedPercent(try #require(results.summary.totalReturn))))
            }
            #expect(page.text.contains(#"<form method="get" action="/backtests/compare">"#))
        }
    }
}
