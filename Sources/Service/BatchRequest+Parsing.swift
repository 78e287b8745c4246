import Factors
import Foundation
import HuiceCore
import Runtime

extension BatchRequest {
    /// Parses and validates a createBatch body; the first problem throws, naming its field.
    public static func parse(_ body: JSONValue) throws(RequestError) -> BatchRequest {
        let fields = try RequestBody(body)
        let configKeys = Self.configKeys
        for key in fields.fields.keys.sorted() where Self.reservedConfigKeys[key] != nil {
            throw RequestError(field: key, reason: "not allowed", message: "\(key)不能在批次中设置：\(Self.reservedConfigKeys[key]!)")
        }
        try fields.rejectUnknown(known: Self.requestKeys.union(configKeys))

        // The body's own fields.
        guard let poolItems = try fields.array("stock_pool") else { throw RequestError.missing("stock_pool") }
        let stockPool = try Self.stockPool(poolItems)
        guard let startDate = try fields.date("start_date") else { throw RequestError.missing("start_date") }
        guard let endDate = try fields.date("end_date") else { throw RequestError.missing("end_date") }
        guard startDate <= endDate else {
            throw RequestError(field: "end_date", reason: "must not be before start_date",
                               message: "end_date（\(endDate.isoString)）不能早于start_date（\(startDate.isoString)）")
        }
        let name = try fields.string("name")?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let name, name.isEmpty || name.count > 200 {
            throw RequestError.invalid("name", "name长度必须在1到200个字符之间")
        }
        let description = try fields.string("description")
        var capital = 1_000_000.0
        if let given = try fields.number("initial_capital") {
            guard given.isFinite, given > 0, given < 1e13 else {
                throw RequestError.outOfRange("initial_capital", "initial_capital必须大于0且小于10^13元，实际为\(given)")
            }
            capital = given
        }
        let priority = try fields.integer("priority", in: Self.priorityRange) ?? 0
        let maxAttempts = try fields.integer("max_attempts", in: Self.maxAttemptsRange)
        let factorConfigID = try fields.string("factor_config_id")
        if let factorConfigID, factorConfigID.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RequestError.invalid("factor_config_id", "factor_config_id不能为空字符串")
        }
        let useStockConfigs = try fields.bool("use_stock_configs") ?? false
        let strategyObject = try fields.object("strategy")
        if let mode = try fields.string("backtest_mode"), BacktestMode(rawValue: mode) == nil {
            throw RequestError(field: "backtest_mode", reason: "invalid value",
                               message: "backtest_mode必须是" + BacktestMode.allCases.map(\.rawValue).joined(separator: "或"),
                               details: ["allowed": .array(BacktestMode.allCases.map { .string($0.rawValue) })])
        }

        // The backtest config document: config keys (top level or in `config`), then the body's fields.
        var document: [String: JSONValue] = [:]
        var origin: [String: String] = [:]  // config key → where it was given ("" top level, "config.")
        for key in fields.fields.keys where configKeys.contains(key) {
            document[key] = fields.fields[key]
            origin[key] = ""
        }
        if let nested = try fields.object("config") {
            let config = try RequestBody(.object(nested), prefix: "config.")
            for key in nested.keys.sorted() where Self.reservedConfigKeys[key] != nil {
                throw RequestError(field: "config.\(key)", reason: "not allowed",
                                   message: "config.\(key)不能在批次中设置：\(Self.reservedConfigKeys[key]!)")
            }
            try config.rejectUnknown(known: configKeys)
            for key in nested.keys.sorted() {
                if origin[key] != nil {
                    throw RequestError(field: "config.\(key)", reason: "duplicate field",
                                       message: "\(key)同时出现在请求体和config中")
                }
                document[key] = nested[key]
                origin[key] = "config."
            }
        }
        document["start_date"] = .string(startDate.isoString)
        document["end_date"] = .string(endDate.isoString)
        document["initial_cash"] = .number(capital)
        document["universe"] = .array(stockPool.map { .string($0.description) })
        if let mode = try fields.string("backtest_mode") { document["backtest_mode"] = .string(mode) }
        let shorthand = factorConfigID != nil || useStockConfigs
        if factorConfigID != nil && useStockConfigs {
            throw RequestError(field: "use_stock_configs", reason: "not allowed",
                               message: "factor_config_id和use_stock_configs只能给出一个")
        }
        if shorthand {
            var strategy = strategyObject ?? ["type": "factor_score"]
            guard strategy["type"] == .string("factor_score") else {
                throw RequestError(field: "strategy.type", reason: "not allowed",
                                   message: "使用factor_config_id或use_stock_configs时，strategy必须是factor_score")
            }
            for key in ["factors", "factor_weights", "factor_params", "factor_config_id", "use_stock_configs"]
            where strategy[key] != nil {
                throw RequestError(field: "strategy.\(key)", reason: "not allowed",
                                   message: "已给出\(factorConfigID != nil ? "factor_config_id" : "use_stock_configs")，strategy中不能再有\(key)")
            }
            if let factorConfigID { strategy["factor_config_id"] = .string(factorConfigID) }
            if useStockConfigs { strategy["use_stock_configs"] = .bool(true) }
            document["strategy"] = .object(strategy)
        } else if let strategyObject {
            document["strategy"] = .object(strategyObject)
        } else {
            throw RequestError(field: "factor_config_id", reason: "required field missing",
                               message: "需要factor_config_id、use_stock_configs: true或strategy之一")
        }
        if case .object(let strategy)? = document["strategy"], strategy["type"] == .string("signals"),
           case .string(let path)? = strategy["path"], !path.hasPrefix("/") {
            throw RequestError(field: "strategy.path", reason: "invalid value",
                               message: "批次任务的信号文件必须是服务器上的绝对路径，实际为'\(path)'")
        }

