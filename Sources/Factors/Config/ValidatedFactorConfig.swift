import HuiceCore

/// The content of a factor configuration that passed `FactorConfigValidator`: canonical factor
/// names sorted into their registry categories (in the order given), weights and parameter
/// overrides keyed by canonical name, the normalised stock code. Only the validator makes one,
/// so whatever a store saves through it has been validated.
public struct ValidatedFactorConfig: Sendable, Equatable {
    public let stockCode: StockCode
    public let technicalFactors: [String]
    public let fundamentalFactors: [String]
    public let marketFactors: [String]
    public let sentimentFactors: [String]
    public let factorWeights: [String: Double]
    /// Overrides only (factors without overrides are absent); defaults come from the registry.
    public let factorParams: [String: [String: Double]]
    public let description: String?

    init(stockCode: StockCode, technicalFactors: [String], fundamentalFactors: [String], marketFactors: [String],
         sentimentFactors: [String], factorWeights: [String: Double], factorParams: [String: [String: Double]],
         description: String?) {
        self.stockCode = stockCode
        self.technicalFactors = technicalFactors
        self.fundamentalFactors = fundamentalFactors
        self.marketFactors = marketFactors
        self.sentimentFactors = sentimentFactors
        self.factorWeights = factorWeights
        self.factorParams = factorParams
        self.description = description
    }
}
