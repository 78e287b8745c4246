import HuiceCore

/// One problem (or warning) a validator found: the field it concerns (a JSON key path such as
/// `factor_weights`, `technical_factors[1]`, `factor_params.rsi.period`), a stable code, a
/// human-readable message naming the values involved, and structured details for API clients
/// (for the weight sum: `current_sum` and `expected_sum`).
///
/// The HTTP layer builds the seed 000 error envelope from an error issue:
/// `{"code": 400, "message": "参数错误", "error": code.summaryZH, "details": {"field": field} ∪ details}`.
public struct ValidationIssue: Sendable, Hashable, Codable {
    public var field: String
    public var code: Code
    public var message: String
    public var details: [String: JSONValue]

    public init(field: String, code: Code, message: String, details: [String: JSONValue] = [:]) {
        self.field = field
        self.code = code
        self.message = message
        self.details = details
    }

    /// What kind of problem an issue is; the raw value is what JSON carries.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// A required value is missing (stock_code).
        case required
        /// stock_code is not a stock code.
        case invalidStockCode = "invalid_stock_code"
        /// No factor is listed.
        case noFactors = "no_factors"
        /// A name the factor registry does not know.
        case unknownFactor = "unknown_factor"
        /// A factor listed under another category's list.
        case wrongCategory = "wrong_category"
        /// The same factor listed twice (also through an alias, or in two lists).
        case duplicateFactor = "duplicate_factor"
        /// The same factor weighted twice (through an alias, or in `factors` and `factor_weights`).
        case duplicateWeight = "duplicate_weight"
        /// A weight for a factor that is not listed.
        case unlistedWeight = "unlisted_weight"
        /// A listed factor without a weight.
        case missingWeight = "missing_weight"
        /// A weight that is NaN or infinite.
        case invalidWeight = "invalid_weight"
        /// A negative weight without `allow_negative_weights`.
        case negativeWeight = "negative_weight"
        /// Weights not summing to 1.0 (within the tolerance).
        case weightSum = "weight_sum"
        /// Parameters for a factor that is not listed.
        case unlistedParameters = "unlisted_parameters"
        /// The same factor's parameters given twice (through an alias).
        case duplicateParameters = "duplicate_parameters"
        /// A parameter name the factor does not take.
        case unknownParameter = "unknown_parameter"
        /// A parameter value out of range, not whole, or inconsistent with another (fast ≥ slow).
        case invalidParameter = "invalid_parameter"
        /// description longer than the limit.
        case descriptionTooLong = "description_too_long"
        /// A field that may not be given here (config_id on create).
        case notAllowed = "not_allowed"
        // Warnings
        /// A weight of exactly 0: the factor is listed but contributes nothing.
        case zeroWeight = "zero_weight"
        /// The weights divided by their sum, offered when the sum is not 1.0 (never applied).
        case normalizedWeights = "normalized_weights"

        /// The seed's short Chinese error text (the envelope's `error`), e.g. "权重总和必须等于1.0".
        public var summaryZH: String {
            switch self {
            case .required: "缺少必填字段"
            case .invalidStockCode: "股票代码格式错误"
            case .noFactors: "至少需要一个因子"
            case .unknownFactor: "未知因子"
            case .wrongCategory: "因子类型不匹配"
            case .duplicateFactor: "因子重复"
            case .duplicateWeight: "因子权重重复"
            case .unlistedWeight: "权重对应的因子未列出"
            case .missingWeight: "因子缺少权重"
            case .invalidWeight: "权重必须是有限数值"
            case .negativeWeight: "权重不能为负数"
            case .weightSum: "权重总和必须等于1.0"
            case .unlistedParameters: "参数对应的因子未列出"
            case .duplicateParameters: "因子参数重复"
            case .unknownParameter: "未知因子参数"
            case .invalidParameter: "因子参数超出范围"
            case .descriptionTooLong: "配置描述过长"
            case .notAllowed: "不允许的字段"
            case .zeroWeight: "因子权重为0"
            case .normalizedWeights: "建议的标准化权重"
            }
        }
    }
}

extension ValidationIssue {
    /// The seed envelope's `details`: `field` merged into `details`, e.g.
    /// `{"field": "factor_weights", "current_sum": 0.95, "expected_sum": 1.0}`.
    public var envelopeDetails: [String: JSONValue] {
        details.merging(["field": .string(field)]) { _, field in field }
    }
}

extension ValidationIssue: CustomStringConvertible {
    /// `factor_weights: the weights sum to 0.95, not 1.0`.
    public var description: String { "\(field): \(message)" }
}
