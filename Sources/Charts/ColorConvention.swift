/// Which colour means "up": Chinese users read red as rising and green as falling (涨红跌绿);
/// Western users expect the opposite. Every chart that colours by sign takes one.
public enum ColorConvention: String, Sendable, Codable, CaseIterable {
    case chinese
    case western

    static let red = "#e03b3b"
    static let green = "#1f9d55"

    public var upColor: String { self == .chinese ? ColorConvention.red : ColorConvention.green }
    public var downColor: String { self == .chinese ? ColorConvention.green : ColorConvention.red }

    /// The colour of a change of this sign (zero counts as up, like a flat candle).
    public func color(forChange change: Double) -> String { change >= 0 ? upColor : downColor }
}
