import Factors
import HuiceCore
import Testing

/// Seed 000 §2.2.7's create request: six factors, weights summing to 1.0.
func seedDraft(weights: [String: Double]? = nil) -> FactorConfigDraft {
    FactorConfigDraft(
        stockCode: "000001.SZ", technicalFactors: ["rsi", "macd", "bollinger_bands"],
        fundamentalFactors: ["pe_ratio", "pb_ratio"], sentimentFactors: ["news_sentiment"],
        factorWeights: weights ?? ["rsi": 0.2, "macd": 0.2, "bollinger_bands": 0.2, "pe_ratio": 0.2, "pb_ratio": 0.1,
                                   "news_sentiment": 0.1],
        description: "基于多类型因子的组合配置")
}

/// A small valid draft to vary: rsi and macd, 0.6 / 0.4.
func smallDraft() -> FactorConfigDraft {
    FactorConfigDraft(stockCode: "600000.SH", technicalFactors: ["rsi", "macd"], factorWeights: ["rsi": 0.6, "macd": 0.4])
}

@Suite("Factor config validation")
struct FactorConfigValidationTests {
    let validator = FactorConfigValidator()

    @Test("the seed's create request is valid and resolves to canonical names by category")
    func seedRequestIsValid() throws {
        let check = validator.check(seedDraft())
        #expect(check.result == ValidationResult())
        let config = try #require(check.config)
        #expect(config.stockCode.description == "000001.SZ")
        #expect(config.technicalFactors == ["rsi", "macd", "bollinger_bands"])
        #expect(config.fundamentalFactors == ["pe_ratio", "pb_ratio"])
        #expect(config.marketFactors == [])
        #expect(config.sentimentFactors == ["news_sentiment"])
        #expect(config.factorWeights["pb_ratio"] == 0.1)
        #expect(config.description == "基于多类型因子的组合配置")
    }