        // The config decoder checks every config key and the strategy, as for a config file.
        let config: EffectiveConfig
        do {
            let data = try JSONValue.object(document).encoded()
            config = try EffectiveConfig(BacktestConfig.decode(data))
        } catch let error as ConfigError {
            throw Self.requestError(error, origin: origin, shorthand: shorthand)
        } catch {
            throw RequestError.invalid("body", "请求无法解析：\(error)")
        }
        // Tickers such as SYM001 or AAPL belong to the generic market profile only.
        if config.market == .ashare {
            for (i, item) in poolItems.enumerated() {
                if case .string(let text) = item, StockCode(normalizing: text)?.exchange == .other {
                    throw Self.invalidStockCode(index: i, text: text, generic: true)
                }
            }
        }
        let source: StrategySource
        if case .factorScore(let spec) = config.strategy, spec.factors.isEmpty, let id = spec.factorConfigID {
            source = .factorConfig(id: id)
        } else if case .factorScore(let spec) = config.strategy, spec.useStockConfigs {
            source = .stockConfigs
        } else {
            source = .inline
        }
        return BatchRequest(
            name: name ?? "\(stockPool.count)只股票回测 \(startDate.isoString)至\(endDate.isoString)",
            description: description, stockPool: stockPool, startDate: startDate, endDate: endDate,
            initialCapital: config.initialCash, strategySource: source, backtestMode: config.backtestMode,
            priority: priority, maxAttempts: maxAttempts, config: config, body: body)
    }

    /// The pool: strings that are stock codes, duplicates dropped, 1…500 of them. Other tickers
    /// (exchange `.other`) pass here and are refused later unless `market` is `generic`.
    private static func stockPool(_ items: [JSONValue]) throws(RequestError) -> [StockCode] {
        guard !items.isEmpty else { throw RequestError.missing("stock_pool", "stock_pool不能为空") }
        var seen = Set<StockCode>()
        var pool: [StockCode] = []
        for (i, item) in items.enumerated() {
            guard case .string(let text) = item else { throw RequestError.wrongType("stock_pool[\(i)]", expected: "股票代码字符串") }
            guard let code = StockCode(normalizing: text) else { throw invalidStockCode(index: i, text: text, generic: false) }
            if seen.insert(code).inserted { pool.append(code) }
        }
        guard pool.count <= maxStockPool else {
            throw RequestError.outOfRange("stock_pool", "stock_pool最多\(maxStockPool)只股票，实际为\(pool.count)只")
        }
        return pool
    }

    static func invalidStockCode(index: Int, text: String, generic: Bool) -> RequestError {
        RequestError(field: "stock_pool[\(index)]", reason: "invalid value",
                     message: "stock_pool[\(index)]不是有效的股票代码：'\(text)'（例如000001.SZ"
                         + (generic ? "；其他市场的代码需要\"market\": \"generic\"）" : "）"),
                     details: ["value": .string(text)])
    }

    /// A config error as a request error on the body's field.
    static func requestError(_ error: ConfigError, origin: [String: String], shorthand: Bool) -> RequestError {
        let configField = error.location.field ?? ""
        let head = String(configField.prefix { $0 != "." && $0 != "[" })
        let rest = configField.dropFirst(head.count)
        var field: String
        switch head {
        case "": field = "body"
        case "initial_cash": field = "initial_capital" + rest
        case "universe": field = "stock_pool" + rest
        case "strategy" where shorthand && (rest == ".factor_config_id" || rest == ".use_stock_configs"):
            field = String(rest.dropFirst())
        default: field = (origin[head] ?? "") + configField
        }
        let reason: String
        let text = error.reason
        if text.hasPrefix("unknown key") {
            reason = "unknown field"
        } else if text.hasPrefix("required key is missing") {
            reason = "required field missing"
        } else if text.hasPrefix("expected ") {
            reason = "wrong type"
        } else if text.contains("out of range") || text.contains("outside") || text.contains("must be at least")
            || text.contains("must be between") || text.contains("must be in") {
            reason = "out of range"
        } else {
            reason = "invalid value"
        }
        return RequestError(field: field, reason: reason, message: "\(field)无效：\(text)",
                            details: ["detail": .string(text)])
    }
}
