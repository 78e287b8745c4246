import Testing
import Foundation
import HuiceCore
import Simulation
@testable import Runtime

/// Decodes a config from JSON text whose body is `fields` plus the required keys (unless given).
private func decode(_ fields: String, required: Bool = true) throws(ConfigError) -> BacktestConfig {
    let base = #""start_date": "20240102", "end_date": "20240329", "strategy": {"type": "buy_and_hold"}"#
    let body = required ? (fields.isEmpty ? base : base + ", " + fields) : fields
    return try BacktestConfig.decode(Data("{\(body)}".utf8), file: "config.json")
}

private func effective(_ fields: String) throws(ConfigError) -> EffectiveConfig { try EffectiveConfig(decode(fields)) }

/// The error a config gives, or nil when it is accepted.
private func error(_ fields: String, required: Bool = true) -> ConfigError? {
    do {
        _ = try EffectiveConfig(decode(fields, required: required))
        return nil
    } catch {
        return error
    }
}

@Suite("Config: strict decoding, defaults and validation")
struct ConfigTests {
    @Test("an unknown key is an error naming it, with the file")
    func unknownKey() throws {
        let e = try #require(error(#""colour": "blue""#))
        #expect(e.location.field == "colour")
        #expect(e.location.file == "config.json")
        #expect(e.reason == "unknown key")
        #expect(e.description == "config.json: field 'colour': unknown key")
    }

