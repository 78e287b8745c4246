import HuiceCore

/// A factor config given as command-line flags, as typed (`huice factor-config create --stock
/// 000001.SZ --technical rsi,macd --fundamental pe_ratio --weights rsi=0.4,macd=0.3,pe_ratio=0.3
/// --param rsi.period=10 --description "…"`). Each list flag may be repeated and each value may
/// hold several comma-separated items; `draft()` parses them into a `FactorConfigDraft`.
public struct FactorConfigFlags: Sendable, Equatable {
    public var stock: String?
    public var technical: [String] = []
    public var fundamental: [String] = []
    public var market: [String] = []
    public var sentiment: [String] = []
    /// `name=weight` items.
    public var weights: [String] = []
    /// `factor.parameter=value` items.
    public var params: [String] = []
    public var description: String?
    public var allowNegativeWeights = false

    public init(stock: String? = nil, technical: [String] = [], fundamental: [String] = [], market: [String] = [],
                sentiment: [String] = [], weights: [String] = [], params: [String] = [], description: String? = nil,
                allowNegativeWeights: Bool = false) {
        self.stock = stock
        self.technical = technical
        self.fundamental = fundamental
        self.market = market
        self.sentiment = sentiment
        self.weights = weights
        self.params = params
        self.description = description
        self.allowNegativeWeights = allowNegativeWeights
    }

    /// True when no flag that describes a config was given (so a command can require `--file` or flags).
    public var isEmpty: Bool {
        stock == nil && technical.isEmpty && fundamental.isEmpty && market.isEmpty && sentiment.isEmpty
            && weights.isEmpty && params.isEmpty && description == nil && !allowNegativeWeights
    }

    /// The draft the flags describe. Malformed items (`rsi:0.4`, `period=10` without a factor, a
    /// weight that is not a number, the same key twice) are errors naming the flag and the item;
    /// whether the factors and values are acceptable is the validator's business.
    public func draft() throws(FactorConfigDecodingError) -> FactorConfigDraft {
        var draft = FactorConfigDraft(stockCode: stock, description: description, allowNegativeWeights: allowNegativeWeights)
        draft.technicalFactors = Self.items(technical)
        draft.fundamentalFactors = Self.items(fundamental)
        draft.marketFactors = Self.items(market)
        draft.sentimentFactors = Self.items(sentiment)
        for item in Self.items(weights) {
            let (name, value) = try Self.assignment(item, flag: "--weights", example: "rsi=0.4")
            guard draft.factorWeights[name] == nil else {
                throw FactorConfigDecodingError(field: "--weights", reason: "'\(name)' is given twice")
            }
            draft.factorWeights[name] = value
        }
        for item in Self.items(params) {
            let (key, value) = try Self.assignment(item, flag: "--param", example: "rsi.period=14")
            guard let dot = key.firstIndex(of: "."), dot != key.startIndex, key.index(after: dot) != key.endIndex else {
                throw FactorConfigDecodingError(field: "--param", reason: "expected factor.parameter=value (e.g. rsi.period=14), got '\(item)'")
            }
            let factor = String(key[..<dot]), parameter = String(key[key.index(after: dot)...])
            guard draft.factorParams[factor]?[parameter] == nil else {
                throw FactorConfigDecodingError(field: "--param", reason: "'\(key)' is given twice")
            }
            draft.factorParams[factor, default: [:]][parameter] = value
        }
        return draft
    }

    /// Comma-separated items of every occurrence, trimmed, empty ones dropped.
    static func items(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { String($0.trimmingASCIIWhitespace()) }.filter { !$0.isEmpty }
    }

    /// `name=number` → (name, number).
    private static func assignment(_ item: String, flag: String, example: String) throws(FactorConfigDecodingError)
        -> (String, Double)
    {
        let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw FactorConfigDecodingError(field: flag, reason: "expected name=value (e.g. \(example)), got '\(item)'")
        }
        let name = String(parts[0].trimmingASCIIWhitespace()), text = String(parts[1].trimmingASCIIWhitespace())
        guard !name.isEmpty else {
            throw FactorConfigDecodingError(field: flag, reason: "expected name=value (e.g. \(example)), got '\(item)'")
        }
        guard let value = Double(text), value.isFinite else {
            throw FactorConfigDecodingError(field: flag, reason: "'\(name)': expected a number, got '\(text)'")
        }
        return (name, value)
    }
}
