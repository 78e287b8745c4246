/// One tunable parameter of a factor (`period` of RSI), with its default and allowed range.
public struct FactorParameter: Sendable, Hashable, Codable {
    public let name: String
    public let defaultValue: Double
    /// Inclusive bounds; values outside are a validation error.
    public let minimum: Double
    public let maximum: Double
    /// Window lengths must be whole numbers.
    public let isInteger: Bool
    public let summary: String

    public init(_ name: String, default defaultValue: Double, in range: ClosedRange<Double>, integer: Bool = true,
                summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.minimum = range.lowerBound
        self.maximum = range.upperBound
        self.isInteger = integer
        self.summary = summary
    }

    /// Why `value` is not acceptable for this parameter, or nil when it is.
    public func problem(with value: Double) -> String? {
        guard value.isFinite else { return "\(name) must be a finite number" }
        if isInteger && value != value.rounded() { return "\(name) must be a whole number, got \(value)" }
        if value < minimum || value > maximum {
            return "\(name) must be between \(Self.format(minimum)) and \(Self.format(maximum)), got \(Self.format(value))"
        }
        return nil
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
