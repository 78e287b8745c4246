import HTTPTypes
import HuiceCore
import HummingbirdTesting
import Service
import Testing
@testable import Web

/// `/backtests/compare`: two to four completed runs side by side, and the pages that say why not.
@Suite struct ComparePageTests {
    @Test func twoTasksShowBothColumnsAndTwoCurves() async throws {
        try await withBacktestWebApp { manager, _, client in
            let batch = try await completedBatch(manager)
            let (a, b) = (batch.taskIDs[0], batch.taskIDs[1])
            let response = try await client.get("/backtests/compare?task=\(a)&task=\(b)")
            #expect(response.status == .ok && response.isHTML)
            let text = response.text
            #expect(text.attributeValues("data-task") == [a, b])
            // One cell per run in the row of each figure, in the order the tasks were given.
            var totals = "", finals = ""
            for id in [a, b] {
                let results = try await manager.taskResults(taskID: id, include: ResultParts())
                let total = try #require(results.summary.totalReturn)
                totals += "<td class=\"num\"><span class=\"\(total > 0 ? "up" : "down")\">\(DisplayNumber.signedPercent(total))</span></td>"
                finals += "<td class=\"num\">\(DisplayNumber.decimal(Double(results.finalValue.fen) / 100))</td>"
            }
            #expect(text.contains("<tr data-metric=\"total_return\"><th scope=\"row\">总收益率</th>\(totals)</tr>"))
            #expect(text.contains("<tr data-metric=\"final_value\"><th scope=\"row\">期末权益</th>\(finals)</tr>"))
            #expect(text.contains("600036.SH 招商银行") && text.contains("000002.SZ"))
            let chart = try #require(text.range(of: "<svg").map { String(text[$0.lowerBound...]) })
            #expect(chart.occurrences(of: "class=\"series\"") == 2)
            #expect(text.contains("data-metric=\"sharpe_ratio\""))
        }
    }

    @Test func oneTaskIsA400PageSayingHowMany() async throws {
        try await withQueuedBacktestWebApp { manager, client in
            let batch = try await queuedBatch(manager)
            let response = try await client.get("/backtests/compare?task=\(batch.taskIDs[0])")
            #expect(response.status == .badRequest && response.isHTML)
            #expect(response.text.contains("对比需要 2 至 4 个任务，收到 1 个。"))
            let none = try await client.get("/backtests/compare?lang=en")
            #expect(none.status == .badRequest && none.text.contains("A comparison takes 2 to 4 tasks; 0 were given."))
            let five = try await client.get("/backtests/compare?task=a&task=b&task=c&task=d&task=e")
            #expect(five.status == .badRequest && five.text.contains("收到 5 个"))
        }
    }

    @Test func unknownTaskIsA404PageNamingIt() async throws {
        try await withQueuedBacktestWebApp { manager, client in
            let batch = try await queuedBatch(manager)
            let response = try await client.get("/backtests/compare?task=\(batch.taskIDs[0])&task=bt_19990101_009")
            #expect(response.status == .notFound && response.isHTML)
            #expect(response.text.contains("没有这些任务：bt_19990101_009"))
        }
    }

    @Test func tasksWithoutResultsAreA409PageNamingThemAndTheirState() async throws {
        try await withQueuedBacktestWebApp { manager, client in
            let batch = try await queuedBatch(manager)
            let response = try await client.get("/backtests/compare?task=\(batch.taskIDs[0])&task=\(batch.taskIDs[1])&lang=en")
            #expect(response.status == .conflict && response.isHTML)
            #expect(response.text.contains("No results yet for: \(batch.taskIDs[0]) (queued), \(batch.taskIDs[1]) (queued)"))
        }
    }
}
