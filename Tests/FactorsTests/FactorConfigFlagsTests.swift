import Factors
import Testing

@Suite("Factor config flags")
struct FactorConfigFlagsTests {
    func flagError(_ flags: FactorConfigFlags) -> FactorConfigDecodingError? {
        do {
            _ = try flags.draft()
            return nil
        } catch {
            return error
        }
    }

    @Test("the CLI's flags become a draft, and a valid config")
    func flagsToConfig() throws {
        let flags = FactorConfigFlags(
            stock: "000001.SZ", technical: ["rsi,macd"], fundamental: ["pe_ratio"],
            weights: ["rsi=0.4,macd=0.3,pe_ratio=0.3"], params: ["rsi.period=10", "macd.fast=8,macd.slow=21"],
            description: "示例")
        let draft = try flags.draft()
        #expect(draft == FactorConfigDraft(
            stockCode: "000001.SZ", technicalFactors: ["rsi", "macd"], fundamentalFactors: ["pe_ratio"],
            factorWeights: ["rsi": 0.4, "macd": 0.3, "pe_ratio": 0.3],
            factorParams: ["rsi": ["period": 10], "macd": ["fast": 8, "slow": 21]], description: "示例"))
        let config = try #require(FactorConfigValidator().check(draft).config)
        #expect(config.factorParams["macd"] == ["fast": 8, "slow": 21])
    }

    @Test("repeated list flags add up; spaces and empty items are dropped")
    func repeatedFlags() throws {
        let draft = try FactorConfigFlags(technical: ["rsi", " macd ,", "kdj"], market: ["turnover"],
                                          sentiment: ["news_sentiment"], allowNegativeWeights: true).draft()
        #expect(draft.technicalFactors == ["rsi", "macd", "kdj"])
        #expect(draft.marketFactors == ["turnover"])
        #expect(draft.sentimentFactors == ["news_sentiment"])
        #expect(draft.allowNegativeWeights)
    }

    @Test("a malformed weight names --weights and the item")
    func malformedWeight() {
        #expect(flagError(FactorConfigFlags(weights: ["rsi:0.4"]))
            == FactorConfigDecodingError(field: "--weights", reason: "expected name=value (e.g. rsi=0.4), got 'rsi:0.4'"))
        #expect(flagError(FactorConfigFlags(weights: ["rsi=abc"]))
            == FactorConfigDecodingError(field: "--weights", reason: "'rsi': expected a number, got 'abc'"))
        #expect(flagError(FactorConfigFlags(weights: ["rsi=0.5", "rsi=0.5"]))
            == FactorConfigDecodingError(field: "--weights", reason: "'rsi' is given twice"))
    }

    @Test("a parameter needs factor.parameter=value")
    func malformedParameter() {
        #expect(flagError(FactorConfigFlags(params: ["period=10"]))
            == FactorConfigDecodingError(field: "--param", reason: "expected factor.parameter=value (e.g. rsi.period=14), got 'period=10'"))
        #expect(flagError(FactorConfigFlags(params: ["rsi.period=nan"]))?.location.field == "--param")
    }

    @Test("no flags at all is recognisable")
    func emptyFlags() {
        #expect(FactorConfigFlags().isEmpty)
        #expect(!FactorConfigFlags(description: "x").isEmpty)
    }
}
