import Foundation
import HuiceCore

/// `huice optimize --config search.json`: a base backtest config, the grid to search, the metric
/// to rank by and an optional walk-forward schedule.
///
/// ```json
/// {"base_config": "factor.json",                     // or "base": { …a backtest config… }
///  "parameters": {"buy_threshold": [0.2, 0.4], "factor_params.rsi.period": [6, 14], "stop_loss_pct": [0.05, null]},
///  "weights": {"factors": ["rsi", "macd", "ma"], "step": 0.1, "minimum": 0},
///  "metric": "sharpe_ratio",
///  "walk_forward": {"train_days": 500, "test_days": 120, "step_days": 120}}
/// ```
/// A parameter path starting with a top-level config key (`stop_loss_pct`) sets that key; any
/// other path is inside `strategy` (`buy_threshold`, `fast`, `factor_params.rsi.period`).
public struct ParameterSearchConfig: Sendable {
    public struct WalkForward: Sendable, Equatable {
        public var trainDays: Int
        public var testDays: Int
        public var stepDays: Int
    }

    /// The base config as JSON (strategy factors in the factor_weights/factor_params form).
    public var base: JSONValue
    public var grid: ParameterGrid
    public var metric: SearchMetric
    public var walkForward: WalkForward?
    /// Refuse grids larger than this (a typo in a step should not start a week-long search).
    public var maxCombinations: Int

    static let forbiddenPaths: Set<String> = ["start_date", "end_date", "universe", "strategy", "type", "backtest_mode", "factor_data"]

