import Factors
import HuiceCore

/// The factor strategy's settings (`"strategy": {"type": "factor_score", …}`): which factors with
/// which weights (inline, or a stored factor configuration by id), thresholds, normalisation,
/// sizing and whether the pool is traded stock by stock or as one ranked portfolio.
public struct FactorStrategySpec: Sendable, Equatable {
    /// One factor of the combination as written (seed 000 getTaskResults form).
    public struct Choice: Sendable, Equatable, Codable {
        public var name: String
        public var weight: Double
        public var params: [String: Double]

        public init(name: String, weight: Double, params: [String: Double] = [:]) {
            self.name = name
            self.weight = weight
            self.params = params
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case name, weight, params }

        public init(from decoder: any Decoder) throws {
            try AnyKey.rejectUnknown(in: decoder.container(keyedBy: AnyKey.self), known: CodingKeys.allCases.map(\.rawValue),
                                     path: "strategy.factors[].")
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            weight = try c.decode(Double.self, forKey: .weight)
            params = try c.decodeIfPresent([String: Double].self, forKey: .params) ?? [:]
        }
    }

    public enum Selection: String, Sendable, Equatable, Codable, CaseIterable {
        /// One independent backtest per stock of the universe (seed 000's task model).
        case perStock = "per_stock"
        /// One portfolio over the universe, the top_n scores held at equal weight.
        case portfolio
    }

    public enum Sizing: String, Sendable, Equatable, Codable, CaseIterable {
        case percentOfEquity = "percent_of_equity"
        case shares
    }

    /// Inline factors; empty when `factorConfigID` names a stored configuration instead.
    public var factors: [Choice]
    public var factorConfigID: String?
    /// Each stock runs with its own stored configuration (seed 000: one config per stock), found
    /// by stock code in the factor-config store. Needs per_stock selection.
    public var useStockConfigs = false
    public var buyThreshold: Double = 0.6
    public var sellThreshold: Double = -0.6
    public var normalization: FactorNormalization = .standard
    public var sizing: Sizing = .percentOfEquity
    /// Fraction of equity per buy (percent_of_equity sizing).
    public var positionPct: Double = 1
    /// Shares per buy (shares sizing; the seed's fixed 100).
    public var shares: Int = 100
    public var selection: Selection = .perStock
    public var topN: Int = 5
    public var indicatorStyle: IndicatorStyle = .talib

    public init(factors: [Choice], factorConfigID: String? = nil) {
        self.factors = factors
        self.factorConfigID = factorConfigID
    }

    /// The combination resolved through the registry and checked by the factor-config rules
    /// (`FactorConfigValidator.validateWeights`: known names, no negative weight, weights summing to
    /// 1 ± 1e-6), plus each factor's parameter ranges. Throws the first problem, naming the field.
    public func weightedFactors() throws(ConfigError) -> [WeightedFactor] {
        guard !factors.isEmpty else {
            throw ConfigError(field: "strategy.factors", reason: factorConfigID != nil
                ? "factor_config_id \(factorConfigID!) has not been resolved (it needs the factor-config store)"
                : useStockConfigs ? "use_stock_configs has not been resolved (it needs the factor-config store)"
                : "no factors: give factor_weights (or factors) or a factor_config_id")
        }
        var weights: [String: Double] = [:]
        for (i, choice) in factors.enumerated() {
            guard weights.updateValue(choice.weight, forKey: choice.name) == nil else {
                throw ConfigError(field: "strategy.factors[\(i)].name", reason: "\(choice.name) is listed twice")
            }
        }
        if let issue = FactorConfigValidator().validateWeights(weights).errors.first {
            throw ConfigError(field: "strategy.\(issue.field)", reason: issue.message)
        }
        var seen = Set<String>()
        var result: [WeightedFactor] = []
        for (i, choice) in factors.enumerated() {
            guard let definition = FactorRegistry.definition(named: choice.name) else {
                throw ConfigError(field: "strategy.factors[\(i)].name", reason: "unknown factor '\(choice.name)'")
            }
            guard seen.insert(definition.name).inserted else {
                throw ConfigError(field: "strategy.factors[\(i)].name", reason: "\(definition.name) is listed twice")
            }
            if let problem = definition.problems(with: choice.params).first {
                throw ConfigError(field: "strategy.factor_params.\(choice.name)", reason: problem)
            }
            result.append(WeightedFactor(definition, parameters: choice.params, weight: choice.weight))
        }
        return result
    }
}

