import Foundation
import HuiceCore
import Factors

/// A backtest configuration as written: seed 002 `BacktestConfig` (same names, same defaults) plus
/// the run's universe, strategy, benchmark, market profile and platform risk limits.
///
/// Keys left out take their defaults (`EffectiveConfig`); `null` switches a rule off (for example
/// `"stop_loss_pct": null`). Unknown keys and wrong types are errors that name the key.
public struct BacktestConfig: Sendable, Equatable {
    // Identity and engine (recorded in the result)
    public var backtestID: ConfigValue<String> = .absent
    public var backtestName: ConfigValue<String> = .absent
    public var engineType: ConfigValue<String> = .absent
    public var integrationMode: ConfigValue<String> = .absent
    public var modeSwitchPolicy: ConfigValue<String> = .absent
    public var market: ConfigValue<MarketProfile> = .absent

    // Time range and money
    public var startDate: TradingDay
    public var endDate: TradingDay
    public var initialCash: ConfigValue<Double> = .absent
    public var riskFreeRate: ConfigValue<Double> = .absent

    // Signal selection
    public var minRecommendation: ConfigValue<Recommendation> = .absent
    public var minFinalScore: ConfigValue<Double> = .absent
    public var topN: ConfigValue<Int> = .absent
    public var minPasBreadthRatio: ConfigValue<Double> = .absent

    // Trading and costs
    public var orderType: ConfigValue<OrderType> = .absent
    public var slippageType: ConfigValue<SlippageType> = .absent
    public var slippageValue: ConfigValue<Double> = .absent
    public var minFillProbability: ConfigValue<Double> = .absent
    public var queueParticipationRate: ConfigValue<Double> = .absent
    public var impactCostBpsCap: ConfigValue<Double> = .absent
    public var liquidityTierSource: ConfigValue<String> = .absent
    public var feeConfig: ConfigValue<FeeConfig> = .absent
    public var seed: ConfigValue<UInt64> = .absent

    // Position rules
    public var maxPositions: ConfigValue<Int> = .absent
    public var maxPositionPct: ConfigValue<Double> = .absent
    public var maxHoldingDays: ConfigValue<Int> = .absent
    public var stopLossPct: ConfigValue<Double> = .absent
    public var takeProfitPct: ConfigValue<Double> = .absent

    // Platform risk monitor (seed 001)
    public var maxDrawdownPct: ConfigValue<Double> = .absent
    public var dailyMaxLossPct: ConfigValue<Double> = .absent
    public var riskCooldownDays: ConfigValue<Int> = .absent

    // The run
    public var universe: ConfigValue<[StockCode]> = .absent
    public var benchmark: ConfigValue<StockCode> = .absent
    public var strategy: StrategySpec

    // Factors (seed 000)
    /// historical_simulation (default) or model_validation.
    public var backtestMode: ConfigValue<BacktestMode> = .absent
    /// Factor files (CSV, relative to the config file) with stored factor values.
    public var factorData: ConfigValue<[String]> = .absent

    public init(startDate: TradingDay, endDate: TradingDay, strategy: StrategySpec) {
        self.startDate = startDate
        self.endDate = endDate
        self.strategy = strategy
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case backtestID = "backtest_id", backtestName = "backtest_name", engineType = "engine_type"
        case integrationMode = "integration_mode", modeSwitchPolicy = "mode_switch_policy", market
        case startDate = "start_date", endDate = "end_date", initialCash = "initial_cash", riskFreeRate = "risk_free_rate"
        case minRecommendation = "min_recommendation", minFinalScore = "min_final_score", topN = "top_n"
        case minPasBreadthRatio = "min_pas_breadth_ratio", orderType = "order_type", slippageType = "slippage_type"
        case slippageValue = "slippage_value", minFillProbability = "min_fill_probability"
        case queueParticipationRate = "queue_participation_rate", impactCostBpsCap = "impact_cost_bps_cap"
        case liquidityTierSource = "liquidity_tier_source", feeConfig = "fee_config", seed
        case maxPositions = "max_positions", maxPositionPct = "max_position_pct", maxHoldingDays = "max_holding_days"
        case stopLossPct = "stop_loss_pct", takeProfitPct = "take_profit_pct", maxDrawdownPct = "max_drawdown_pct"
        case dailyMaxLossPct = "daily_max_loss_pct", riskCooldownDays = "risk_cooldown_days"
        case universe, benchmark, strategy, backtestMode = "backtest_mode", factorData = "factor_data"
    }

    /// Every top-level key a config may have (the task service accepts them in a batch request).
    public static var keyNames: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// Reads a config from JSON; `file` names it in errors.
    public static func decode(_ data: Data, file: String? = nil) throws(ConfigError) -> BacktestConfig {
        do {
            return try JSONDecoder().decode(BacktestConfig.self, from: data)
        } catch let error as ConfigError {
            var located = error
            located.location.file = file
            throw located
        } catch let error as DecodingError {
            throw ConfigError(decoding: error, file: file)
        } catch {
            throw ConfigError(file: file, reason: "\(error)")
        }
    }
}