    @Test("weights summing to 0.95 fail with current_sum 0.95 and expected_sum 1.0")
    func weightSum() {
        let result = validator.validate(seedDraft(weights: [
            "rsi": 0.2, "macd": 0.2, "bollinger_bands": 0.2, "pe_ratio": 0.2, "pb_ratio": 0.1, "news_sentiment": 0.05,
        ]))
        #expect(!result.isValid)
        #expect(result.errors == [ValidationIssue(
            field: "factor_weights", code: .weightSum,
            message: "the weights sum to 0.95; they must sum to 1.0 (±1e-06)",
            details: ["current_sum": 0.95, "expected_sum": 1.0])])
        // what the HTTP layer puts in the seed's error envelope
        #expect(ValidationIssue.Code.weightSum.summaryZH == "权重总和必须等于1.0")
        #expect(result.errors.first?.envelopeDetails == ["field": "factor_weights", "current_sum": 0.95, "expected_sum": 1.0])
    }

    @Test("a wrong sum offers the weights divided by their sum as a warning, without applying them")
    func normalisedWeightsWarning() throws {
        let weights = ["rsi": 0.2, "macd": 0.2, "bollinger": 0.2, "pe_ratio": 0.2, "pb_ratio": 0.1, "news_sentiment": 0.05]
        var draft = seedDraft(weights: weights)
        draft.technicalFactors = ["rsi", "macd", "bollinger"]
        let check = validator.check(draft)
        #expect(check.config == nil)
        let warning = try #require(check.result.warning(.normalizedWeights))
        #expect(check.result.warnings.count == 1)
        #expect(warning.field == "factor_weights")
        #expect(warning.details["current_sum"] == 0.95)
        let suggested = try #require(warning.details["suggested_weights"]?.objectValue)
        // keyed by canonical name (bollinger → bollinger_bands), each weight / 0.95
        #expect(Set(suggested.keys) == ["rsi", "macd", "bollinger_bands", "pe_ratio", "pb_ratio", "news_sentiment"])
        let expected = ["rsi": 0.2 / 0.95, "macd": 0.2 / 0.95, "bollinger_bands": 0.2 / 0.95, "pe_ratio": 0.2 / 0.95,
                        "pb_ratio": 0.1 / 0.95, "news_sentiment": 0.05 / 0.95]
        for (name, value) in expected {
            #expect(abs(try #require(suggested[name]?.numberValue) - value) < 1e-12, "\(name)")
        }
        let total = suggested.values.compactMap(\.numberValue).reduce(0, +)
        #expect(abs(total - 1) < 1e-12)
        #expect(warning.message.contains("pb_ratio=0.1053"))
        // applying the suggestion makes the draft valid
        draft.factorWeights = suggested.mapValues { $0.numberValue! }
        #expect(validator.validate(draft).isValid)
    }

    @Test("an unknown factor is named, with the nearest known name")
    func unknownFactor() {
        let result = validator.validate(FactorConfigDraft(
            stockCode: "600000.SH", technicalFactors: ["rsx", "macd"], factorWeights: ["rsx": 0.5, "macd": 0.5]))
        #expect(result.errors == [
            ValidationIssue(field: "technical_factors[0]", code: .unknownFactor,
                            message: "unknown factor 'rsx' (did you mean 'rsi'?)",
                            details: ["factor": "rsx", "suggestion": "rsi"]),
            ValidationIssue(field: "factor_weights.rsx", code: .unknownFactor,
                            message: "unknown factor 'rsx' (did you mean 'rsi'?)",
                            details: ["factor": "rsx", "suggestion": "rsi"]),
        ])
    }

    @Test("a weight for a factor that is not listed is an error naming the list to add it to")
    func weightedButUnlisted() {
        var draft = smallDraft()
        draft.technicalFactors = ["rsi"]
        draft.factorWeights = ["rsi": 0.6, "pe_ratio": 0.4]
        #expect(validator.validate(draft).errors == [ValidationIssue(
            field: "factor_weights.pe_ratio", code: .unlistedWeight,
            message: "'pe_ratio' has a weight but is not listed; add it to fundamental_factors",
            details: ["factor": "pe_ratio", "category": "fundamental"])])
    }

    @Test("a listed factor without a weight is an error")
    func listedWithoutWeight() {
        var draft = smallDraft()
        draft.technicalFactors = ["rsi", "macd", "kdj"]
        #expect(validator.validate(draft).errors == [ValidationIssue(
            field: "factor_weights.kdj", code: .missingWeight,
            message: "'kdj' is listed (technical_factors[2]) but has no weight; give it one (0 keeps it listed without effect)",
            details: ["factor": "kdj"])])
    }

    @Test("a zero weight is accepted with a warning")
    func zeroWeight() {
        var draft = smallDraft()
        draft.technicalFactors = ["rsi", "macd", "kdj"]
        draft.factorWeights["kdj"] = 0
        let result = validator.validate(draft)
        #expect(result.isValid)
        #expect(result.warnings.map(\.code) == [.zeroWeight])
        #expect(result.warnings.first?.field == "factor_weights.kdj")
    }

    @Test("a negative weight is an error unless allow_negative_weights")
    func negativeWeight() {
        var draft = smallDraft()
        draft.factorWeights = ["rsi": 1.2, "macd": -0.2]
        #expect(validator.validate(draft).errors == [ValidationIssue(
            field: "factor_weights.macd", code: .negativeWeight,
            message: "the weight of 'macd' must not be negative, got -0.2 (set allow_negative_weights to allow short factors)",
            details: ["factor": "macd", "value": -0.2])])
        draft.allowNegativeWeights = true
        #expect(validator.validate(draft) == ValidationResult())
    }

    @Test("a parameter out of range names the factor, the parameter and the range")
    func parameterOutOfRange() {
        var draft = smallDraft()
        draft.factorParams = ["rsi": ["period": 1]]
        #expect(validator.validate(draft).errors == [ValidationIssue(
            field: "factor_params.rsi.period", code: .invalidParameter,
            message: "rsi.period must be between 2 and 250, got 1",
            details: ["factor": "rsi", "parameter": "period", "value": 1, "minimum": 2, "maximum": 250])])
    }

    @Test("an unknown parameter lists the factor's parameters")
    func unknownParameter() {
        var draft = smallDraft()
        draft.factorParams = ["rsi": ["window": 10]]
        #expect(validator.validate(draft).errors == [ValidationIssue(
            field: "factor_params.rsi.window", code: .unknownParameter,
            message: "rsi has no parameter 'window' (known: period)",
            details: ["factor": "rsi", "parameter": "window", "known": .array(["period"])])])
    }

    @Test("parameters acceptable alone but inconsistent together (MACD fast ≥ slow) are an error")
    func inconsistentParameters() {
        var draft = smallDraft()
        draft.factorParams = ["macd": ["fast": 30, "slow": 20]]
        #expect(validator.validate(draft).errors == [ValidationIssue(
            field: "factor_params.macd", code: .invalidParameter,
            message: "macd.slow must be greater than fast (30), got 20", details: ["factor": "macd"])])
        draft.factorParams = ["macd": ["fast": 30, "slow": 60]]  // each alone would clash with a default
        #expect(validator.validate(draft).isValid)
    }

    @Test("parameters for a factor that is not listed are an error")
    func unlistedParameters() {
        var draft = smallDraft()
        draft.factorParams = ["atr": ["period": 10]]
        #expect(validator.validate(draft).errors.map(\.code) == [.unlistedParameters])
        #expect(validator.validate(draft).errors.first?.field == "factor_params.atr")
    }

    @Test("a factor under another category's list names its real category")
    func wrongCategory() {
        let result = validator.validate(FactorConfigDraft(
            stockCode: "600000.SH", technicalFactors: ["rsi", "pe_ratio"], factorWeights: ["rsi": 0.5, "pe_ratio": 0.5]))
        #expect(result.errors == [ValidationIssue(
            field: "technical_factors[1]", code: .wrongCategory,
            message: "'pe_ratio' is a fundamental factor, not technical; list it under fundamental_factors",
            details: ["factor": "pe_ratio", "category": "fundamental", "listed_under": "technical"])])
    }

    @Test("aliases resolve to canonical names in lists, weights and parameters")
    func aliases() throws {
        let check = validator.check(FactorConfigDraft(
            stockCode: "sz000001", technicalFactors: ["BOLL", "sma"], fundamentalFactors: ["pe"],
            factorWeights: ["bollinger": 0.5, "ma": 0.3, "PE": 0.2], factorParams: ["bbands": ["k": 2.5]]))
        #expect(check.result == ValidationResult())
        let config = try #require(check.config)
        #expect(config.stockCode.description == "000001.SZ")
        #expect(config.technicalFactors == ["bollinger_bands", "ma"])
        #expect(config.fundamentalFactors == ["pe_ratio"])
        #expect(config.factorWeights == ["bollinger_bands": 0.5, "ma": 0.3, "pe_ratio": 0.2])
        #expect(config.factorParams == ["bollinger_bands": ["k": 2.5]])
    }

    @Test("a factor listed twice, also through an alias or in two lists, is an error")
    func duplicateFactor() {
        let result = validator.validate(FactorConfigDraft(
            stockCode: "600000.SH", technicalFactors: ["bollinger_bands", "bollinger"], factorWeights: ["bollinger_bands": 1]))
        #expect(result.errors == [ValidationIssue(
            field: "technical_factors[1]", code: .duplicateFactor,
            message: "'bollinger_bands' is listed twice (technical_factors[0] and technical_factors[1]) ('bollinger' is an alias of 'bollinger_bands')",
            details: ["factor": "bollinger_bands", "first_listed_at": "technical_factors[0]"])])
        let acrossLists = validator.validate(FactorConfigDraft(
            stockCode: "600000.SH", fundamentalFactors: ["pe_ratio"], factors: [FactorEntry(name: "pe_ratio")],
            factorWeights: ["pe_ratio": 1]))
        #expect(acrossLists.errors.map(\.code) == [.duplicateFactor])
        #expect(acrossLists.errors.first?.field == "factors[0]")
    }

    @Test("the same factor weighted through an alias and its name is an error")
    func duplicateWeight() {
        var draft = smallDraft()
        draft.technicalFactors = ["bollinger_bands"]
        draft.factorWeights = ["bollinger": 1, "bollinger_bands": 1]  // the second is not counted in the sum
        #expect(validator.validate(draft).errors.map(\.code) == [.duplicateWeight])
    }

    @Test("a config without factors is an error")
    func noFactors() {
        let result = validator.validate(FactorConfigDraft(stockCode: "600000.SH"))
        #expect(result.errors.map(\.code) == [.noFactors])
        #expect(result.errors.first?.field == "factors")
    }

    @Test("stock_code is required, must be a stock code, and is normalised")
    func stockCode() throws {
        var draft = smallDraft()
        draft.stockCode = nil
        #expect(validator.validate(draft).errors.map(\.code) == [.required])
        draft.stockCode = "not a code!"
        #expect(validator.validate(draft).errors == [ValidationIssue(
            field: "stock_code", code: .invalidStockCode,
            message: "'not a code!' is not a stock code (expected e.g. 000001.SZ, sz000001 or 000001)",
            details: ["value": "not a code!"])])
        draft.stockCode = "SH#600000"
        #expect(try #require(validator.check(draft).config).stockCode.description == "600000.SH")
    }

    @Test("a description over 500 characters is an error")
    func descriptionLimit() {
        var draft = smallDraft()
        draft.description = String(repeating: "因", count: 500)
        #expect(validator.validate(draft).isValid)
        draft.description = String(repeating: "因", count: 501)
        #expect(validator.validate(draft).errors == [ValidationIssue(
            field: "description", code: .descriptionTooLong,
            message: "description has 501 characters; at most 500 are allowed",
            details: ["length": 501, "max_length": 500])])
    }

    @Test("the factors list takes weights and parameters per entry and sorts factors into their categories")
    func factorsEntries() throws {
        let check = validator.check(FactorConfigDraft(stockCode: "000001.SZ", factors: [
            FactorEntry(name: "rsi", weight: 0.35, params: ["period": 14]),
            FactorEntry(name: "macd", weight: 0.42, params: ["fast": 12, "slow": 26]),
            FactorEntry(name: "bollinger", weight: 0.13, params: ["period": 20]),
            FactorEntry(name: "turnover", weight: 0.1),
        ]))
        #expect(check.result == ValidationResult())
        let config = try #require(check.config)
        #expect(config.technicalFactors == ["rsi", "macd", "bollinger_bands"])
        #expect(config.marketFactors == ["turnover_rate"])
        #expect(config.factorWeights == ["rsi": 0.35, "macd": 0.42, "bollinger_bands": 0.13, "turnover_rate": 0.1])
        #expect(config.factorParams == ["rsi": ["period": 14], "macd": ["fast": 12, "slow": 26], "bollinger_bands": ["period": 20]])
    }

    @Test("a weight given in an entry and in factor_weights is an error naming both places")
    func entryAndMapWeight() {
        let result = validator.validate(FactorConfigDraft(
            stockCode: "000001.SZ", factors: [FactorEntry(name: "rsi", weight: 1)], factorWeights: ["rsi": 1]))
        #expect(result.errors == [ValidationIssue(
            field: "factors[0].weight", code: .duplicateWeight,
            message: "'rsi' is weighted twice (factor_weights.rsi and factors[0].weight)",
            details: ["factor": "rsi", "first_weighted_at": "factor_weights.rsi"])])
    }

    @Test("validateWeights checks the weights alone (seed validate_weights)")
    func weightsAlone() {
        #expect(validator.validateWeights(["rsi": 0.5, "pe": 0.5]) == ValidationResult())
        let result = validator.validateWeights(["rsi": 0.5, "nope": 0.4])
        #expect(result.errors.map(\.code) == [.unknownFactor, .weightSum])
        #expect(result.warnings.map(\.code) == [.normalizedWeights])
    }

    @Test("every problem is reported, in a fixed order")
    func everyProblem() {
        let result = validator.validate(FactorConfigDraft(
            stockCode: "", technicalFactors: ["pe_ratio", "xyz"], factorWeights: ["pe_ratio": -1],
            factorParams: ["rsi": ["period": 0]]))
        #expect(result.errors.map(\.code) == [.required, .wrongCategory, .unknownFactor, .negativeWeight, .weightSum,
                                              .unlistedParameters, .invalidParameter])
    }
}
