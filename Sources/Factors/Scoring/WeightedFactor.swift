/// One factor of a combination with its parameters resolved and its weight.
public struct WeightedFactor: Sendable, Hashable {
    public let definition: FactorDefinition
    /// Every parameter of the definition, defaults filled in.
    public let parameters: [String: Double]
    public let weight: Double

    /// `overrides` must already be valid (`FactorDefinition.problems(with:)` empty).
    public init(_ definition: FactorDefinition, parameters overrides: [String: Double] = [:], weight: Double) {
        self.definition = definition
        self.parameters = definition.resolvedParameters(overrides)
        self.weight = weight
    }

    public var name: String { definition.name }

    /// The parameter as an integer window length.
    func window(_ key: String) -> Int { Int(parameters[key] ?? 0) }
}
