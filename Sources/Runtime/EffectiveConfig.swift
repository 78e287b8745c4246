import HuiceCore
import Factors
import Simulation

/// A config with every default applied and every value checked: what a run actually used,
/// written back into the result (`config`) so a result says exactly how it was made.
///
/// Defaults follow seed 002 for the A-share profile. The generic profile switches the A-share
/// rules off unless a key sets them: no fees (unless `fee_config`), no slippage, full fills (unless
/// `queue_participation_rate`), no position rules, no benchmark.
public struct EffectiveConfig: Sendable, Equatable, Codable {
    public var backtestID: String
    public var backtestName: String
    public var engineType: String
    public var integrationMode: String
    public var modeSwitchPolicy: String
    public var market: MarketProfile
    public var startDate: TradingDay
    public var endDate: TradingDay
    public var initialCash: Money
    public var riskFreeRate: Double
    public var minRecommendation: Recommendation
    public var minFinalScore: Double
    public var topN: Int?
    public var minPasBreadthRatio: Double?
    public var orderType: OrderType
    public var slippageType: SlippageType
    public var slippageValue: Double
    public var minFillProbability: Double
    public var queueParticipationRate: Double?
    public var impactCostBpsCap: Double
    public var liquidityTierSource: String
    /// nil: the dated official schedule (A-shares) or no fees (generic).
    public var feeConfig: FeeConfig?
    public var seed: UInt64?
    public var maxPositions: Int?
    public var maxPositionPct: Double?
    public var maxHoldingDays: Int?
    public var stopLossPct: Double?
    public var takeProfitPct: Double?
    public var maxDrawdownPct: Double?
    public var dailyMaxLossPct: Double?
    public var riskCooldownDays: Int?
    /// nil: every stock in the data (indices excluded), or the signal file's stocks.
    public var universe: [StockCode]?
    public var benchmark: StockCode?
    public var strategy: StrategySpec
    public var backtestMode: BacktestMode
    /// Factor files to load (relative to the config file); empty: none beyond the data store's.
    public var factorData: [String]

    /// The SSE Composite, the default benchmark of A-share runs when the data has it.
    public static let defaultBenchmark = StockCode(symbol: "000001", exchange: .shanghai)

