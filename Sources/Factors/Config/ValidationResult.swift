/// Seed 000 `ValidationResult`: whether a configuration is acceptable, with its errors and
/// warnings as structured issues. JSON: `{"is_valid": …, "errors": […], "warnings": […]}`.
/// `is_valid` is true exactly when `errors` is empty; warnings never make a config invalid.
public struct ValidationResult: Sendable, Hashable {
    public var errors: [ValidationIssue]
    public var warnings: [ValidationIssue]

    public init(errors: [ValidationIssue] = [], warnings: [ValidationIssue] = []) {
        self.errors = errors
        self.warnings = warnings
    }

    public var isValid: Bool { errors.isEmpty }

    /// The first error with `code`, if any.
    public func error(_ code: ValidationIssue.Code) -> ValidationIssue? { errors.first { $0.code == code } }

    /// The first warning with `code`, if any.
    public func warning(_ code: ValidationIssue.Code) -> ValidationIssue? { warnings.first { $0.code == code } }
}

extension ValidationResult: Codable {
    enum CodingKeys: String, CodingKey {
        case isValid = "is_valid", errors, warnings
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        errors = try c.decode([ValidationIssue].self, forKey: .errors)
        warnings = try c.decode([ValidationIssue].self, forKey: .warnings)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(isValid, forKey: .isValid)
        try c.encode(errors, forKey: .errors)
        try c.encode(warnings, forKey: .warnings)
    }
}

extension ValidationResult: CustomStringConvertible {
    /// One line per error and warning (`error: factor_weights: …`), or `valid`.
    public var description: String {
        let lines = errors.map { "error: \($0)" } + warnings.map { "warning: \($0)" }
        return lines.isEmpty ? "valid" : lines.joined(separator: "\n")
    }
}
