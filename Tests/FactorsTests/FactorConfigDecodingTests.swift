import Factors
import Foundation
import HuiceCore
import Testing

@Suite("Factor config JSON")
struct FactorConfigDecodingTests {
    func decode(_ json: String) throws(FactorConfigDecodingError) -> FactorConfigDraft {
        try FactorConfigDraft.decode(Data(json.utf8), file: "config.json")
    }

    func decodingError(_ json: String) -> FactorConfigDecodingError? {
        do {
            _ = try decode(json)
            return nil
        } catch {
            return error
        }
    }

    @Test("the seed's create body decodes by category, with factor_params")
    func categoryForm() throws {
        let draft = try decode("""
            {"stock_code": "000001.SZ", "description": "基于多类型因子的组合配置",
             "technical_factors": ["rsi", "macd", "bollinger_bands"], "fundamental_factors": ["pe_ratio", "pb_ratio"],
             "sentiment_factors": ["news_sentiment"], "market_factors": [],
             "factor_weights": {"rsi": 0.2, "macd": 0.2, "bollinger_bands": 0.2, "pe_ratio": 0.2, "pb_ratio": 0.1,
                                "news_sentiment": 0.1},
             "factor_params": {"rsi": {"period": 14}, "macd": {"fast": 8, "slow": 21}}}
            """)
        var expected = seedDraft()
        expected.factorParams = ["rsi": ["period": 14], "macd": ["fast": 8, "slow": 21]]
        #expect(draft == expected)
    }

