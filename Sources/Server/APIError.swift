import HTTPTypes
import HuiceCore

/// An answer other than success: the HTTP status and the seed 000 error envelope it is written as.
///
/// Two shapes, both from the seed:
/// - not found (404): `{"code": 404, "message": "该股票暂无因子组合配置", "data": null}`;
/// - everything else: `{"code": 400, "message": "参数错误", "error": "<human reason>",
///   "details": {"field": …, "reason": …, …}}`.
/// The HTTP status always equals `code`. `APIError(describing:)` maps the module errors
/// (`FactorConfigError`, `RequestError`, `ServiceError`, …) to one.
public struct APIError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    /// The envelope's `message`: the seed's short Chinese text for the kind of failure.
    public var message: String
    /// The envelope's `error`: what exactly is wrong, naming the field and value. Not written for 404s.
    public var reason: String
    /// The envelope's `details` (`field`, `reason` and whatever else helps the client). Not written for 404s.
    public var details: [String: JSONValue]
    /// Extra response headers (`Allow` on a 405).
    public var headers: HTTPFields

    public init(status: HTTPResponse.Status, message: String, reason: String, details: [String: JSONValue] = [:],
                headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.reason = reason
        self.details = details
        self.headers = headers
    }

    /// Whether the envelope is the seed's not-found shape (`data: null`, no `error`/`details`).
    public var isNotFound: Bool { status == .notFound }

    /// 400 "参数错误" for one request field: `reason` is the short machine-ish cause
    /// ("required field missing"), `message` the human sentence in `error` ("config_id不能为空").
    public static func invalidField(_ field: String, reason: String, message: String,
                                    details: [String: JSONValue] = [:]) -> APIError {
        var all = details
        all["field"] = .string(field)
        all["reason"] = .string(reason)
        return APIError(status: .badRequest, message: Messages.invalidParameters, reason: message, details: all)
    }

    /// 404 with the seed's shape and `message`.
    public static func notFound(_ message: String) -> APIError {
        APIError(status: .notFound, message: message, reason: message)
    }

    /// 500 "服务器内部错误": says nothing about the cause (that goes to the log), only the request id.
    public static func internalError(requestID: String) -> APIError {
        APIError(status: .internalServerError, message: Messages.internalError, reason: "internal error",
                 details: ["request_id": .string(requestID)])
    }

    /// The envelope's `message` texts.
    public enum Messages {
        public static let invalidParameters = "参数错误"
        public static let internalError = "服务器内部错误"
        public static let routeNotFound = "接口不存在"
        public static let methodNotAllowed = "请求方法不允许"
        public static let conflict = "操作冲突"
        public static let payloadTooLarge = "请求体过大"
        public static let unsupportedMediaType = "不支持的媒体类型"
        public static let configNotFound = "因子组合配置不存在"
        public static let stockNotConfigured = "该股票暂无因子组合配置"
        public static let taskNotFound = "任务不存在"
        public static let batchNotFound = "批次不存在"
    }
}
