import Factors
import Foundation
import HuiceCore
import Runtime
import Service

/// The batch form's fields and their translation to the API's createBatch body: the page posts a
/// form, this turns it into the same JSON the API takes, and `BatchRequest.parse` applies the same
/// rules (a rejected field comes back under its JSON name and is shown next to its input).
///
/// Settings left blank are left out of the body, so they take the engine's defaults (docs/CONFIG.md);
/// `off` (or `null`) sends `null`, which switches a rule off.
struct BatchForm {
    /// One optional setting of the form: its JSON key (`fee_config.commission_rate` lives in the
    /// nested `fee_config` object), what it holds, and its help text.
    struct Setting: Sendable {
        enum Kind: Equatable, Sendable {
            case decimal
            case integer
            case code
            case choice([String])
        }

        var key: String
        var kind: Kind
        var help: I18n.Key
        /// The default shown beside the field, from the engine's own defaults.
        var defaultText: @Sendable (EffectiveConfig) -> String
    }

    /// How the tasks decide what to trade (the `strategy` radio buttons).
    enum StrategyChoice: String, CaseIterable {
        case factorConfig = "factor_config"
        case stockConfigs = "stock_configs"
        case smaCrossover = "sma_crossover"
        case buyAndHold = "buy_and_hold"
        case signals

        var label: I18n.Key {
            switch self {
            case .factorConfig: .strategyFactorConfig
            case .stockConfigs: .strategyStockConfigs
            case .smaCrossover: .strategySMA
            case .buyAndHold: .strategyBuyAndHold
            case .signals: .strategySignals
            }
        }
    }

    /// The settings in the order the form shows them, grouped.
    static let settingGroups: [(title: I18n.Key, settings: [Setting])] = [
        (.groupRun, [
            Setting(key: "benchmark", kind: .code, help: .helpBenchmark) { $0.benchmark?.rawValue ?? "000001.SH" },
            Setting(key: "backtest_mode", kind: .choice(BacktestMode.allCases.map(\.rawValue)), help: .helpBacktestMode) { $0.backtestMode.rawValue },
            Setting(key: "risk_free_rate", kind: .decimal, help: .helpRiskFreeRate) { number($0.riskFreeRate) },
            Setting(key: "priority", kind: .integer, help: .helpPriority) { _ in "0" },
            Setting(key: "max_attempts", kind: .integer, help: .helpMaxAttempts) { _ in "3" },
        ]),
        (.groupFills, [
            Setting(key: "order_type", kind: .choice(["auction", "limit"]), help: .helpOrderType) { $0.orderType.rawValue },
            Setting(key: "slippage_type", kind: .choice(["auction", "none", "fixed", "variable"]), help: .helpSlippageType) { $0.slippageType.rawValue },
            Setting(key: "slippage_value", kind: .decimal, help: .helpSlippageValue) { number($0.slippageValue) },
            Setting(key: "min_fill_probability", kind: .decimal, help: .helpMinFillProbability) { number($0.minFillProbability) },
            Setting(key: "queue_participation_rate", kind: .decimal, help: .helpQueueParticipation) { optional($0.queueParticipationRate) },
            Setting(key: "seed", kind: .integer, help: .helpSeed) { $0.seed.map(String.init) ?? "—" },
        ]),
        (.groupFees, [
            Setting(key: "fee_config.commission_rate", kind: .decimal, help: .helpCommissionRate) { _ in "0.0003" },
            Setting(key: "fee_config.min_commission", kind: .decimal, help: .helpMinCommission) { _ in "5" },
            Setting(key: "fee_config.stamp_duty_rate", kind: .decimal, help: .helpStampDuty) { _ in "0.001" },
            Setting(key: "fee_config.transfer_fee_rate", kind: .decimal, help: .helpTransferFee) { _ in "0.00002" },
        ]),
        (.groupPositions, [
            Setting(key: "max_positions", kind: .integer, help: .helpMaxPositions) { optional($0.maxPositions) },
            Setting(key: "max_position_pct", kind: .decimal, help: .helpMaxPositionPct) { optional($0.maxPositionPct) },
            Setting(key: "max_holding_days", kind: .integer, help: .helpMaxHoldingDays) { optional($0.maxHoldingDays) },
            Setting(key: "stop_loss_pct", kind: .decimal, help: .helpStopLoss) { optional($0.stopLossPct) },
            Setting(key: "take_profit_pct", kind: .decimal, help: .helpTakeProfit) { optional($0.takeProfitPct) },
        ]),
        (.groupRisk, [
            Setting(key: "max_drawdown_pct", kind: .decimal, help: .helpMaxDrawdown) { optional($0.maxDrawdownPct) },
            Setting(key: "daily_max_loss_pct", kind: .decimal, help: .helpDailyMaxLoss) { optional($0.dailyMaxLossPct) },
            Setting(key: "risk_cooldown_days", kind: .integer, help: .helpRiskCooldown) { optional($0.riskCooldownDays) },
        ]),
    ]

