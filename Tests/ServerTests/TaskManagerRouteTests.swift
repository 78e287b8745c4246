import Foundation
import HuiceCore
import HummingbirdTesting
import MarketData
import Runtime
import Storage
import Testing

/// The backtest routes end to end over the real task manager and the bundled sample: a factor
/// config, a batch on it, its live events, its status, results, list, and the error envelopes of
/// the contract — each answer checked against an independent source (a direct BacktestRunner run,
/// the config's own weights, the seed's envelopes).
@Suite("Backtest routes over the real task manager")
struct TaskManagerRouteTests {
    static let stocks = ["000001.SZ", "600036.SH", "002594.SZ"]
    static let seedWeights: [String: Double] = [
        "rsi": 0.2, "macd": 0.2, "bollinger_bands": 0.2, "pe_ratio": 0.2, "pb_ratio": 0.1, "news_sentiment": 0.1,
    ]

    static func batchBody(configID: String, pool: [String]) -> String {
        """
        {"name": "因子组合回测任务批次", "description": "测试多因子组合在A股市场的表现",
         "stock_pool": [\(pool.map { "\"\($0)\"" }.joined(separator: ", "))],
         "start_date": "2014-01-02", "end_date": "2016-12-30", "initial_capital": 1000000,
         "factor_config_id": "\(configID)"}
        """
    }

