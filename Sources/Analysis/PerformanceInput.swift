import HuiceCore

/// Everything `PerformanceAnalyzer` needs, all of it HuiceCore values: Analysis never sees the
/// engine, so any run (or a stored one, re-analysed) can be measured the same way.
public struct PerformanceInput: Sendable {
    /// One entry per session close, from start_date on.
    public var ledger: EquityLedger
    /// The equity before the first session; the first daily return is measured against it.
    /// Must be positive.
    public var initialCash: Money
    /// Every order attempt, in execution order (rejections included).
    public var trades: [BacktestTrade]
    /// The benchmark's closes aligned to `ledger.times`, or nil for no benchmark.
    public var benchmark: BenchmarkSeries?
    /// Annual risk-free rate, e.g. 0.015 (seed 002 default); divided by `periodsPerYear` for the
    /// per-day rate Sharpe, Sortino and alpha use.
    public var riskFreeRate: Double
    /// Sessions per year for annualisation: 252 for A-share days.
    public var periodsPerYear: Double

    public init(ledger: EquityLedger, initialCash: Money, trades: [BacktestTrade] = [],
                benchmark: BenchmarkSeries? = nil, riskFreeRate: Double = 0.015, periodsPerYear: Double = 252) {
        self.ledger = ledger
        self.initialCash = initialCash
        self.trades = trades
        self.benchmark = benchmark
        self.riskFreeRate = riskFreeRate
        self.periodsPerYear = periodsPerYear
    }
}
