import Factors
import HuiceCore

/// Why a factor-config operation was refused. `statusCode` is the HTTP status the API answers
/// with (seed 000: 404 for a missing config, 400 for invalid parameters; 409 for a conflict).
/// Store failures are `StorageError`s.
public enum FactorConfigError: LocatedError, Equatable {
    /// No config has this id.
    case notFound(configID: String)
    /// The stock has no config (get-by-stock; seed: "该股票暂无因子组合配置").
    case stockNotConfigured(StockCode)
    /// The draft did not pass validation; the result lists every issue.
    case validationFailed(ValidationResult)
    /// The stock already has a config (one per stock): create for it, or move another config to it.
    case stockAlreadyConfigured(StockCode, existingConfigID: String)
    /// A request argument outside the draft is wrong (page, size, a stock code to look up, an id mismatch).
    case invalidArgument(field: String, reason: String)

    /// 404, 400 or 409.
    public var statusCode: Int {
        switch self {
        case .notFound, .stockNotConfigured: 404
        case .validationFailed, .invalidArgument: 400
        case .stockAlreadyConfigured: 409
        }
    }

    public var location: ErrorLocation {
        switch self {
        case .notFound: ErrorLocation(field: "config_id")
        case .stockNotConfigured: ErrorLocation(field: "stock_code")
        case .validationFailed(let result): ErrorLocation(field: result.errors.count == 1 ? result.errors[0].field : nil)
        case .stockAlreadyConfigured: ErrorLocation(field: "stock_code")
        case .invalidArgument(let field, _): ErrorLocation(field: field)
        }
    }

    public var reason: String {
        switch self {
        case .notFound(let id): "no factor config has id '\(id)'"
        case .stockNotConfigured(let stock): "stock \(stock) has no factor config"
        case .validationFailed(let result):
            result.errors.count == 1 ? result.errors[0].message
                : "\(result.errors.count) problems: " + result.errors.map(\.description).joined(separator: "; ")
        case .stockAlreadyConfigured(let stock, let existing):
            "stock \(stock) already has a factor config (\(existing)); update or delete it instead"
        case .invalidArgument(_, let reason): reason
        }
    }
}