    /// Applies the defaults to `config` and checks every value; the first problem throws.
    public init(_ config: BacktestConfig) throws(ConfigError) {
        let market = config.market.resolved(default: .ashare) ?? .ashare
        let ashare = market == .ashare
        self.market = market
        startDate = config.startDate
        endDate = config.endDate
        guard endDate >= startDate else {
            throw ConfigError(field: "end_date", reason: "\(endDate) is before start_date \(startDate)")
        }
        backtestID = config.backtestID.resolved(default: nil) ?? "bt_\(startDate)_\(endDate)"
        backtestName = config.backtestName.resolved(default: nil) ?? "\(config.strategy.typeName) \(startDate)–\(endDate)"
        engineType = config.engineType.resolved(default: "huice") ?? "huice"
        integrationMode = config.integrationMode.resolved(default: "top_down") ?? "top_down"
        modeSwitchPolicy = config.modeSwitchPolicy.resolved(default: "config_fixed") ?? "config_fixed"

        let cash = try Self.number(config.initialCash, "initial_cash", default: 1_000_000, required: true) { $0 > 0 && $0 < 1e13 }!
        initialCash = Money(roundingYuan: cash)
        riskFreeRate = try Self.number(config.riskFreeRate, "risk_free_rate", default: 0.015, required: true) { $0 > -1 && $0 < 1 }!
        minRecommendation = config.minRecommendation.resolved(default: .buy) ?? .buy
        minFinalScore = try Self.number(config.minFinalScore, "min_final_score", default: 55, required: true) { _ in true }!
        topN = try Self.integer(config.topN, "top_n", default: 20, minimum: 1)
        minPasBreadthRatio = try Self.number(config.minPasBreadthRatio, "min_pas_breadth_ratio", default: 0.03) { (0...1).contains($0) }

        orderType = config.orderType.resolved(default: .auction) ?? .auction
        slippageType = config.slippageType.resolved(default: ashare ? .auction : SlippageType.none) ?? SlippageType.none
        slippageValue = try Self.number(config.slippageValue, "slippage_value", default: 0.001, required: true) { $0 >= 0 && $0 < 0.1 }!
        minFillProbability = try Self.number(config.minFillProbability, "min_fill_probability",
                                             default: ashare ? 0.35 : 0, required: true) { (0...1).contains($0) }!
        queueParticipationRate = try Self.number(config.queueParticipationRate, "queue_participation_rate",
                                                 default: ashare ? 0.15 : nil) { $0 > 0 && $0 <= 1 }
        impactCostBpsCap = try Self.number(config.impactCostBpsCap, "impact_cost_bps_cap", default: 35, required: true) { $0 >= 0 }!
        liquidityTierSource = config.liquidityTierSource.resolved(default: "raw_daily") ?? "raw_daily"
        guard liquidityTierSource == "raw_daily" else {
            throw ConfigError(field: "liquidity_tier_source", reason: "'\(liquidityTierSource)' is not supported (raw_daily: tiers from each day's bar)")
        }
        feeConfig = config.feeConfig.resolved(default: nil)
        if let fees = feeConfig {
            for (name, value) in [("commission_rate", fees.commissionRate), ("stamp_duty_rate", fees.stampDutyRate),
                                  ("transfer_fee_rate", fees.transferFeeRate)] where !(value >= 0 && value < 0.01) {
                throw ConfigError(field: "fee_config.\(name)", reason: "\(value) is outside 0 ≤ rate < 0.01")
            }
            guard fees.minCommission >= 0 && fees.minCommission < 1000 else {
                throw ConfigError(field: "fee_config.min_commission", reason: "\(fees.minCommission) is outside 0…1000")
            }
        }
        seed = config.seed.resolved(default: nil)

        maxPositions = try Self.integer(config.maxPositions, "max_positions", default: ashare ? 10 : nil, minimum: 1)
        maxPositionPct = try Self.number(config.maxPositionPct, "max_position_pct", default: ashare ? 0.2 : nil) { $0 > 0 && $0 <= 1 }
        maxHoldingDays = try Self.integer(config.maxHoldingDays, "max_holding_days", default: ashare ? 10 : nil, minimum: 1)
        stopLossPct = try Self.number(config.stopLossPct, "stop_loss_pct", default: ashare ? 0.08 : nil) { $0 > 0 && $0 < 1 }
        takeProfitPct = try Self.number(config.takeProfitPct, "take_profit_pct", default: ashare ? 0.15 : nil) { $0 > 0 && $0 < 100 }
        maxDrawdownPct = try Self.number(config.maxDrawdownPct, "max_drawdown_pct", default: nil) { $0 > 0 && $0 <= 1 }
        dailyMaxLossPct = try Self.number(config.dailyMaxLossPct, "daily_max_loss_pct", default: nil) { $0 > 0 && $0 <= 1 }
        riskCooldownDays = try Self.integer(config.riskCooldownDays, "risk_cooldown_days", default: nil, minimum: 1)
        if riskCooldownDays != nil && maxDrawdownPct == nil && dailyMaxLossPct == nil {
            throw ConfigError(field: "risk_cooldown_days", reason: "needs max_drawdown_pct or daily_max_loss_pct")
        }

        universe = config.universe.resolved(default: nil)
        if let universe, universe.isEmpty { throw ConfigError(field: "universe", reason: "an empty universe has nothing to trade") }
        benchmark = config.benchmark.resolved(default: ashare ? Self.defaultBenchmark : nil)
        strategy = config.strategy
        backtestMode = config.backtestMode.resolved(default: .historicalSimulation) ?? .historicalSimulation
        factorData = config.factorData.resolved(default: nil) ?? []
    }

    private static func number(
        _ value: ConfigValue<Double>, _ key: String, default defaultValue: Double?, required: Bool = false,
        _ valid: (Double) -> Bool
    ) throws(ConfigError) -> Double? {
        if required, case .off = value { throw ConfigError(field: key, reason: "cannot be null") }
        guard let resolved = value.resolved(default: defaultValue) else { return nil }
        guard resolved.isFinite, valid(resolved) else { throw ConfigError(field: key, reason: "\(resolved) is out of range") }
        return resolved
    }