    @Test("a near miss gets a 'did you mean', also inside fee_config and strategy")
    func didYouMean() throws {
        let top = try #require(error(#""stop_los_pct": 0.05"#))
        #expect(top.location.field == "stop_los_pct")
        #expect(top.reason == "unknown key (did you mean 'stop_loss_pct'?)")
        let fees = try #require(error(#""fee_config": {"comission_rate": 0.0002}"#))
        #expect(fees.location.field == "fee_config.comission_rate")
        #expect(fees.reason.contains("did you mean 'commission_rate'?"))
        let strategy = try #require(error(#""start_date": "20240102", "end_date": "20240329", "strategy": {"type": "sma_crossover", "fats": 5}"#,
                                          required: false))
        #expect(strategy.location.field == "strategy.fats")
        #expect(strategy.reason.contains("did you mean 'fast'?"))
    }

    @Test("a value of the wrong type is an error naming the key and the expected type")
    func wrongType() throws {
        let topN = try #require(error(#""top_n": "five""#))
        #expect(topN.location.field == "top_n")
        #expect(topN.reason.hasPrefix("expected an integer"))
        let cash = try #require(error(#""initial_cash": "lots""#))
        #expect(cash.location.field == "initial_cash")
        #expect(cash.reason.hasPrefix("expected a number"))
        let order = try #require(error(#""order_type": "market""#))
        #expect(order.location.field == "order_type")
        #expect(order.reason == "'market' is not one of auction, limit")
    }

    @Test("null switches a rule off; a required number cannot be null")
    func nullDisables() throws {
        let config = try effective(#""stop_loss_pct": null, "max_positions": null, "top_n": null"#)
        #expect(config.stopLossPct == nil)
        #expect(config.maxPositions == nil)
        #expect(config.topN == nil)
        #expect(config.takeProfitPct == 0.15)  // untouched rules keep their defaults
        let settings = config.simulationSettings()
        #expect(settings.positions.stopLossPct == nil)
        #expect(settings.positions.maxPositions == nil)
        let cash = try #require(error(#""initial_cash": null"#))
        #expect(cash.location.field == "initial_cash")
        #expect(cash.reason == "cannot be null")
    }

    @Test("a config without start_date, end_date or strategy names the missing key")
    func missingRequired() throws {
        let start = try #require(error(#""end_date": "20240329", "strategy": {"type": "buy_and_hold"}"#, required: false))
        #expect(start.location.field == "start_date")
        #expect(start.reason == "required key is missing")
        let end = try #require(error(#""start_date": "20240102", "strategy": {"type": "buy_and_hold"}"#, required: false))
        #expect(end.location.field == "end_date")
        let strategy = try #require(error(#""start_date": "20240102", "end_date": "20240329""#, required: false))
        #expect(strategy.location.field == "strategy")
        #expect(strategy.reason.hasPrefix("required key is missing"))
        let path = try #require(error(#""start_date": "20240102", "end_date": "20240329", "strategy": {"type": "signals"}"#, required: false))
        #expect(path.location.field == "strategy.path")
    }

    @Test("out-of-range values name the key", arguments: [
        (#""max_position_pct": 1.5"#, "max_position_pct"), (#""top_n": 0"#, "top_n"),
        (#""slippage_value": 0.2"#, "slippage_value"), (#""min_fill_probability": 1.2"#, "min_fill_probability"),
        (#""initial_cash": -5"#, "initial_cash"), (#""queue_participation_rate": 0"#, "queue_participation_rate"),
        (#""stop_loss_pct": 1"#, "stop_loss_pct"), (#""max_positions": 0"#, "max_positions"),
        (#""fee_config": {"commission_rate": 0.05}"#, "fee_config.commission_rate"),
        (#""fee_config": {"min_commission": -1}"#, "fee_config.min_commission"),
        (#""risk_cooldown_days": 5"#, "risk_cooldown_days"), (#""start_date": "20240102", "end_date": "20231229", "strategy": {"type": "buy_and_hold"}"#, "end_date"),
        (#""universe": []"#, "universe"), (#""liquidity_tier_source": "vendor""#, "liquidity_tier_source"),
    ])
    func outOfRange(fields: String, key: String) throws {
        let e = try #require(error(fields, required: !fields.contains("start_date")))
        #expect(e.location.field == key, "\(e)")
    }

    @Test("the A-share defaults are seed 002's")
    func ashareDefaults() throws {
        let config = try effective("")
        #expect(config.market == .ashare)
        #expect(config.initialCash == .yuan("1000000.00"))
        #expect(config.riskFreeRate == 0.015)
        #expect(config.minRecommendation == .buy)
        #expect(config.minFinalScore == 55)
        #expect(config.topN == 20)
        #expect(config.orderType == .auction)
        #expect(config.slippageType == .auction)
        #expect(config.slippageValue == 0.001)
        #expect(config.minFillProbability == 0.35)
        #expect(config.queueParticipationRate == 0.15)
        #expect(config.impactCostBpsCap == 35)
        #expect(config.maxPositions == 10)
        #expect(config.maxPositionPct == 0.20)
        #expect(config.maxHoldingDays == 10)
        #expect(config.stopLossPct == 0.08)
        #expect(config.takeProfitPct == 0.15)
        #expect(config.feeConfig == nil)
        #expect(config.benchmark == EffectiveConfig.defaultBenchmark)
        #expect(config.maxDrawdownPct == nil && config.dailyMaxLossPct == nil)
    }

    @Test("the generic profile switches the A-share rules off: no fees, limits, lots, T+1 rules or position rules")
    func genericDefaults() throws {
        let config = try effective(#""market": "generic""#)
        #expect(config.slippageType == SlippageType.none)
        #expect(config.minFillProbability == 0)
        #expect(config.queueParticipationRate == nil)
        #expect(config.maxPositions == nil && config.maxPositionPct == nil && config.maxHoldingDays == nil)
        #expect(config.stopLossPct == nil && config.takeProfitPct == nil)
        #expect(config.benchmark == nil)
        let models = config.simulationSettings().models
        let fees = models.fees.fees(for: FeeContext(side: .sell, amount: .yuan("100000.00"), shares: 1_000,
                                                    day: TradingDay(yyyymmdd: 20240102)!, board: .main))
        #expect(fees == FeeBreakdown())
        #expect(models.lots.roundBuy(150, board: .main) == 150)
        #expect(models.liquidity is UnlimitedLiquidity)
        #expect(models.priceLimits is NoPriceLimits)
        #expect(models.slippage is NoSlippage)
    }

    @Test("generic with fee_config and queue_participation_rate uses those, and only those")
    func genericConfigured() throws {
        let config = try effective(#""market": "generic", "fee_config": {"commission_rate": 0.001, "min_commission": 0}, "queue_participation_rate": 0.1"#)
        let models = config.simulationSettings().models
        let fees = models.fees.fees(for: FeeContext(side: .sell, amount: .yuan("10000.00"), shares: 100,
                                                    day: TradingDay(yyyymmdd: 20240102)!, board: .other))
        // fee_config's own defaults fill the keys left out: stamp duty 0.1%, transfer fee 0.002%.
        #expect(fees == FeeBreakdown(commission: .yuan("10.00"), stampTax: .yuan("10.00"), transferFee: .yuan("0.20")))
        #expect((models.liquidity as? AShareLiquidityModel)?.participationRate == 0.1)
        #expect(models.lots.roundBuy(150, board: .main) == 150)
    }

    @Test("the effective config encodes every key, null for the rules that are off")
    func effectiveEncoding() throws {
        let config = try effective(#""stop_loss_pct": null"#)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(config)) as! [String: Any]
        #expect(object.count == BacktestConfig.CodingKeys.allCases.count)  // the same key set
        #expect(object["stop_loss_pct"] is NSNull)
        #expect(object["take_profit_pct"] as? Double == 0.15)
    }
}