    @Test("the seed's getTaskResults form decodes entries with name, weight and params")
    func entryForm() throws {
        let draft = try decode("""
            {"stock_code": "000001.SZ", "factors": [
              {"name": "rsi", "weight": 0.35, "params": {"period": 14}},
              {"name": "macd", "weight": 0.42, "params": {"fast": 12, "slow": 26}},
              {"name": "bollinger", "weight": 0.23, "params": {"period": 20}}]}
            """)
        #expect(draft.factors == [
            FactorEntry(name: "rsi", weight: 0.35, params: ["period": 14]),
            FactorEntry(name: "macd", weight: 0.42, params: ["fast": 12, "slow": 26]),
            FactorEntry(name: "bollinger", weight: 0.23, params: ["period": 20]),
        ])
        let config = try #require(FactorConfigValidator().check(draft).config)
        #expect(config.technicalFactors == ["rsi", "macd", "bollinger_bands"])
        #expect(config.factorParams["bollinger_bands"] == ["period": 20])
    }

    @Test("the seed's update body (factors as names, factor_weights beside) decodes")
    func namesForm() throws {
        let draft = try decode("""
            {"config_id": "config_20240107_001", "stock_code": "000001.SZ", "description": "调整权重后的技术指标组合",
             "factors": ["rsi", "macd", "bollinger_bands"],
             "factor_weights": {"rsi": 0.35, "macd": 0.35, "bollinger_bands": 0.3}}
            """)
        #expect(draft.configID == "config_20240107_001")
        #expect(draft.factors.map(\.name) == ["rsi", "macd", "bollinger_bands"])
        #expect(FactorConfigValidator().validate(draft) == ValidationResult())
    }

    @Test("an unknown key is rejected with a suggestion")
    func unknownKey() {
        #expect(decodingError(#"{"stock_code": "000001.SZ", "factor_weight": {}}"#)
            == FactorConfigDecodingError(file: "config.json", field: "factor_weight",
                                         reason: "unknown key (did you mean 'factor_weights'?)"))
    }

    @Test("an unknown key inside a factors entry is named with its path")
    func unknownEntryKey() {
        #expect(decodingError(#"{"factors": ["rsi", {"name": "macd", "wieght": 0.5}]}"#)
            == FactorConfigDecodingError(file: "config.json", field: "factors[1].wieght",
                                         reason: "unknown key (did you mean 'weight'?)"))
    }

    @Test("an entry without a name, or neither name nor object, is an error")
    func malformedEntry() {
        #expect(decodingError(#"{"factors": [{"weight": 0.5}]}"#)
            == FactorConfigDecodingError(file: "config.json", field: "factors[0].name", reason: "required key is missing"))
        #expect(decodingError(#"{"factors": [3]}"#)?.location.field == "factors[0]")
    }

    @Test("a weight that is not a number names its key")
    func wrongType() {
        #expect(decodingError(#"{"factor_weights": {"rsi": "0.4"}}"#)
            == FactorConfigDecodingError(file: "config.json", field: "factor_weights.rsi", reason: "expected a number"))
        #expect(decodingError(#"{"factor_params": {"rsi": {"period": "x"}}}"#)?.location.field == "factor_params.rsi.period")
    }

    @Test("text that is not JSON is an error naming the file")
    func notJSON() {
        let error = decodingError("{stock_code")
        #expect(error?.location.file == "config.json")
        #expect(error?.reason.hasPrefix("not valid JSON") == true)
        let array = decodingError("[]")
        #expect(array?.location == ErrorLocation(file: "config.json"))
        #expect(array?.reason == "expected an object")
    }

    @Test("a config's canonical JSON is the seed's list shape plus market_factors, factor_params and factor_count")
    func canonicalJSON() throws {
        let content = try #require(FactorConfigValidator().check(FactorConfigDraft(
            stockCode: "000001.SZ", technicalFactors: ["rsi", "macd"], fundamentalFactors: ["pe_ratio"],
            factorWeights: ["rsi": 0.4, "macd": 0.3, "pe_ratio": 0.3], factorParams: ["rsi": ["period": 10]],
            description: "示例")).config)
        let created = try #require(FactorConfigTimestamp.parse("2024-01-07T10:00:00Z"))
        let updated = try #require(FactorConfigTimestamp.parse("2024-01-07T11:30:00Z"))
        let config = FactorConfig(configID: "config_20240107_001", content: content, createdAt: created, updatedAt: updated)
        let text = String(decoding: try FactorConfigJSON.document(config), as: UTF8.self)
        #expect(text == """
            {
              "config_id" : "config_20240107_001",
              "created_at" : "2024-01-07T10:00:00Z",
              "description" : "示例",
              "factor_count" : 3,
              "factor_params" : {
                "rsi" : {
                  "period" : 10
                }
              },
              "factor_weights" : {
                "macd" : 0.3,
                "pe_ratio" : 0.3,
                "rsi" : 0.4
              },
              "fundamental_factors" : [
                "pe_ratio"
              ],
              "market_factors" : [

              ],
              "sentiment_factors" : [

              ],
              "stock_code" : "000001.SZ",
              "technical_factors" : [
                "rsi",
                "macd"
              ],
              "updated_at" : "2024-01-07T11:30:00Z"
            }

            """)
        // the output decodes back to the same config, and as a draft (for get → edit → update)
        #expect(try JSONDecoder().decode(FactorConfig.self, from: Data(text.utf8)) == config)
        let draft = try decode(text)
        #expect(draft.configID == "config_20240107_001")
        #expect(FactorConfigValidator().check(draft).config == content)
    }

    @Test("a validation result encodes with the seed's snake_case keys and structured issues")
    func resultJSON() throws {
        let result = FactorConfigValidator().validate(seedDraft(weights: ["rsi": 0.5, "macd": 0.45, "bollinger_bands": 0,
                                                                          "pe_ratio": 0, "pb_ratio": 0, "news_sentiment": 0]))
        let object = try JSONDecoder().decode(JSONValue.self, from: FactorConfigJSON.document(result)).objectValue
        #expect(object?["is_valid"] == .bool(false))
        let first = object?["errors"].flatMap { if case .array(let a) = $0 { a.first } else { nil } }?.objectValue
        #expect(first?["field"] == "factor_weights")
        #expect(first?["code"] == "weight_sum")
        #expect(first?["details"] == .object(["current_sum": 0.95, "expected_sum": 1.0]))
        #expect(try JSONDecoder().decode(ValidationResult.self, from: FactorConfigJSON.document(result)) == result)
    }
}
