import HuiceCore
import SeriesMath

/// Derives the performance report of a run from its ledger and trade records.
///
/// A pure function of its input: the same ledger and records give the same report, bit for bit,
/// so stored runs can be re-analysed when a metric is added.
public enum PerformanceAnalyzer {
    /// Preconditions (programming errors, checked before any work): `initialCash` is positive and
    /// a benchmark has exactly one close per ledger entry. An empty ledger is not an error: its
    /// report has no points and every return metric nil.
    public static func analyze(_ input: PerformanceInput) -> PerformanceReport {
        precondition(input.initialCash.fen > 0, "initial cash must be positive, got \(input.initialCash)")
        if let benchmark = input.benchmark {
            precondition(benchmark.closes.count == input.ledger.count,
                         "benchmark \(benchmark.code) has \(benchmark.closes.count) closes for \(input.ledger.count) sessions")
        }
        let ledger = input.ledger
        let initial = Double(input.initialCash.fen)
        // Fen as Double is exact below 2^53 fen (~90 trillion yuan); returns are ratios of them.
        let equity = (0..<ledger.count).map { Double(ledger.equity(at: $0).fen) }
        let returns = Returns.simple(equity, start: initial)
        let benchmarkReturns = input.benchmark.map { Returns.simple($0.closes, start: $0.previousClose) }

        let curve = equityCurve(ledger: ledger, equity: equity, returns: returns, initial: initial)
        let trips = RoundTripBuilder.build(from: input.trades)

        var metrics = BacktestMetrics()
        setReturnMetrics(&metrics, input: input, equity: equity, returns: returns, benchmarkReturns: benchmarkReturns)
        metrics.setTradeStatistics(from: trips.closed)
        metrics.setOrderStatistics(from: input.trades)

        return PerformanceReport(metrics: metrics, equityCurve: curve, roundTrips: trips.closed,
                                 openTrips: trips.open, dailyReturns: returns,
                                 benchmarkReturns: benchmarkReturns, benchmarkCode: input.benchmark?.code)
    }

    static func equityCurve(ledger: EquityLedger, equity: [Double], returns: [Double],
                            initial: Double) -> [EquityPoint] {
        // The peak starts at the initial cash: falling below it on day one is a drawdown.
        let drawdowns = Drawdown.series(equity, initialPeak: initial)
        var curve: [EquityPoint] = []
        curve.reserveCapacity(ledger.count)
        for i in 0..<ledger.count {
            curve.append(EquityPoint(
                tradeDate: ledger.times[i].day, equity: ledger.equity(at: i), cash: ledger.cash[i],
                positionsValue: ledger.positionsValue[i], dailyReturn: returns[i],
                cumulativeReturn: equity[i] / initial - 1, drawdown: drawdowns[i]))
        }
        return curve
    }

    static func setReturnMetrics(_ metrics: inout BacktestMetrics, input: PerformanceInput, equity: [Double],
                                 returns: [Double], benchmarkReturns: [Double]?) {
        let perYear = input.periodsPerYear
        // Seed 002 gives an annual rate; empyrical takes a per-period one, by simple division.
        let riskFree = Annualization.perPeriod(annualRate: input.riskFreeRate, periodsPerYear: perYear)
        if let last = equity.last {
            metrics.totalReturn = finiteOrNil(last / Double(input.initialCash.fen) - 1)
        }
        metrics.annualReturn = ReturnMetrics.annualReturn(returns, periodsPerYear: perYear)
        metrics.maxDrawdown = ReturnMetrics.maxDrawdown(returns)
        metrics.volatility = ReturnMetrics.annualVolatility(returns, periodsPerYear: perYear)
        metrics.sharpeRatio = ReturnMetrics.sharpeRatio(returns, riskFree: riskFree, periodsPerYear: perYear)
        metrics.sortinoRatio = ReturnMetrics.sortinoRatio(returns, requiredReturn: riskFree, periodsPerYear: perYear)
        metrics.calmarRatio = ReturnMetrics.calmarRatio(annualReturn: metrics.annualReturn,
                                                        maxDrawdown: metrics.maxDrawdown)
        metrics.var95 = ReturnMetrics.valueAtRisk(returns, cutoff: 0.05)

        guard let benchmark = input.benchmark, let benchmarkReturns, !returns.isEmpty else { return }
        let ab = ReturnMetrics.alphaBeta(returns, benchmark: benchmarkReturns, riskFree: riskFree,
                                         periodsPerYear: perYear)
        metrics.alpha = ab.alpha
        metrics.beta = ab.beta
        metrics.informationRatio = ReturnMetrics.informationRatio(returns, benchmark: benchmarkReturns)
        metrics.benchmarkReturn = finiteOrNil(benchmark.closes[benchmark.closes.count - 1] / benchmark.previousClose - 1)
        metrics.benchmarkAnnualReturn = ReturnMetrics.annualReturn(benchmarkReturns, periodsPerYear: perYear)
        if let total = metrics.totalReturn, let bench = metrics.benchmarkReturn {
            metrics.excessReturn = total - bench
        }
    }
}