extension FactorStrategySpec {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, factors, factorWeights = "factor_weights", factorParams = "factor_params"
        case factorConfigID = "factor_config_id", buyThreshold = "buy_threshold", sellThreshold = "sell_threshold"
        case normalization, normalizationWindow = "normalization_window", normalizationMinPeriods = "normalization_min_periods"
        case sizing, positionPct = "position_pct", shares, selection, topN = "top_n", indicatorStyle = "indicator_style"
        case useStockConfigs = "use_stock_configs"
    }

    init(decoding decoder: any Decoder) throws {
        try AnyKey.rejectUnknown(in: decoder.container(keyedBy: AnyKey.self), known: CodingKeys.allCases.map(\.rawValue),
                                 path: "strategy.")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var choices: [Choice] = []
        if c.contains(.factors) {
            guard !c.contains(.factorWeights) else {
                throw ConfigError(field: "strategy.factor_weights", reason: "give either factors or factor_weights, not both")
            }
            choices = try c.decode([Choice].self, forKey: .factors)
        } else if c.contains(.factorWeights) {
            let weights = try c.decode([String: Double].self, forKey: .factorWeights)
            let params = try c.decodeIfPresent([String: [String: Double]].self, forKey: .factorParams) ?? [:]
            for name in params.keys where weights[name] == nil {
                throw ConfigError(field: "strategy.factor_params.\(name)", reason: "\(name) has parameters but no weight")
            }
            // Sorted by name: a dictionary's order must not leak into the run.
            choices = weights.keys.sorted().map { Choice(name: $0, weight: weights[$0]!, params: params[$0] ?? [:]) }
        }
        self.init(factors: choices, factorConfigID: try c.decodeIfPresent(String.self, forKey: .factorConfigID))
        useStockConfigs = try c.decodeIfPresent(Bool.self, forKey: .useStockConfigs) ?? false
        let sources = [!choices.isEmpty, factorConfigID != nil, useStockConfigs].filter { $0 }.count
        if sources > 1 {
            throw ConfigError(field: "strategy.factor_config_id", reason: "give one of inline factors, a factor_config_id or use_stock_configs, not several")
        }
        if sources == 0 {
            throw ConfigError(field: "strategy.factor_weights", reason: "required: factor_weights (or factors), a factor_config_id or use_stock_configs: true")
        }
        buyThreshold = try c.decodeIfPresent(Double.self, forKey: .buyThreshold) ?? 0.6
        sellThreshold = try c.decodeIfPresent(Double.self, forKey: .sellThreshold) ?? -0.6
        guard buyThreshold.isFinite, sellThreshold.isFinite, sellThreshold <= buyThreshold else {
            throw ConfigError(field: "strategy.sell_threshold", reason: "must be finite and not above buy_threshold (\(buyThreshold)), got \(sellThreshold)")
        }
        let method = c.contains(.normalization) ? try c.decodeEnum(FactorNormalization.Method.self, forKey: .normalization) : .zScore
        let window = try c.decodeIfPresent(Int.self, forKey: .normalizationWindow) ?? 252
        guard window >= 2 && window <= 5000 else {
            throw ConfigError(field: "strategy.normalization_window", reason: "must be between 2 and 5000, got \(window)")
        }
        let minimum = try c.decodeIfPresent(Int.self, forKey: .normalizationMinPeriods) ?? min(20, window)
        guard minimum >= 1 && minimum <= window else {
            throw ConfigError(field: "strategy.normalization_min_periods", reason: "must be between 1 and the window (\(window)), got \(minimum)")
        }
        normalization = FactorNormalization(method: method, window: window, minimumCount: minimum)
        sizing = c.contains(.sizing) ? try c.decodeEnum(Sizing.self, forKey: .sizing) : .percentOfEquity
        positionPct = try c.decodeIfPresent(Double.self, forKey: .positionPct) ?? 1
        guard positionPct > 0 && positionPct <= 1 else {
            throw ConfigError(field: "strategy.position_pct", reason: "must be in (0, 1], got \(positionPct)")
        }
        shares = try c.decodeIfPresent(Int.self, forKey: .shares) ?? 100
        guard shares >= 1 else { throw ConfigError(field: "strategy.shares", reason: "must be at least 1, got \(shares)") }
        selection = c.contains(.selection) ? try c.decodeEnum(Selection.self, forKey: .selection) : .perStock
        topN = try c.decodeIfPresent(Int.self, forKey: .topN) ?? 5
        guard topN >= 1 else { throw ConfigError(field: "strategy.top_n", reason: "must be at least 1, got \(topN)") }
        indicatorStyle = c.contains(.indicatorStyle) ? try c.decodeEnum(IndicatorStyle.self, forKey: .indicatorStyle) : .talib
        if useStockConfigs && selection != .perStock {
            throw ConfigError(field: "strategy.use_stock_configs", reason: "each stock's own config needs selection per_stock")
        }
        if !choices.isEmpty { _ = try weightedFactors() }
    }

    func encode(into encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode("factor_score", forKey: .type)
        if !factors.isEmpty { try c.encode(factors, forKey: .factors) }
        try c.encodeIfPresent(factorConfigID, forKey: .factorConfigID)
        if useStockConfigs { try c.encode(true, forKey: .useStockConfigs) }
        try c.encode(buyThreshold, forKey: .buyThreshold)
        try c.encode(sellThreshold, forKey: .sellThreshold)
        try c.encode(normalization.method.rawValue, forKey: .normalization)
        try c.encode(normalization.window, forKey: .normalizationWindow)
        try c.encode(normalization.minimumCount, forKey: .normalizationMinPeriods)
        try c.encode(sizing.rawValue, forKey: .sizing)
        try c.encode(positionPct, forKey: .positionPct)
        try c.encode(shares, forKey: .shares)
        try c.encode(selection.rawValue, forKey: .selection)
        try c.encode(topN, forKey: .topN)
        try c.encode(indicatorStyle.rawValue, forKey: .indicatorStyle)
    }
}
