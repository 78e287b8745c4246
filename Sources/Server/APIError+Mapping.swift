import Factors
import HTTPTypes
import Hummingbird
import HuiceCore
import Service
import Storage

extension APIError {
    /// The envelope for a failure thrown by a handler, or nil when `error` is not one the API
    /// knows how to explain — the caller answers 500 then and logs the error.
    ///
    /// Validation belongs to the modules (`FactorConfigValidator`, `BatchRequest`, …); this only
    /// translates their structured errors, keeping every field, reason and detail they carry.
    init?(describing error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as FactorConfigError:
            self.init(factorConfig: error)
        case let error as FactorConfigDecodingError:
            let field = error.location.field ?? "body"
            self = .invalidField(field, reason: error.reason, message: "\(field): \(error.reason)")
        case let error as RequestError:
            self.init(request: error)
        case let error as ServiceError:
            self.init(service: error)
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            // Request.body.collect(upTo:) throws NIO's NIOTooManyBytesError, which says 413.
            self.init(status: .contentTooLarge, message: Messages.payloadTooLarge,
                      reason: "the request body is larger than the server accepts (\(APIRequestContext.uploadLimit) bytes)",
                      details: ["field": "body", "reason": "too large",
                                "limit": .number(Double(APIRequestContext.uploadLimit))])
        case let error as any HTTPResponseError where error.status.kind == .clientError:
            // Hummingbird's own refusals (a malformed request line, …): keep the status.
            let reason = (error as? HTTPError)?.body ?? error.status.reasonPhrase
            self = error.status == .notFound ? .notFound(Messages.routeNotFound)
                : APIError(status: error.status, message: Messages.invalidParameters, reason: reason,
                           details: ["reason": .string(reason)])
        default:
            return nil
        }
    }

    private init(request error: RequestError) {
        self = .invalidField(error.field, reason: error.reason, message: error.message, details: error.details)
    }

    private init(service error: ServiceError) {
        switch error {
        case .notFound(let kind, _):
            self = .notFound(Self.notFoundMessage(kind: kind))
        case .invalidRequest(let request):
            self.init(request: request)
        case .conflict(let field, let message):
            self.init(status: .conflict, message: Messages.conflict, reason: message,
                      details: ["field": .string(field), "reason": "conflict"])
        }
    }

    private init(factorConfig error: FactorConfigError) {
        switch error {
        case .notFound:
            self = .notFound(Messages.configNotFound)
        case .stockNotConfigured:
            self = .notFound(Messages.stockNotConfigured)
        case .validationFailed(let result):
            self.init(validation: result)
        case .stockAlreadyConfigured(let stock, let existing):
            self.init(status: .conflict, message: Messages.conflict, reason: error.reason,
                      details: ["field": "stock_code", "reason": "stock already has a factor config",
                                "value": .string(stock.description), "existing_config_id": .string(existing)])
        case .invalidArgument(let field, let reason):
            self = .invalidField(field, reason: reason, message: "\(field): \(reason)")
        }
    }

    /// The first issue fills the envelope the way the seed shows it (`error` is the issue's short
    /// Chinese summary, `details` its field and details, e.g. `current_sum`/`expected_sum`);
    /// every issue is listed under `details.errors` when there are several.
    private init(validation result: ValidationResult) {
        guard let first = result.errors.first else {
            self = .invalidField("body", reason: "invalid", message: "invalid factor config")
            return
        }
        var details = first.envelopeDetails
        details["reason"] = .string(first.message)
        details["code"] = .string(first.code.rawValue)
        if result.errors.count > 1 {
            details["errors"] = .array(result.errors.map { issue in
                .object(["field": .string(issue.field), "code": .string(issue.code.rawValue),
                         "message": .string(issue.message), "details": .object(issue.details)])
            })
        }
        self.init(status: .badRequest, message: Messages.invalidParameters, reason: first.code.summaryZH, details: details)
    }

    /// The 404 message for a `ServiceError.notFound` kind ("task", "batch", "config").
    static func notFoundMessage(kind: String) -> String {
        switch kind {
        case "task": Messages.taskNotFound
        case "batch": Messages.batchNotFound
        case "config": Messages.configNotFound
        default: "\(kind)不存在"
        }
    }
}
