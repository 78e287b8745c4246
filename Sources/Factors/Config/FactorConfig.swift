import Foundation
import HuiceCore

/// A stored factor-combination configuration (seed 000 §2.2.4 `FactorConfig`, plus
/// `market_factors` and per-factor parameter overrides): one per stock.
///
/// JSON (the canonical output, seed 000 §2.2.7's list / get-by-stock shape plus `market_factors`,
/// `factor_params` and `factor_count`):
/// ```json
/// {"config_id": "config_20240107_001", "stock_code": "000001.SZ", "description": "…",
///  "technical_factors": ["rsi", "macd"], "fundamental_factors": ["pe_ratio"], "market_factors": [],
///  "sentiment_factors": [], "factor_weights": {"rsi": 0.4, "macd": 0.3, "pe_ratio": 0.3},
///  "factor_params": {"rsi": {"period": 10}}, "factor_count": 3,
///  "created_at": "2024-01-07T10:00:00Z", "updated_at": "2024-01-07T10:00:00Z"}
/// ```
public struct FactorConfig: Sendable, Equatable {
    /// `config_YYYYMMDD_NNN`: the UTC creation day and that day's sequence number.
    public var configID: String
    public var stockCode: StockCode
    public var technicalFactors: [String]
    public var fundamentalFactors: [String]
    public var marketFactors: [String]
    public var sentimentFactors: [String]
    public var factorWeights: [String: Double]
    public var factorParams: [String: [String: Double]]
    public var description: String?
    /// Whole seconds, UTC.
    public var createdAt: Date
    public var updatedAt: Date

    public init(configID: String, stockCode: StockCode, technicalFactors: [String] = [], fundamentalFactors: [String] = [],
                marketFactors: [String] = [], sentimentFactors: [String] = [], factorWeights: [String: Double],
                factorParams: [String: [String: Double]] = [:], description: String? = nil, createdAt: Date,
                updatedAt: Date) {
        self.configID = configID
        self.stockCode = stockCode
        self.technicalFactors = technicalFactors
        self.fundamentalFactors = fundamentalFactors
        self.marketFactors = marketFactors
        self.sentimentFactors = sentimentFactors
        self.factorWeights = factorWeights
        self.factorParams = factorParams
        self.description = description
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// A config holding `content`.
    public init(configID: String, content: ValidatedFactorConfig, createdAt: Date, updatedAt: Date) {
        self.init(configID: configID, stockCode: content.stockCode, technicalFactors: content.technicalFactors,
                  fundamentalFactors: content.fundamentalFactors, marketFactors: content.marketFactors,
                  sentimentFactors: content.sentimentFactors, factorWeights: content.factorWeights,
                  factorParams: content.factorParams, description: content.description, createdAt: createdAt,
                  updatedAt: updatedAt)
    }

    /// Every listed factor: technical, fundamental, market, sentiment, each in its list's order.
    public var allFactors: [String] { technicalFactors + fundamentalFactors + marketFactors + sentimentFactors }

    /// Seed 000's `factor_count`: how many factors are listed.
    public var factorCount: Int { allFactors.count }

    /// The factor names listed under `category`.
    public func factors(in category: FactorCategory) -> [String] {
        switch category {
        case .technical: technicalFactors
        case .fundamental: fundamentalFactors
        case .market: marketFactors
        case .sentiment: sentimentFactors
        }
    }

    /// The parameters `factor` runs with: the registry's defaults overlaid with this config's
    /// overrides (nil for a name the registry does not know).
    public func parameters(of factor: String) -> [String: Double]? {
        guard let definition = FactorRegistry.definition(named: factor) else { return nil }
        return definition.resolvedParameters(factorParams[definition.name] ?? [:])
    }
}

extension FactorConfig: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case configID = "config_id", stockCode = "stock_code", description
        case technicalFactors = "technical_factors", fundamentalFactors = "fundamental_factors"
        case marketFactors = "market_factors", sentimentFactors = "sentiment_factors"
        case factorWeights = "factor_weights", factorParams = "factor_params", factorCount = "factor_count"
        case createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue), path: "")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        configID = try c.decode(String.self, forKey: .configID)
        stockCode = try c.decode(StockCode.self, forKey: .stockCode)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        technicalFactors = try c.decodeIfPresent([String].self, forKey: .technicalFactors) ?? []
        fundamentalFactors = try c.decodeIfPresent([String].self, forKey: .fundamentalFactors) ?? []
        marketFactors = try c.decodeIfPresent([String].self, forKey: .marketFactors) ?? []
        sentimentFactors = try c.decodeIfPresent([String].self, forKey: .sentimentFactors) ?? []
        factorWeights = try c.decode([String: Double].self, forKey: .factorWeights)
        factorParams = try c.decodeIfPresent([String: [String: Double]].self, forKey: .factorParams) ?? [:]
        createdAt = try FactorConfigTimestamp.decode(c, .createdAt)
        updatedAt = try FactorConfigTimestamp.decode(c, .updatedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(configID, forKey: .configID)
        try c.encode(stockCode, forKey: .stockCode)
        try c.encode(description, forKey: .description)  // null when absent: the shape is fixed
        try c.encode(technicalFactors, forKey: .technicalFactors)
        try c.encode(fundamentalFactors, forKey: .fundamentalFactors)
        try c.encode(marketFactors, forKey: .marketFactors)
        try c.encode(sentimentFactors, forKey: .sentimentFactors)
        try c.encode(factorWeights, forKey: .factorWeights)
        try c.encode(factorParams, forKey: .factorParams)
        try c.encode(factorCount, forKey: .factorCount)
        try c.encode(FactorConfigTimestamp.format(createdAt), forKey: .createdAt)
        try c.encode(FactorConfigTimestamp.format(updatedAt), forKey: .updatedAt)
    }
}

/// The ISO 8601 UTC text of config timestamps: `2024-01-07T10:00:00Z` (whole seconds).
public enum FactorConfigTimestamp {
    public static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    /// Parses `2024-01-07T10:00:00Z` (fractional seconds and offsets are not accepted).
    public static func parse(_ text: String) -> Date? {
        try? Date.ISO8601FormatStyle(timeZone: .gmt).parse(text)
    }

    /// `date` without its fractional second (timestamps are stored and shown in whole seconds).
    public static func truncated(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }

    static func decode<K: CodingKey>(_ c: KeyedDecodingContainer<K>, _ key: K) throws -> Date {
        let text = try c.decode(String.self, forKey: key)
        guard let date = parse(text) else {
            throw FactorConfigDecodingError(field: StrictKeys.path(c.codingPath + [key]),
                                            reason: "expected an ISO 8601 UTC time such as 2024-01-07T10:00:00Z, got '\(text)'")
        }
        return date
    }
}
