/// A task's factor combination as getTaskResults shows it (seed 000): a name and the weighted
/// factors with their parameters. Empty `factors` for strategies without factors.
public struct FactorCombination: Sendable, Codable, Equatable {
    public struct Factor: Sendable, Codable, Equatable {
        public var name: String
        public var weight: Double
        public var params: [String: Double]
    }

    /// The stored config's description (else its id) for `factor_config_id` and
    /// `use_stock_configs`; `自定义组合` for inline factors; the strategy type otherwise.
    public var name: String
    public var factors: [Factor]
}
