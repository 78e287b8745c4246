import Foundation
import HuiceCore

/// A factor-combination configuration as a client writes it (the body of seed 000's
/// `/factor-config/create` and `/update`), before validation: names as given (aliases allowed,
/// not yet checked), the stock code as text.
///
/// Factors can be given two ways, and both may be mixed:
/// - by category: `technical_factors`, `fundamental_factors`, `market_factors`, `sentiment_factors`
///   (lists of names), with `factor_weights` (`{"rsi": 0.4}`) and `factor_params`
///   (`{"rsi": {"period": 14}}`);
/// - as one list `factors`, whose entries are names (`"rsi"`, seed 000's update example) or objects
///   `{"name": "rsi", "weight": 0.35, "params": {"period": 14}}` (seed 000's getTaskResults form);
///   their category comes from the registry.
/// `FactorConfigValidator` turns a draft into a `ValidatedFactorConfig` or says what is wrong.
public struct FactorConfigDraft: Sendable, Equatable {
    /// Only meaningful for update (seed 000's update body carries it); create rejects it.
    public var configID: String?
    public var stockCode: String?
    public var technicalFactors: [String] = []
    public var fundamentalFactors: [String] = []
    public var marketFactors: [String] = []
    public var sentimentFactors: [String] = []
    /// The `factors` list: entries whose category comes from the registry.
    public var factors: [FactorEntry] = []
    /// Weights by factor name as written (aliases allowed).
    public var factorWeights: [String: Double] = [:]
    /// Parameter overrides by factor name as written, e.g. `["rsi": ["period": 14]]`.
    public var factorParams: [String: [String: Double]] = [:]
    public var description: String?
    /// Accept negative weights (long-short combinations) in this request. Not stored.
    public var allowNegativeWeights = false

    public init(configID: String? = nil, stockCode: String? = nil, technicalFactors: [String] = [],
                fundamentalFactors: [String] = [], marketFactors: [String] = [], sentimentFactors: [String] = [],
                factors: [FactorEntry] = [], factorWeights: [String: Double] = [:],
                factorParams: [String: [String: Double]] = [:], description: String? = nil,
                allowNegativeWeights: Bool = false) {
        self.configID = configID
        self.stockCode = stockCode
        self.technicalFactors = technicalFactors
        self.fundamentalFactors = fundamentalFactors
        self.marketFactors = marketFactors
        self.sentimentFactors = sentimentFactors
        self.factors = factors
        self.factorWeights = factorWeights
        self.factorParams = factorParams
        self.description = description
        self.allowNegativeWeights = allowNegativeWeights
    }

    /// The names listed under `category` (`technical_factors` for `.technical`).
    public func factors(listedUnder category: FactorCategory) -> [String] {
        switch category {
        case .technical: technicalFactors
        case .fundamental: fundamentalFactors
        case .market: marketFactors
        case .sentiment: sentimentFactors
        }
    }

    /// Reads the JSON draft in the file at `path` (errors name the file).
    public static func read(contentsOf path: String) throws(FactorConfigDecodingError) -> FactorConfigDraft {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FactorConfigDecodingError(file: path, reason: "cannot read the file (\(error.localizedDescription))")
        }
        return try decode(data, file: path)
    }

    /// Reads a draft from JSON; `file` names it in errors. Unknown keys are errors (with a
    /// "did you mean" hint), as are wrong types; both name the key path.
    public static func decode(_ data: Data, file: String? = nil) throws(FactorConfigDecodingError) -> FactorConfigDraft {
        do {
            return try JSONDecoder().decode(FactorConfigDraft.self, from: data)
        } catch let error as FactorConfigDecodingError {
            var located = error
            located.location.file = file
            throw located
        } catch let error as DecodingError {
            throw FactorConfigDecodingError(decoding: error, file: file)
        } catch {
            throw FactorConfigDecodingError(file: file, reason: "\(error)")
        }
    }
}

/// One entry of a draft's `factors` list: a name, and optionally its weight and parameter
/// overrides (`{"name": "macd", "weight": 0.42, "params": {"fast": 12, "slow": 26}}`).
public struct FactorEntry: Sendable, Equatable {
    public var name: String
    public var weight: Double?
    public var params: [String: Double]?

    public init(name: String, weight: Double? = nil, params: [String: Double]? = nil) {
        self.name = name
        self.weight = weight
        self.params = params
    }
}

extension FactorConfigDraft: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case configID = "config_id", stockCode = "stock_code", description
        case technicalFactors = "technical_factors", fundamentalFactors = "fundamental_factors"
        case marketFactors = "market_factors", sentimentFactors = "sentiment_factors"
        case factors, factorWeights = "factor_weights", factorParams = "factor_params"
        case allowNegativeWeights = "allow_negative_weights"
        // Output-only keys, accepted and ignored so a fetched config can be edited and sent back.
        case factorCount = "factor_count", createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        try StrictKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue), path: "")
        let c = try decoder.container(keyedBy: CodingKeys.self)
        configID = try c.decodeIfPresent(String.self, forKey: .configID)
        stockCode = try c.decodeIfPresent(String.self, forKey: .stockCode)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        technicalFactors = try c.decodeIfPresent([String].self, forKey: .technicalFactors) ?? []
        fundamentalFactors = try c.decodeIfPresent([String].self, forKey: .fundamentalFactors) ?? []
        marketFactors = try c.decodeIfPresent([String].self, forKey: .marketFactors) ?? []
        sentimentFactors = try c.decodeIfPresent([String].self, forKey: .sentimentFactors) ?? []
        factors = try c.decodeIfPresent([FactorEntry].self, forKey: .factors) ?? []
        factorWeights = try c.decodeIfPresent([String: Double].self, forKey: .factorWeights) ?? [:]
        factorParams = try c.decodeIfPresent([String: [String: Double]].self, forKey: .factorParams) ?? [:]
        allowNegativeWeights = try c.decodeIfPresent(Bool.self, forKey: .allowNegativeWeights) ?? false
    }
}

extension FactorEntry: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, weight, params
    }

    /// A name (`"rsi"`) or an object `{"name", "weight"?, "params"?}`.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
            self.init(name: name)
            return
        }
        guard let c = try? decoder.container(keyedBy: CodingKeys.self) else {
            throw FactorConfigDecodingError(field: StrictKeys.path(decoder.codingPath),
                                            reason: "expected a factor name or an object {\"name\", \"weight\", \"params\"}")
        }
        let path = StrictKeys.path(decoder.codingPath)
        try StrictKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue), path: path + ".")
        guard c.contains(.name) else { throw FactorConfigDecodingError(field: path + ".name", reason: "required key is missing") }
        self.init(name: try c.decode(String.self, forKey: .name),
                  weight: try c.decodeIfPresent(Double.self, forKey: .weight),
                  params: try c.decodeIfPresent([String: Double].self, forKey: .params))
    }
}
