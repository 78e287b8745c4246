import SeriesMath

/// How raw factor values become comparable before weighting (the config's `normalization`).
/// Every method is causal: day i's normalised value uses the stock's own values up to day i.
public struct FactorNormalization: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, Hashable, Codable, CaseIterable {
        /// (x − mean) / deviation over the trailing `window` days of the stock's own history.
        case zScore = "zscore"
        /// Percentile rank within the trailing window, mapped to [−1, 1].
        case rank
        /// The value as it is (for factors already on a common scale).
        case raw
    }

    public var method: Method
    /// Trailing window in bars (default 252, a trading year).
    public var window: Int
    /// Values needed in the window before a normalised value exists (default 20).
    public var minimumCount: Int

    public init(method: Method = .zScore, window: Int = 252, minimumCount: Int = 20) {
        precondition(window >= 1 && minimumCount >= 1 && minimumCount <= window)
        self.method = method
        self.window = window
        self.minimumCount = minimumCount
    }

    public static let standard = FactorNormalization()

    /// Normalises `values` in place (NaN stays NaN).
    public func apply(to values: inout [Double]) {
        guard method != .raw else { return }
        let input = values
        input.withUnsafeBufferPointer { source in
            values.withUnsafeMutableBufferPointer { output in
                switch method {
                case .zScore: Normalization.rollingZScore(source, window: window, minimumCount: minimumCount, into: output)
                case .rank: Normalization.rollingRankPercentile(source, window: window, minimumCount: minimumCount, into: output)
                case .raw: break
                }
            }
        }
    }
}