extension BacktestConfig: Codable {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        try AnyKey.rejectUnknown(in: c, known: CodingKeys.allCases.map(\.rawValue), path: "")
        let k = try decoder.container(keyedBy: CodingKeys.self)
        guard k.contains(.startDate) else { throw ConfigError(field: "start_date", reason: "required key is missing") }
        guard k.contains(.endDate) else { throw ConfigError(field: "end_date", reason: "required key is missing") }
        guard k.contains(.strategy) else {
            throw ConfigError(field: "strategy", reason: "required key is missing (e.g. {\"type\": \"signals\", \"path\": \"signals.csv\"})")
        }
        startDate = try k.decode(TradingDay.self, forKey: .startDate)
        endDate = try k.decode(TradingDay.self, forKey: .endDate)
        strategy = try k.decode(StrategySpec.self, forKey: .strategy)
        backtestID = try k.configValue(String.self, forKey: .backtestID)
        backtestName = try k.configValue(String.self, forKey: .backtestName)
        engineType = try k.configValue(String.self, forKey: .engineType)
        integrationMode = try k.configValue(String.self, forKey: .integrationMode)
        modeSwitchPolicy = try k.configValue(String.self, forKey: .modeSwitchPolicy)
        market = try k.configEnum(MarketProfile.self, forKey: .market)
        initialCash = try k.configValue(Double.self, forKey: .initialCash)
        riskFreeRate = try k.configValue(Double.self, forKey: .riskFreeRate)
        minRecommendation = try k.configEnum(Recommendation.self, forKey: .minRecommendation)
        minFinalScore = try k.configValue(Double.self, forKey: .minFinalScore)
        topN = try k.configValue(Int.self, forKey: .topN)
        minPasBreadthRatio = try k.configValue(Double.self, forKey: .minPasBreadthRatio)
        orderType = try k.configEnum(OrderType.self, forKey: .orderType)
        slippageType = try k.configEnum(SlippageType.self, forKey: .slippageType)
        slippageValue = try k.configValue(Double.self, forKey: .slippageValue)
        minFillProbability = try k.configValue(Double.self, forKey: .minFillProbability)
        queueParticipationRate = try k.configValue(Double.self, forKey: .queueParticipationRate)
        impactCostBpsCap = try k.configValue(Double.self, forKey: .impactCostBpsCap)
        liquidityTierSource = try k.configValue(String.self, forKey: .liquidityTierSource)
        feeConfig = try k.configValue(FeeConfig.self, forKey: .feeConfig)
        seed = try k.configValue(UInt64.self, forKey: .seed)
        maxPositions = try k.configValue(Int.self, forKey: .maxPositions)
        maxPositionPct = try k.configValue(Double.self, forKey: .maxPositionPct)
        maxHoldingDays = try k.configValue(Int.self, forKey: .maxHoldingDays)
        stopLossPct = try k.configValue(Double.self, forKey: .stopLossPct)
        takeProfitPct = try k.configValue(Double.self, forKey: .takeProfitPct)
        maxDrawdownPct = try k.configValue(Double.self, forKey: .maxDrawdownPct)
        dailyMaxLossPct = try k.configValue(Double.self, forKey: .dailyMaxLossPct)
        riskCooldownDays = try k.configValue(Int.self, forKey: .riskCooldownDays)
        universe = try k.configValue([StockCode].self, forKey: .universe)
        benchmark = try k.configValue(StockCode.self, forKey: .benchmark)
        backtestMode = try k.configEnum(BacktestMode.self, forKey: .backtestMode)
        factorData = try k.configValue([String].self, forKey: .factorData)
    }

    public func encode(to encoder: any Encoder) throws {
        var k = encoder.container(keyedBy: CodingKeys.self)
        try k.encode(backtestID, forKey: .backtestID)
        try k.encode(backtestName, forKey: .backtestName)
        try k.encode(engineType, forKey: .engineType)
        try k.encode(integrationMode, forKey: .integrationMode)
        try k.encode(modeSwitchPolicy, forKey: .modeSwitchPolicy)
        try k.encode(market, forKey: .market)
        try k.encode(startDate, forKey: .startDate)
        try k.encode(endDate, forKey: .endDate)
        try k.encode(initialCash, forKey: .initialCash)
        try k.encode(riskFreeRate, forKey: .riskFreeRate)
        try k.encode(minRecommendation, forKey: .minRecommendation)
        try k.encode(minFinalScore, forKey: .minFinalScore)
        try k.encode(topN, forKey: .topN)
        try k.encode(minPasBreadthRatio, forKey: .minPasBreadthRatio)
        try k.encode(orderType, forKey: .orderType)
        try k.encode(slippageType, forKey: .slippageType)
        try k.encode(slippageValue, forKey: .slippageValue)
        try k.encode(minFillProbability, forKey: .minFillProbability)
        try k.encode(queueParticipationRate, forKey: .queueParticipationRate)
        try k.encode(impactCostBpsCap, forKey: .impactCostBpsCap)
        try k.encode(liquidityTierSource, forKey: .liquidityTierSource)
        try k.encode(feeConfig, forKey: .feeConfig)
        try k.encode(seed, forKey: .seed)
        try k.encode(maxPositions, forKey: .maxPositions)
        try k.encode(maxPositionPct, forKey: .maxPositionPct)
        try k.encode(maxHoldingDays, forKey: .maxHoldingDays)
        try k.encode(stopLossPct, forKey: .stopLossPct)
        try k.encode(takeProfitPct, forKey: .takeProfitPct)
        try k.encode(maxDrawdownPct, forKey: .maxDrawdownPct)
        try k.encode(dailyMaxLossPct, forKey: .dailyMaxLossPct)
        try k.encode(riskCooldownDays, forKey: .riskCooldownDays)
        try k.encode(universe, forKey: .universe)
        try k.encode(benchmark, forKey: .benchmark)
        try k.encode(strategy, forKey: .strategy)
        try k.encode(backtestMode, forKey: .backtestMode)
        try k.encode(factorData, forKey: .factorData)
    }
}

