/// Whether a larger factor value makes a stock more attractive. Part of a factor's definition
/// (a low PE is attractive, a high ROE is): normalised values are multiplied by `sign`, so a
/// positive score always means "buy".
public enum FactorDirection: String, Sendable, Codable, Hashable {
    case higherIsBetter = "higher_is_better"
    case lowerIsBetter = "lower_is_better"

    /// +1 or −1.
    public var sign: Double { self == .higherIsBetter ? 1 : -1 }
}