    /// Reads a search config; `baseDirectory` resolves `base_config`. Errors name the key.
    public static func decode(_ data: Data, file: String, baseDirectory: String) throws -> ParameterSearchConfig {
        let document: JSONValue
        do { document = try JSONDecoder().decode(JSONValue.self, from: data) } catch {
            throw ConfigError(file: file, reason: "not valid JSON: \(error)")
        }
        guard case .object(let root) = document else { throw ConfigError(file: file, reason: "the search config must be a JSON object") }
        func fail(_ field: String, _ reason: String) -> ConfigError {
            var error = ConfigError(field: field, reason: reason)
            error.location.file = file
            return error
        }
        let known = ["base", "base_config", "parameters", "weights", "metric", "walk_forward", "max_combinations"]
        for key in root.keys.sorted() where !known.contains(key) {
            throw fail(key, "unknown key (known: \(known.joined(separator: ", ")))")
        }

        var base: JSONValue
        switch (root["base"], root["base_config"]) {
        case (let inline?, nil): base = inline
        case (nil, .string(let path)?):
            let resolved = path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
            guard let text = FileManager.default.contents(atPath: resolved) else { throw fail("base_config", "cannot read \(resolved)") }
            do { base = try JSONDecoder().decode(JSONValue.self, from: text) } catch {
                throw fail("base_config", "\(path) is not valid JSON: \(error)")
            }
        case (nil, nil): throw fail("base", "required: the base backtest config (base) or its file (base_config)")
        default: throw fail("base_config", "give either base or base_config (a path), not both")
        }
        guard case .object = base else { throw fail("base", "must be a JSON object (a backtest config)") }
        base = Self.normalisingFactors(base)

        var axes: [ParameterGrid.Axis] = []
        if let parameters = root["parameters"] {
            guard case .object(let map) = parameters else { throw fail("parameters", "must be an object of path → list of values") }
            for path in map.keys.sorted() {
                guard case .array(let values) = map[path]!, !values.isEmpty else {
                    throw fail("parameters.\(path)", "must be a non-empty list of values")
                }
                let head = String(path.split(separator: ".").first ?? "")
                if forbiddenPaths.contains(head) || path.hasPrefix("factor_weights") {
                    throw fail("parameters.\(path)", "cannot be searched (dates, universe, mode and the strategy type are fixed; weights go in \"weights\")")
                }
                axes.append(.init(path: path, values: values))
            }
        }
        var weights: ParameterGrid.WeightAxis?
        if let w = root["weights"] {
            guard case .object(let map) = w else { throw fail("weights", "must be an object {factors, step, minimum}") }
            for key in map.keys.sorted() where !["factors", "step", "minimum"].contains(key) {
                throw fail("weights.\(key)", "unknown key (known: factors, step, minimum)")
            }
            guard case .array(let list)? = map["factors"], !list.isEmpty else { throw fail("weights.factors", "required: a non-empty list of factor names") }
            let names = try list.map { item -> String in
                guard case .string(let s) = item else { throw fail("weights.factors", "must be factor names (strings)") }
                return s
            }
            guard Set(names).count == names.count else { throw fail("weights.factors", "lists a factor twice") }
            guard case .number(let step)? = map["step"], step > 0, step <= 1 else { throw fail("weights.step", "required: a number in (0, 1]") }
            let units = 1 / step
            guard abs(units - units.rounded()) < 1e-9 else { throw fail("weights.step", "1 / step must be a whole number (0.1, 0.05, 0.25 …), got \(step)") }
            var minimum = 0.0
            if let m = map["minimum"] {
                guard case .number(let value) = m, value >= 0, value * Double(names.count) <= 1 + 1e-9 else {
                    throw fail("weights.minimum", "must be a number ≥ 0 with minimum × factors ≤ 1")
                }
                minimum = value
            }
            weights = .init(factors: names, step: step, minimum: minimum)
        }
        guard !axes.isEmpty || weights != nil else { throw fail("parameters", "nothing to search: give parameters and/or weights") }

        var metric = SearchMetric.sharpeRatio
        if let m = root["metric"] {
            guard case .string(let name) = m, let parsed = SearchMetric(rawValue: name) else {
                throw fail("metric", "must be one of \(SearchMetric.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            metric = parsed
        }
        var walkForward: WalkForward?
        if let wf = root["walk_forward"] {
            guard case .object(let map) = wf else { throw fail("walk_forward", "must be an object {train_days, test_days, step_days}") }
            func days(_ key: String, default value: Int?) throws -> Int {
                guard let v = map[key] else {
                    if let value { return value }
                    throw fail("walk_forward.\(key)", "required")
                }
                guard case .number(let n) = v, n >= 1, n == n.rounded() else { throw fail("walk_forward.\(key)", "must be a whole number ≥ 1") }
                return Int(n)
            }
            for key in map.keys.sorted() where !["train_days", "test_days", "step_days"].contains(key) {
                throw fail("walk_forward.\(key)", "unknown key (known: train_days, test_days, step_days)")
            }
            let test = try days("test_days", default: nil)
            walkForward = WalkForward(trainDays: try days("train_days", default: nil), testDays: test, stepDays: try days("step_days", default: test))
        }
        var maxCombinations = 100_000
        if let m = root["max_combinations"] {
            guard case .number(let n) = m, n >= 1 else { throw fail("max_combinations", "must be a whole number ≥ 1") }
            maxCombinations = Int(n)
        }
        let grid = ParameterGrid(axes: axes, weights: weights)
        guard grid.count <= maxCombinations else {
            throw fail("parameters", "the grid has \(grid.count) combinations, more than max_combinations (\(maxCombinations))")
        }
        return ParameterSearchConfig(base: base, grid: grid, metric: metric, walkForward: walkForward, maxCombinations: maxCombinations)
    }

    /// A factor strategy's `factors` list rewritten as factor_weights + factor_params, the form
    /// parameter paths address.
    static func normalisingFactors(_ base: JSONValue) -> JSONValue {
        guard case .object(var strategy)? = base["strategy"], case .array(let list)? = strategy["factors"] else { return base }
        var weights: [String: JSONValue] = [:], params: [String: JSONValue] = [:]
        for item in list {
            guard case .string(let name)? = item["name"] else { return base }
            weights[name] = item["weight"] ?? .null
            if let p = item["params"] { params[name] = p }
        }
        strategy["factors"] = nil
        strategy["factor_weights"] = .object(weights)
        if !params.isEmpty { strategy["factor_params"] = .object(params) }
        return base.setting(["strategy"], to: .object(strategy))
    }

    /// The base config with `combination` applied.
    func document(for combination: ParameterGrid.Combination) -> JSONValue {
        var document = base
        for (path, value) in combination.values {
            let keys = path.split(separator: ".").map(String.init)
            let topLevel = BacktestConfig.CodingKeys(rawValue: keys[0]) != nil
            document = document.setting((topLevel ? keys : ["strategy"] + keys)[...], to: value)
        }
        if let weights = combination.weights {
            var map: [String: JSONValue] = [:]
            for (factor, weight) in weights { map[factor] = .number(weight) }
            document = document.setting(["strategy", "factor_weights"], to: .object(map))
        }
        return document
    }
}

extension ParameterSearchConfig {
    /// The base config, decoded and checked.
    public func baseConfig() throws -> EffectiveConfig {
        try EffectiveConfig(BacktestConfig.decode(try base.encoded(), file: "base"))
    }

    /// The search with a base `factor_config_id` replaced by the stored configuration's weights and
    /// parameters, so weights and `factor_params.*` paths can be searched around it.
    public func resolvingFactorConfig(storePath: String) async throws -> ParameterSearchConfig {
        let config = try baseConfig()
        guard case .factorScore(let spec) = config.strategy, spec.factorConfigID != nil, spec.factors.isEmpty else { return self }
        let resolved = try await BacktestInputs.resolvingFactorConfig(config, storePath: storePath)
        guard case .factorScore(let filled) = resolved.strategy else { return self }
        var weights: [String: JSONValue] = [:], params: [String: JSONValue] = [:]
        for choice in filled.factors {
            weights[choice.name] = .number(choice.weight)
            if !choice.params.isEmpty { params[choice.name] = .object(choice.params.mapValues { .number($0) }) }
        }
        var copy = self
        copy.base = base.setting(["strategy", "factor_config_id"], to: .null)
        if case .object(var strategy)? = copy.base["strategy"] {
            strategy["factor_config_id"] = nil
            strategy["factor_weights"] = .object(weights)
            if !params.isEmpty { strategy["factor_params"] = .object(params) }
            copy.base = copy.base.setting(["strategy"], to: .object(strategy))
        }
        return copy
    }
}