/// The market rules a run follows.
public enum MarketProfile: String, Sendable, Codable, CaseIterable {
    /// China A-shares: T+1, price limits, lots, the dated fee schedule, the liquidity model.
    case ashare
    /// Other markets: whole shares of 1, no price limits, no T+1, fees only as configured.
    case generic
}

/// Seed 002 `slippage_type`, plus `none`.
public enum SlippageType: String, Sendable, Codable, CaseIterable {
    /// Fill at the opening auction price (no slippage: the auction clears at one price).
    case auction
    /// No slippage.
    case none
    /// A fixed fraction (`slippage_value`) against the trader.
    case fixed
    /// Square-root market impact from the order's share of volume, capped by impact_cost_bps_cap.
    case variable
}

/// Seed 002 `AShareFeeConfig`: when given, constant rates replace the dated official schedule.
public struct FeeConfig: Sendable, Equatable, Codable {
    public var commissionRate: Double = 0.0003
    public var stampDutyRate: Double = 0.001
    public var transferFeeRate: Double = 0.00002
    public var minCommission: Double = 5.0

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case commissionRate = "commission_rate", stampDutyRate = "stamp_duty_rate"
        case transferFeeRate = "transfer_fee_rate", minCommission = "min_commission"
    }

    public init(from decoder: any Decoder) throws {
        try AnyKey.rejectUnknown(in: decoder.container(keyedBy: AnyKey.self),
                                 known: CodingKeys.allCases.map(\.rawValue), path: "fee_config.")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        commissionRate = try c.decodeIfPresent(Double.self, forKey: .commissionRate) ?? commissionRate
        stampDutyRate = try c.decodeIfPresent(Double.self, forKey: .stampDutyRate) ?? stampDutyRate
        transferFeeRate = try c.decodeIfPresent(Double.self, forKey: .transferFeeRate) ?? transferFeeRate
        minCommission = try c.decodeIfPresent(Double.self, forKey: .minCommission) ?? minCommission
    }
}

/// Any JSON key, for spotting keys a config does not know.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    static func rejectUnknown(in container: KeyedDecodingContainer<AnyKey>, known: [String], path: String) throws {
        let knownSet = Set(known)
        for key in container.allKeys.map(\.stringValue).sorted() where !knownSet.contains(key) {
            let suggestion = known.min { editDistance($0, key) < editDistance($1, key) }
                .flatMap { editDistance($0, key) <= 3 ? " (did you mean '\($0)'?)" : nil } ?? ""
            throw ConfigError(field: path + key, reason: "unknown key\(suggestion)")
        }
    }

    /// Levenshtein distance, for "did you mean" hints.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

extension ConfigError {
    /// Turns a `DecodingError` into a config error naming the key path and the reason.
    init(decoding error: DecodingError, file: String?) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
                .replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .typeMismatch(let type, let context):
            self.init(file: file, field: path(context.codingPath), reason: "expected \(Self.describe(type)); \(context.debugDescription)")
        case .valueNotFound(let type, let context):
            self.init(file: file, field: path(context.codingPath), reason: "expected \(Self.describe(type)), found null")
        case .keyNotFound(let key, let context):
            self.init(file: file, field: path(context.codingPath + [key]), reason: "required key is missing")
        case .dataCorrupted(let context):
            self.init(file: file, field: context.codingPath.isEmpty ? nil : path(context.codingPath),
                      reason: context.codingPath.isEmpty ? "not valid JSON: \(context.debugDescription)" : context.debugDescription)
        @unknown default:
            self.init(file: file, reason: "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type: "a number"
        case is Int.Type, is UInt64.Type: "an integer"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: "\(type)"
        }
    }
}
