import Foundation
import HuiceCore
import Runtime
import Testing
@testable import Service

/// createBatch bodies: every field's checks, each error naming its field.
@Suite("Batch requests")
struct BatchRequestTests {
    static let valid: [String: JSONValue] = [
        "name": "因子组合回测任务批次", "description": "测试",
        "stock_pool": ["000001.SZ", "000002.SZ", "600000.SH"],
        "start_date": "2020-01-01", "end_date": "2023-12-31", "initial_capital": 1_000_000,
        "factor_config_id": "config_20240107_001",
    ]

    func body(_ change: (inout [String: JSONValue]) -> Void) -> JSONValue {
        var fields = Self.valid
        change(&fields)
        return .object(fields)
    }

    /// The error parsing `body` gives (nil when it parses).
    func error(_ body: JSONValue) -> RequestError? {
        do {
            _ = try BatchRequest.parse(body)
            return nil
        } catch {
            return error
        }
    }

    @Test("the seed's example body parses")
    func seedExample() throws {
        let request = try BatchRequest.parse(.object(Self.valid))
        #expect(request.name == "因子组合回测任务批次")
        #expect(request.stockPool.map(\.description) == ["000001.SZ", "000002.SZ", "600000.SH"])
        #expect(request.startDate == TradingDay(yyyymmdd: 20200101))
        #expect(request.endDate == TradingDay(yyyymmdd: 20231231))
        #expect(request.initialCapital == Money(fen: 100_000_000))
        #expect(request.strategySource == .factorConfig(id: "config_20240107_001"))
        #expect(request.backtestMode == .historicalSimulation)
        #expect(request.priority == 0)
        #expect(request.maxAttempts == nil)
    }

    @Test("codes are normalised and duplicates dropped in order; yyyymmdd dates are accepted")
    func normalisation() throws {
        let request = try BatchRequest.parse(body {
            $0["stock_pool"] = ["sh600000", "600000.SH", "000002.sz", "SZ000002"]
            $0["start_date"] = "20200102"
            $0["end_date"] = "20200102"
        })
        #expect(request.stockPool.map(\.description) == ["600000.SH", "000002.SZ"])
        #expect(request.startDate == request.endDate)
    }

    @Test("missing required fields are named", arguments: ["stock_pool", "start_date", "end_date"])
    func missing(_ field: String) {
        let e = error(body { $0.removeValue(forKey: field) })
        #expect(e?.field == field)
        #expect(e?.reason == "required field missing")
    }

    @Test("a body without any strategy source names factor_config_id")
    func missingStrategy() {
        let e = error(body { $0.removeValue(forKey: "factor_config_id") })
        #expect(e?.field == "factor_config_id")
        #expect(e?.reason == "required field missing")
    }

    @Test("an empty stock pool is refused with the seed's message")
    func emptyPool() {
        let e = error(body { $0["stock_pool"] = [] })
        #expect(e?.field == "stock_pool")
        #expect(e?.reason == "required field missing")
        #expect(e?.message == "stock_pool不能为空")
    }

    @Test("wrong types are named",
          arguments: [
            ("stock_pool", JSONValue.string("000001.SZ"), "stock_pool"),
            ("stock_pool", JSONValue.array([1]), "stock_pool[0]"),
            ("start_date", JSONValue.number(20200101), "start_date"),
            ("initial_capital", JSONValue.string("1000000"), "initial_capital"),
            ("priority", JSONValue.number(1.5), "priority"),
            ("max_attempts", JSONValue.string("3"), "max_attempts"),
            ("use_stock_configs", JSONValue.string("yes"), "use_stock_configs"),
            ("name", JSONValue.number(5), "name"),
            ("strategy", JSONValue.string("factor_score"), "strategy"),
            ("factor_config_id", JSONValue.bool(true), "factor_config_id"),
            ("config", JSONValue.array([]), "config"),
          ])
    func wrongType(_ key: String, _ value: JSONValue, _ field: String) {
        let e = error(body { $0[key] = value })
        #expect(e?.field == field)
        #expect(e?.reason == "wrong type")
    }

    @Test("values out of range are named",
          arguments: [
            ("initial_capital", JSONValue.number(0)), ("initial_capital", -5), ("priority", 101), ("priority", -101),
            ("max_attempts", 0), ("max_attempts", 11),
          ])
    func outOfRange(_ key: String, _ value: JSONValue) {
        let e = error(body { $0[key] = value })
        #expect(e?.field == key)
        #expect(e?.reason == "out of range")
    }