    @Test("config → batch → events until batch_completed → status, results, list; the contract's errors")
    func batchLifecycleOverHTTP() async throws {
        try await withSampleApp(stocks: Self.stocks) { store, client in
            // The seed's create example (its stock is one of the sample's).
            let created = try await client.post("/api/v1/factor-config/create", json: seedCreateBody).json
            #expect(created[path: "code"] == 200)
            let configID = try #require(created[path: "data.config_id"]?.stringValue)
            #expect(configID == "config_20240107_001")

            let batch = try await client.post("/api/v1/backtest/createBatch",
                                              json: Self.batchBody(configID: configID, pool: Self.stocks)).json
            #expect(batch[path: "code"] == 200)
            #expect(batch[path: "message"] == "批次创建成功")
            let batchID = try #require(batch[path: "data.batch_id"]?.stringValue)
            let taskIDs = try #require(batch[path: "data.task_ids"]?.arrayValue).compactMap(\.stringValue)
            #expect(taskIDs.count == 3)
            #expect(batch[path: "data.total_tasks"] == 3)

            // The event stream from creation to the end of the batch.
            let response = try await client.execute(uri: "/api/v1/backtest/events?batch_id=\(batchID)", method: .get)
            #expect(response.status == .ok)
            let frames = SSEFrame.parse(response.text)
            #expect(frames.first?.fields == ["retry: 3000"])
            let events = frames.dropFirst()
            #expect(events.first?.event == "batch_status")
            #expect(events.first?.json?[path: "batch_id"]?.stringValue == batchID)
            #expect(events.last?.event == "batch_completed")
            #expect(events.last?.json?[path: "status"] == "completed")
            #expect(events.last?.json?[path: "completed_tasks"] == 3)
            let live = events.dropFirst().dropLast()
            #expect(live.allSatisfy { ["task_state", "task_progress", "risk_event"].contains($0.event ?? "") },
                    "\(live.map { $0.event ?? "comment" })")
            for taskID in taskIDs {
                let mine = live.compactMap(\.json).filter { $0[path: "task_id"]?.stringValue == taskID }
                let progress = mine.filter { $0[path: "event"] == "task_progress" }.compactMap { $0[path: "progress"]?.numberValue }
                // A three-year run takes tens of milliseconds here, mostly before its first day
                // (factor columns), so the writer often sees only 0 (each stage) and then 100.
                #expect(progress.first == 0, "\(taskID): \(progress)")
                #expect(zip(progress, progress.dropFirst()).allSatisfy { $0 <= $1 }, "\(taskID): \(progress)")
                #expect(progress.last == 100, "\(taskID): \(progress)")
                let states = mine.filter { $0[path: "event"] == "task_state" }.compactMap { $0[path: "to"]?.stringValue }
                #expect(states == ["queued", "running", "completed"], "\(taskID)")
            }

            let status = try await client.post("/api/v1/backtest/getBatchStatus", json: #"{"batch_id": "\#(batchID)"}"#).json
            #expect(status[path: "data.status"] == "completed")
            #expect(status[path: "data.total_tasks"] == 3)
            #expect(status[path: "data.completed_tasks"] == 3)
            #expect(status[path: "data.progress"] == 100)
            #expect(status[path: "data.tasks"]?.arrayValue?.compactMap { $0[path: "status"]?.stringValue } == ["completed", "completed", "completed"])

            // Results: each equals a direct run of the same single-stock config with the config's
            // weights inline, to the fen.
            let data = try await store.load()
            let factors = try await store.loadFactors()
            var directTrades = 0
            for (taskID, stock) in zip(taskIDs, Self.stocks) {
                let results = try await client.post("/api/v1/backtest/getTaskResults", json: #"{"task_id": "\#(taskID)"}"#).json
                #expect(results[path: "code"] == 200)
                let summary = try #require(results[path: "data.summary"]?.objectValue)
                for key in ["annual_return", "volatility", "sharpe_ratio", "max_drawdown", "win_rate", "total_trades"] {
                    #expect(summary[key] != nil, "summary.\(key)")
                }
                #expect(results[path: "data.stock_code"]?.stringValue == stock)
                let combination = try #require(results[path: "data.factor_combination.factors"]?.arrayValue)
                let weights = Dictionary(uniqueKeysWithValues: combination.compactMap { factor -> (String, Double)? in
                    guard let name = factor[path: "name"]?.stringValue, let weight = factor[path: "weight"]?.numberValue else { return nil }
                    return (name, weight)
                })
                #expect(weights == Self.seedWeights)
                #expect(results[path: "data.factor_combination.name"] == "基于多类型因子的组合配置")
                #expect(results[path: "data.trades"] == nil)
                #expect(results[path: "data.equity_curve"] == nil)

                let direct = try Self.directRun(stock: stock, data: data, factors: factors)
                let finalValue = try #require(results[path: "data.final_value"]?.numberValue)
                #expect(Money(roundingYuan: finalValue) == direct.finalValue, "\(stock)")
                #expect(summary["total_trades"]?.numberValue == Double(direct.metrics.totalTrades), "\(stock)")

                let full = try await client.post("/api/v1/backtest/getTaskResults", json: """
                    {"task_id": "\(taskID)", "include_trades": true, "include_equity_curve": true}
                    """).json
                #expect(full[path: "data.trades"]?.arrayValue?.count == direct.trades.count, "\(stock)")
                #expect(full[path: "data.equity_curve"]?.arrayValue?.count == direct.equityCurve.count, "\(stock)")
                directTrades += direct.trades.count
            }
            // Equal final values mean something only if the runs traded.
            #expect(directTrades > 0)

            // The list: filtered by status and batch, paged.
            let page1 = try await client.post("/api/v1/backtest/getTaskList", json: """
                {"status": "completed", "batch_id": "\(batchID)", "page": 1, "size": 2}
                """).json
            #expect(page1[path: "data.total"] == 3)
            #expect(page1[path: "data.size"] == 2)
            let page2 = try await client.post("/api/v1/backtest/getTaskList", json: """
                {"status": "completed", "batch_id": "\(batchID)", "page": 2, "size": 2}
                """).json
            let listed = [page1, page2].flatMap { $0[path: "data.tasks"]?.arrayValue ?? [] }.compactMap { $0[path: "task_id"]?.stringValue }
            #expect(listed.count == 3)
            #expect(Set(listed) == Set(taskIDs))
            let running = try await client.post("/api/v1/backtest/getTaskList", json: #"{"status": "running"}"#).json
            #expect(running[path: "data.total"] == 0)
            #expect(running[path: "data.tasks"] == [])

            // A finished task cannot be cancelled; an unknown one cannot be retried.
            let cancel = try await client.post("/api/v1/backtest/cancelTask", json: #"{"task_id": "\#(taskIDs[0])"}"#)
            #expect(cancel.status == .conflict)
            let conflict = try cancel.json
            #expect(conflict[path: "code"] == 409)
            #expect(conflict[path: "message"] == "操作冲突")
            #expect(conflict[path: "error"]?.stringValue?.isEmpty == false)
            // The field in conflict is the task's status (the state machine's refusal).
            #expect(conflict[path: "details"] == .object(["field": "status", "reason": "conflict"]))
            #expect(conflict[path: "error"] == "任务状态为completed，不能取消（cancel needs pending or queued）")
            let retry = try await client.post("/api/v1/backtest/retryTask", json: #"{"task_id": "bt_20991231_999"}"#)
            #expect(retry.status == .notFound)
            #expect(try retry.json == .object(["code": 404, "message": "任务不存在", "data": .null]))

            // An empty pool: the seed's envelope, word for word.
            let empty = try await client.post("/api/v1/backtest/createBatch", json: Self.batchBody(configID: configID, pool: []))
            #expect(empty.status == .badRequest)
            #expect(try empty.json == .object([
                "code": 400, "message": "参数错误", "error": "stock_pool不能为空",
                "details": .object(["field": "stock_pool", "reason": "required field missing"]),
            ]))
        }
    }

    /// `BacktestRunner.run` of the batch's single-stock config, written independently of the
    /// task manager: the seed config's weights inline, over everything in the store.
    static func directRun(stock: String, data: MarketDataSet, factors: FactorDataSet) throws -> BacktestResult {
        let weights = seedWeights.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
        let json = """
            {"start_date": "2014-01-02", "end_date": "2016-12-30", "initial_cash": 1000000, "universe": ["\(stock)"],
             "strategy": {"type": "factor_score", "factor_weights": {\(weights)}}}
            """
        let config = try EffectiveConfig(BacktestConfig.decode(Data(json.utf8), file: "direct.json"))
        return try BacktestRunner.run(config, data: data, factors: factors, baseDirectory: "/")
    }
}
