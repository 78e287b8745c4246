import Factors
import HuiceCore

/// A request body read strictly: a JSON object whose keys are all among those the route takes.
/// Each accessor checks one field's type and range and throws a 400 `APIError` naming it.
///
/// Only for the small bodies the Server itself owns (ids, page/size); factor configs and backtest
/// batches are read by their modules' strict parsers.
struct RequestObject {
    let members: [String: JSONValue]

    /// Refuses a body that is not an object, or that has a key outside `allowed` (naming it, with
    /// a "did you mean" hint).
    init(_ body: JSONValue, allowed: [String]) throws {
        guard case .object(let members) = body else {
            throw APIError.invalidField("body", reason: "must be a JSON object",
                                        message: "请求体必须是JSON对象 (the body must be a JSON object, got \(body.kindName))")
        }
        for key in members.keys.sorted() where !allowed.contains(key) {
            throw APIError.invalidField(
                key, reason: "unknown field",
                message: "未知字段 '\(key)'\(KeySuggestion.hint(for: key, among: allowed)); this request takes: "
                    + allowed.joined(separator: ", "),
                details: ["allowed": .array(allowed.map { .string($0) })])
        }
        self.members = members
    }

    /// A required, non-empty string of at most `maxLength` characters.
    func requiredString(_ key: String, maxLength: Int = 200) throws -> String {
        guard let value = members[key], value != .null else {
            throw APIError.invalidField(key, reason: "required field missing", message: "\(key)不能为空")
        }
        guard case .string(let text) = value else {
            throw APIError.invalidField(key, reason: "must be a string",
                                        message: "\(key)必须是字符串 (got \(value.kindName))")
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.invalidField(key, reason: "must not be empty", message: "\(key)不能为空")
        }
        guard text.count <= maxLength else {
            throw APIError.invalidField(key, reason: "too long",
                                        message: "\(key)过长 (at most \(maxLength) characters, got \(text.count))")
        }
        return text
    }

    /// An optional whole number within `range`; nil when absent or null.
    func optionalInteger(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = members[key], value != .null else { return nil }
        guard case .number(let number) = value else {
            throw APIError.invalidField(key, reason: "must be an integer",
                                        message: "\(key)必须是整数 (got \(value.kindName))")
        }
        guard number.rounded() == number, let whole = Int(exactly: number) else {
            throw APIError.invalidField(key, reason: "must be an integer",
                                        message: "\(key)必须是整数 (got \(number))")
        }
        guard range.contains(whole) else {
            var limits: [String: JSONValue] = ["min": .number(Double(range.lowerBound))]
            var bounds = "at least \(range.lowerBound)"
            if range.upperBound != Int.max {
                limits["max"] = .number(Double(range.upperBound))
                bounds = "between \(range.lowerBound) and \(range.upperBound)"
            }
            throw APIError.invalidField(key, reason: "out of range",
                                        message: "\(key)超出范围 (must be \(bounds), got \(whole))", details: limits)
        }
        return whole
    }
}

extension JSONValue {
    /// "a string", "a number", … for error messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
