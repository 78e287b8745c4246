/// A benchmark index's closes on the run's sessions.
///
/// `closes[i]` is the close on `ledger.times[i]`; the caller aligns them, repeating the last close
/// on a day the benchmark has no bar, so `closes.count == ledger.count`. `previousClose` is the
/// close on the trading day before start_date: the first benchmark return is measured from it,
/// just as the first portfolio return is measured from the initial cash.
public struct BenchmarkSeries: Sendable, Equatable {
    /// Index code, e.g. `000300.SH`.
    public var code: String
    public var previousClose: Double
    public var closes: [Double]

    public init(code: String, previousClose: Double, closes: [Double]) {
        self.code = code
        self.previousClose = previousClose
        self.closes = closes
    }
}
