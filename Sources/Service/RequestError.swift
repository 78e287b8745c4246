import HuiceCore

/// A request field that is missing or wrong (→ HTTP 400 with `details: {field, reason, …}`).
public struct RequestError: Error, Sendable, Equatable {
    /// The field's path in the body: `stock_pool`, `stock_pool[2]`, `fee_config.commission_rate`,
    /// `config.fee_config.commission_rate` (for a field given inside `config`).
    public var field: String
    /// Short and stable: `required field missing`, `wrong type`, `invalid value`, `out of range`,
    /// `unknown field`, `not allowed`, `duplicate field`.
    public var reason: String
    /// A sentence for people (Chinese first, then the detail).
    public var message: String
    /// Extra keys for the envelope's `details` (next to field and reason).
    public var details: [String: JSONValue]

    public init(field: String, reason: String, message: String, details: [String: JSONValue] = [:]) {
        self.field = field
        self.reason = reason
        self.message = message
        self.details = details
    }

    static func missing(_ field: String, _ message: String? = nil) -> RequestError {
        RequestError(field: field, reason: "required field missing", message: message ?? "\(field)不能为空")
    }

    static func wrongType(_ field: String, expected: String) -> RequestError {
        RequestError(field: field, reason: "wrong type", message: "\(field)必须是\(expected)",
                     details: ["expected": .string(expected)])
    }

    static func invalid(_ field: String, _ message: String) -> RequestError {
        RequestError(field: field, reason: "invalid value", message: message)
    }

    static func outOfRange(_ field: String, _ message: String) -> RequestError {
        RequestError(field: field, reason: "out of range", message: message)
    }
}

extension RequestError: CustomStringConvertible {
    public var description: String { "\(field): \(message)" }
}
