/// What a factor is: its name, category, parameters, direction and where its values come from.
/// The registry (`FactorRegistry`) holds one definition per factor; configs refer to factors by
/// name and may override parameters.
public struct FactorDefinition: Sendable, Hashable, Codable {
    /// Canonical name, the one configs and results use (`rsi`, `pe_ratio`).
    public let name: String
    /// Other accepted spellings (`bollinger` for `bollinger_bands`); never shown in results.
    public let aliases: [String]
    public let category: FactorCategory
    public let parameters: [FactorParameter]
    public let direction: FactorDirection
    /// What the factor's value is, in one line (shown by `huice factors` and the API).
    public let summary: String
    public let source: FactorSource

    public init(name: String, aliases: [String] = [], category: FactorCategory, parameters: [FactorParameter] = [],
                direction: FactorDirection, summary: String, source: FactorSource) {
        self.name = name
        self.aliases = aliases
        self.category = category
        self.parameters = parameters
        self.direction = direction
        self.summary = summary
        self.source = source
    }

    /// The parameters with every default filled in and `overrides` applied.
    public var defaultParameters: [String: Double] {
        Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.defaultValue) })
    }

    /// Problems with `overrides` (unknown names, values out of range, inconsistent pairs), each
    /// naming the parameter; empty when they are acceptable.
    public func problems(with overrides: [String: Double]) -> [String] {
        var problems: [String] = []
        for key in overrides.keys.sorted() {
            guard let parameter = parameters.first(where: { $0.name == key }) else {
                let known = parameters.map(\.name)
                problems.append("\(name) has no parameter '\(key)'"
                    + (known.isEmpty ? " (it takes none)" : " (known: \(known.joined(separator: ", ")))"))
                continue
            }
            if let problem = parameter.problem(with: overrides[key]!) { problems.append("\(name).\(problem)") }
        }
        if problems.isEmpty, let fast = parameters.first(where: { $0.name == "fast" }),
           let slow = parameters.first(where: { $0.name == "slow" }) {
            let f = overrides["fast"] ?? fast.defaultValue, s = overrides["slow"] ?? slow.defaultValue
            if f >= s { problems.append("\(name).slow must be greater than fast (\(FactorParameter.format(f))), got \(FactorParameter.format(s))") }
        }
        return problems
    }

    /// Defaults overlaid with `overrides` (call `problems(with:)` first).
    public func resolvedParameters(_ overrides: [String: Double]) -> [String: Double] {
        defaultParameters.merging(overrides) { _, given in given }
    }
}