    static var settings: [Setting] { settingGroups.flatMap(\.settings) }

    /// The engine's A-share defaults: a minimal config decoded by the same decoder a task uses.
    static let defaults: EffectiveConfig? = {
        let minimal = #"{"start_date": "20200102", "end_date": "20200103", "strategy": {"type": "buy_and_hold"}}"#
        return try? EffectiveConfig(BacktestConfig.decode(Data(minimal.utf8), file: "defaults"))
    }()

    /// The createBatch body the form describes.
    static func body(from form: FormFields) -> JSONValue {
        var body: [String: JSONValue] = [:]
        if let name = form.trimmed("name") { body["name"] = .string(name) }
        if let description = form.trimmed("description") { body["description"] = .string(description) }
        body["stock_pool"] = .array(stockPool(in: form).map { .string($0) })
        body["start_date"] = .string(form.trimmed("start_date") ?? "")
        body["end_date"] = .string(form.trimmed("end_date") ?? "")
        if let capital = form.trimmed("initial_capital") { body["initial_capital"] = scalar(capital, .decimal) }
        switch StrategyChoice(rawValue: form["strategy"] ?? "") ?? .factorConfig {
        case .factorConfig:
            body["factor_config_id"] = .string(form.trimmed("factor_config_id") ?? "")
        case .stockConfigs:
            body["use_stock_configs"] = .bool(true)
        case .smaCrossover:
            var strategy: [String: JSONValue] = ["type": .string("sma_crossover")]
            if let fast = form.trimmed("sma_fast") { strategy["fast"] = scalar(fast, .integer) }
            if let slow = form.trimmed("sma_slow") { strategy["slow"] = scalar(slow, .integer) }
            body["strategy"] = .object(strategy)
        case .buyAndHold:
            body["strategy"] = .object(["type": .string("buy_and_hold")])
        case .signals:
            body["strategy"] = .object(["type": .string("signals"), "path": .string(form.trimmed("signal_path") ?? "")])
        }
        var fees: [String: JSONValue] = [:]
        for setting in settings {
            guard let text = form.trimmed(setting.key) else { continue }
            let value = scalar(text, setting.kind)
            if setting.key.hasPrefix("fee_config.") {
                fees[String(setting.key.dropFirst("fee_config.".count))] = value
            } else {
                body[setting.key] = value
            }
        }
        if !fees.isEmpty { body["fee_config"] = .object(fees) }
        return .object(body)
    }

    /// The ticked stocks, then the codes typed in the text box (split at commas, spaces or line
    /// breaks), each once, in that order.
    static func stockPool(in form: FormFields) -> [String] {
        let typed = (form["stock_pool_text"] ?? "")
            .split(whereSeparator: { $0 == "," || $0 == "，" || $0.isWhitespace }).map(String.init)
        var seen = Set<String>()
        return (form.pairs.filter { $0.name == "stock" }.map(\.value) + typed).filter { seen.insert($0).inserted }
    }

    /// The form field a rejected body field belongs to: `stock_pool[2]` → `stock_pool`,
    /// `strategy.fast` → `strategy`, `config.x` never occurs (the form sends no `config`).
    static func formField(for field: String) -> String {
        if field.hasPrefix("stock_pool") { return "stock_pool" }
        if field.hasPrefix("strategy") { return "strategy" }
        if field == "factor_config_id" || field == "use_stock_configs" { return "strategy" }
        return field
    }

    /// A typed value: a number when it reads as one, `null` for `off`/`null`, and otherwise the
    /// text itself, so the parser rejects it with its own message naming the field.
    private static func scalar(_ text: String, _ kind: Setting.Kind) -> JSONValue {
        if ["off", "null", "关", "关闭"].contains(text.lowercased()) { return .null }
        switch kind {
        case .decimal, .integer:
            if let number = Double(text.replacingOccurrences(of: ",", with: "")), number.isFinite { return .number(number) }
            return .string(text)
        case .code, .choice:
            return .string(text)
        }
    }

    private static func number(_ value: Double) -> String {
        var text = String(value)
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    private static func optional(_ value: Double?) -> String { value.map(number) ?? "off" }
    private static func optional(_ value: Int?) -> String { value.map(String.init) ?? "off" }
}