    private static func integer(_ value: ConfigValue<Int>, _ key: String, default defaultValue: Int?, minimum: Int) throws(ConfigError) -> Int? {
        guard let resolved = value.resolved(default: defaultValue) else { return nil }
        guard resolved >= minimum else { throw ConfigError(field: key, reason: "must be at least \(minimum), got \(resolved)") }
        return resolved
    }

    typealias CodingKeys = BacktestConfig.CodingKeys

    /// Every key is written, `null` for rules that are off.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(backtestID, forKey: .backtestID)
        try c.encode(backtestName, forKey: .backtestName)
        try c.encode(engineType, forKey: .engineType)
        try c.encode(integrationMode, forKey: .integrationMode)
        try c.encode(modeSwitchPolicy, forKey: .modeSwitchPolicy)
        try c.encode(market, forKey: .market)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(endDate, forKey: .endDate)
        try c.encode(initialCash, forKey: .initialCash)
        try c.encode(riskFreeRate, forKey: .riskFreeRate)
        try c.encode(minRecommendation, forKey: .minRecommendation)
        try c.encode(minFinalScore, forKey: .minFinalScore)
        try c.encode(topN, forKey: .topN)
        try c.encode(minPasBreadthRatio, forKey: .minPasBreadthRatio)
        try c.encode(orderType, forKey: .orderType)
        try c.encode(slippageType, forKey: .slippageType)
        try c.encode(slippageValue, forKey: .slippageValue)
        try c.encode(minFillProbability, forKey: .minFillProbability)
        try c.encode(queueParticipationRate, forKey: .queueParticipationRate)
        try c.encode(impactCostBpsCap, forKey: .impactCostBpsCap)
        try c.encode(liquidityTierSource, forKey: .liquidityTierSource)
        try c.encode(feeConfig, forKey: .feeConfig)
        try c.encode(seed, forKey: .seed)
        try c.encode(maxPositions, forKey: .maxPositions)
        try c.encode(maxPositionPct, forKey: .maxPositionPct)
        try c.encode(maxHoldingDays, forKey: .maxHoldingDays)
        try c.encode(stopLossPct, forKey: .stopLossPct)
        try c.encode(takeProfitPct, forKey: .takeProfitPct)
        try c.encode(maxDrawdownPct, forKey: .maxDrawdownPct)
        try c.encode(dailyMaxLossPct, forKey: .dailyMaxLossPct)
        try c.encode(riskCooldownDays, forKey: .riskCooldownDays)
        try c.encode(universe, forKey: .universe)
        try c.encode(benchmark, forKey: .benchmark)
        try c.encode(strategy, forKey: .strategy)
        try c.encode(backtestMode, forKey: .backtestMode)
        try c.encode(factorData, forKey: .factorData)
    }

    /// The engine settings this config asks for.
    public func simulationSettings() -> SimulationSettings {
        var models: MarketModels = market == .ashare ? .ashare(participationRate: queueParticipationRate ?? 1) : .generic()
        if let rate = queueParticipationRate {
            models.liquidity = AShareLiquidityModel(participationRate: rate)
        } else {
            models.liquidity = UnlimitedLiquidity()
        }
        if let fees = feeConfig {
            models.fees = ConstantFeeModel(
                commission: CommissionRule(rate: Rate(fees.commissionRate), minimum: Money(roundingYuan: fees.minCommission)),
                stampDutyRate: Rate(fees.stampDutyRate), transferFeeRate: Rate(fees.transferFeeRate))
        }
        switch slippageType {
        case .auction, .none: models.slippage = NoSlippage()
        case .fixed: models.slippage = FixedFractionSlippage(fraction: slippageValue)
        case .variable: models.slippage = VolumeImpactSlippage(baseFraction: slippageValue, capBps: impactCostBpsCap)
        }
        return SimulationSettings(
            initialCash: initialCash, models: models,
            fillPolicy: FillPolicy(minFillProbability: minFillProbability, randomSeed: seed),
            positions: PositionRules(maxPositions: maxPositions, maxPositionPct: maxPositionPct, maxHoldingDays: maxHoldingDays,
                                     stopLossPct: stopLossPct, takeProfitPct: takeProfitPct),
            risk: RiskLimits(maxDrawdownPct: maxDrawdownPct, dailyMaxLossPct: dailyMaxLossPct, cooldownDays: riskCooldownDays))
    }
}
