import HuiceCore

/// Which strategy a backtest runs, with its parameters (`"strategy": {"type": …, …}`).
public enum StrategySpec: Sendable, Equatable {
    /// Seed 002's signal strategy: `{"type": "signals", "path": "signals.csv"}` (path relative to
    /// the config file; CSV or JSON).
    case signals(path: String)
    /// `{"type": "sma_crossover", "fast": 10, "slow": 30, "sizing": "all_cash" | "equal_weight"}`.
    case movingAverageCrossover(fast: Int, slow: Int, equalWeight: Bool)
    /// `{"type": "buy_and_hold"}`: equal weights of the universe at the first open.
    case buyAndHold
    /// `{"type": "momentum_rotation", "lookback": 60, "every": 20, "holdings": 20}`.
    case momentumRotation(lookback: Int, every: Int, holdings: Int)
    /// Seed 000's factor-combination strategy: `{"type": "factor_score", "factor_weights": {…}, …}`
    /// (see `FactorStrategySpec`).
    case factorScore(FactorStrategySpec)

    public var typeName: String {
        switch self {
        case .signals: "signals"
        case .movingAverageCrossover: "sma_crossover"
        case .buyAndHold: "buy_and_hold"
        case .momentumRotation: "momentum_rotation"
        case .factorScore: "factor_score"
        }
    }
}

extension StrategySpec: Codable {
    enum Kind: String, CaseIterable {
        case signals
        case smaCrossover = "sma_crossover"
        case buyAndHold = "buy_and_hold"
        case momentumRotation = "momentum_rotation"
        case factorScore = "factor_score"
    }

    enum CodingKeys: String, CodingKey {
        case type, path, fast, slow, sizing, lookback, every, holdings
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try c.decodeEnum(Kind.self, forKey: .type)
        if kind == .factorScore {
            self = .factorScore(try FactorStrategySpec(decoding: decoder))
            return
        }
        let allowed: [String]
        switch kind {
        case .signals: allowed = ["type", "path"]
        case .smaCrossover: allowed = ["type", "fast", "slow", "sizing"]
        case .buyAndHold: allowed = ["type"]
        case .momentumRotation: allowed = ["type", "lookback", "every", "holdings"]
        case .factorScore: allowed = []
        }
        try AnyKey.rejectUnknown(in: decoder.container(keyedBy: AnyKey.self), known: allowed, path: "strategy.")
        func positive(_ key: CodingKeys, default value: Int) throws -> Int {
            let n = try c.decodeIfPresent(Int.self, forKey: key) ?? value
            guard n >= 1 else { throw ConfigError(field: "strategy.\(key.rawValue)", reason: "must be at least 1, got \(n)") }
            return n
        }
        switch kind {
        case .signals:
            guard c.contains(.path) else { throw ConfigError(field: "strategy.path", reason: "required key is missing") }
            self = .signals(path: try c.decode(String.self, forKey: .path))
        case .smaCrossover:
            let fast = try positive(.fast, default: 10), slow = try positive(.slow, default: 30)
            guard slow > fast else {
                throw ConfigError(field: "strategy.slow", reason: "must be greater than fast (\(fast)), got \(slow)")
            }
            let sizing = try c.decodeIfPresent(String.self, forKey: .sizing) ?? "all_cash"
            guard sizing == "all_cash" || sizing == "equal_weight" else {
                throw ConfigError(field: "strategy.sizing", reason: "'\(sizing)' is not one of all_cash, equal_weight")
            }
            self = .movingAverageCrossover(fast: fast, slow: slow, equalWeight: sizing == "equal_weight")
        case .buyAndHold:
            self = .buyAndHold
        case .momentumRotation:
            self = .momentumRotation(lookback: try positive(.lookback, default: 60), every: try positive(.every, default: 20),
                                     holdings: try positive(.holdings, default: 20))
        case .factorScore:
            preconditionFailure("decoded above")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if case .factorScore(let spec) = self {
            try spec.encode(into: encoder)
            return
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(typeName, forKey: .type)
        switch self {
        case .signals(let path):
            try c.encode(path, forKey: .path)
        case .movingAverageCrossover(let fast, let slow, let equalWeight):
            try c.encode(fast, forKey: .fast)
            try c.encode(slow, forKey: .slow)
            try c.encode(equalWeight ? "equal_weight" : "all_cash", forKey: .sizing)
        case .buyAndHold:
            break
        case .momentumRotation(let lookback, let every, let holdings):
            try c.encode(lookback, forKey: .lookback)
            try c.encode(every, forKey: .every)
            try c.encode(holdings, forKey: .holdings)
        case .factorScore:
            break
        }
    }
}