    @Test("more than 500 distinct stocks is out of range; 500 is fine")
    func poolLimit() throws {
        let codes = (0..<501).map { JSONValue.string(String(format: "60%04d.SH", $0)) }
        let e = error(body { $0["stock_pool"] = .array(codes) })
        #expect(e?.field == "stock_pool")
        #expect(e?.reason == "out of range")
        #expect(try BatchRequest.parse(body { $0["stock_pool"] = .array(Array(codes.prefix(500))) }).stockPool.count == 500)
    }

    @Test("invalid values are named",
          arguments: [
            ("stock_pool", JSONValue.array(["000001.SZ", "ABC"]), "stock_pool[1]", "invalid value"),
            ("start_date", "2020-13-01", "start_date", "must be a date yyyy-mm-dd"),
            ("start_date", "2020/01/01", "start_date", "must be a date yyyy-mm-dd"),
            ("end_date", "2019-12-31", "end_date", "must not be before start_date"),
            ("backtest_mode", "live", "backtest_mode", "invalid value"),
            ("name", "  ", "name", "invalid value"),
          ])
    func invalidValue(_ key: String, _ value: JSONValue, _ field: String, _ reason: String) {
        let e = error(body { $0[key] = value })
        #expect(e?.field == field)
        #expect(e?.reason == reason)
    }

    @Test("unknown keys are refused by name, with a suggestion")
    func unknownKey() {
        let e = error(body { $0["stock_pol"] = ["000001.SZ"] })
        #expect(e?.field == "stock_pol")
        #expect(e?.reason == "unknown field")
        #expect(e?.details["suggestion"] == "stock_pool")
    }

    @Test("config keys are accepted at the top level and inside config, and checked by the config decoder")
    func configFields() throws {
        let request = try BatchRequest.parse(body {
            $0["fee_config"] = ["commission_rate": 0.0002, "min_commission": 0]
            $0["config"] = ["max_drawdown_pct": 0.3, "benchmark": "000300.SH", "stop_loss_pct": nil]
        })
        #expect(request.config.feeConfig?.commissionRate == 0.0002)
        #expect(request.config.maxDrawdownPct == 0.3)
        #expect(request.config.benchmark?.description == "000300.SH")
        #expect(request.config.stopLossPct == nil)

        let top = error(body { $0["fee_config"] = ["commission_rate": 0.5] })
        #expect(top?.field == "fee_config.commission_rate")
        #expect(top?.reason == "out of range")
        let nested = error(body { $0["config"] = ["fee_config": ["commission_rate": 0.5]] })
        #expect(nested?.field == "config.fee_config.commission_rate")
        let unknownNested = error(body { $0["config"] = ["fee_config": ["comission_rate": 0.001]] })
        #expect(unknownNested?.field == "config.fee_config.comission_rate")
        #expect(unknownNested?.reason == "unknown field")
        let typo = error(body { $0["config"] = ["stop_los_pct": 0.1] })
        #expect(typo?.field == "config.stop_los_pct")
        #expect(typo?.reason == "unknown field")
        let wrongType = error(body { $0["max_positions"] = "ten" })
        #expect(wrongType?.field == "max_positions")
        #expect(wrongType?.reason == "wrong type")
        let both = error(body {
            $0["max_positions"] = 3
            $0["config"] = ["max_positions": 4]
        })
        #expect(both?.field == "config.max_positions")
        #expect(both?.reason == "duplicate field")
    }

    @Test("keys a batch sets itself are not allowed", arguments: ["universe", "initial_cash", "backtest_id", "factor_data"])
    func reservedKeys(_ key: String) {
        let e = error(body { $0[key] = ["x"] })
        #expect(e?.field == key)
        #expect(e?.reason == "not allowed")
        let nested = error(body { $0["config"] = .object([key: "x"]) })
        #expect(nested?.field == "config.\(key)")
    }

    @Test("an inline strategy is checked by the config decoder; its errors name strategy fields")
    func inlineStrategy() throws {
        let ok = try BatchRequest.parse(body {
            $0.removeValue(forKey: "factor_config_id")
            $0["strategy"] = ["type": "factor_score", "factor_weights": ["rsi": 0.5, "macd": 0.5], "buy_threshold": 0.4]
        })
        #expect(ok.strategySource == .inline)
        let sma = try BatchRequest.parse(body {
            $0.removeValue(forKey: "factor_config_id")
            $0["strategy"] = ["type": "sma_crossover", "fast": 5, "slow": 20]
        })
        #expect(sma.config.strategy == .movingAverageCrossover(fast: 5, slow: 20, equalWeight: false))
        let weights = error(body {
            $0.removeValue(forKey: "factor_config_id")
            $0["strategy"] = ["type": "factor_score", "factor_weights": ["rsi": 0.5, "macd": 0.4]]
        })
        #expect(weights?.field.hasPrefix("strategy.") == true)
        let slow = error(body {
            $0.removeValue(forKey: "factor_config_id")
            $0["strategy"] = ["type": "sma_crossover", "fast": 20, "slow": 5]
        })
        #expect(slow?.field == "strategy.slow")
        let relative = error(body {
            $0.removeValue(forKey: "factor_config_id")
            $0["strategy"] = ["type": "signals", "path": "signals.csv"]
        })
        #expect(relative?.field == "strategy.path")
    }

