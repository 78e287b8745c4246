/// Annualised volatility: the sample standard deviation (n − 1) of the last `period` daily simple
/// returns (close / previous close − 1) times √252. The first value is at bar `period` (it needs
/// `period` returns). Computed two-pass over the window, and exactly 0 for a window of identical
/// returns, as pandas' `pct_change().rolling(period).std() * sqrt(252)` gives.
public struct RollingVolatility: StreamingIndicator {
    /// Trading days per year, the annualisation factor's square.
    public static let periodsPerYear = 252.0

    public let period: Int
    private var returns: RingWindow
    private var previous = Double.nan

    public init(period: Int) {
        precondition(period >= 2, "a sample standard deviation needs a period of at least 2")
        self.period = period
        returns = RingWindow(capacity: period)
    }

    public mutating func update(_ close: Double) -> Double {
        defer { previous = close }
        guard !previous.isNaN else { return .nan }
        returns.append(close / previous - 1.0)
        guard returns.isFull else { return .nan }
        return returns.sampleStandardDeviation * Self.periodsPerYear.squareRoot()
    }
}