    @Test("factor_config_id and use_stock_configs combine only with a factor_score strategy without factors")
    func sources() throws {
        let tuned = try BatchRequest.parse(body { $0["strategy"] = ["type": "factor_score", "buy_threshold": 0.3] })
        #expect(tuned.strategySource == .factorConfig(id: "config_20240107_001"))
        guard case .factorScore(let spec) = tuned.config.strategy else { Issue.record("not factor_score"); return }
        #expect(spec.buyThreshold == 0.3)
        let perStock = try BatchRequest.parse(body {
            $0.removeValue(forKey: "factor_config_id")
            $0["use_stock_configs"] = true
        })
        #expect(perStock.strategySource == .stockConfigs)
        #expect(error(body { $0["strategy"] = ["type": "factor_score", "factor_weights": ["rsi": 1]] })?.field
                    == "strategy.factor_weights")
        #expect(error(body { $0["strategy"] = ["type": "buy_and_hold"] })?.field == "strategy.type")
        #expect(error(body { $0["use_stock_configs"] = true })?.field == "use_stock_configs")
        #expect(error(body { $0["factor_config_id"] = "" })?.field == "factor_config_id")
    }

    @Test("tickers of other markets (SYM001) need market generic; A-share codes work in either")
    func genericTickers() throws {
        let refused = try #require(error(body { $0["stock_pool"] = ["600000.SH", "sym001"] }))
        #expect(refused.field == "stock_pool[1]")
        #expect(refused.message.contains("generic"))
        let generic = try BatchRequest.parse(body {
            $0["stock_pool"] = ["SYM001", "sym002", "SYM001"]
            $0["market"] = "generic"
            $0["benchmark"] = nil
        })
        #expect(generic.stockPool.map(\.description) == ["SYM001", "SYM002"])
        #expect(error(body { $0["stock_pool"] = ["600000.SH"]; $0["market"] = "generic"; $0["benchmark"] = nil }) == nil)
        #expect(error(body { $0["stock_pool"] = ["60000X.SH"] })?.field == "stock_pool[0]")
    }

    @Test("a body that is not an object is refused")
    func notAnObject() {
        #expect(error(.array([]))?.field == "body")
    }

    @Test("task list and result bodies: defaults, ranges, unknown keys")
    func otherBodies() throws {
        let query = try TaskListQuery.parse(["page": 2, "size": 50, "status": "completed", "start_date": "2024-01-01",
                                             "end_date": "20240107", "batch_id": "batch_20240107_001"])
        #expect(query == TaskListQuery(page: 2, size: 50, status: .completed, startDate: TradingDay(yyyymmdd: 20240101),
                                       endDate: TradingDay(yyyymmdd: 20240107), batchID: "batch_20240107_001"))
        #expect(try TaskListQuery.parse([:]) == TaskListQuery())
        func listError(_ body: JSONValue) -> String? {
            do { _ = try TaskListQuery.parse(body); return nil } catch { return "\(error.field) \(error.reason)" }
        }
        #expect(listError(["size": 101]) == "size out of range")
        #expect(listError(["page": 0]) == "page out of range")
        #expect(listError(["status": "done"]) == "status invalid value")
        #expect(listError(["sise": 10]) == "sise unknown field")
        #expect(listError(["start_date": "2024-02-01", "end_date": "2024-01-01"]) == "end_date must not be before start_date")

        let parts = try ResultParts.parse(["task_id": "bt_1", "include_trades": true])
        #expect(parts.taskID == "bt_1")
        #expect(parts.parts == ResultParts(trades: true, equityCurve: false))
        #expect(throws: RequestError.self) { try ResultParts.parse(["include_trades": true]) }
        #expect(try RequestIdentifier.parse(["batch_id": "b"], key: "batch_id") == "b")
        #expect(throws: RequestError.self) { try RequestIdentifier.parse(["batch_id": "b", "x": 1], key: "batch_id") }
    }
}
