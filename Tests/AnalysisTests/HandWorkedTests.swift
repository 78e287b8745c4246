import Foundation
import Testing
import HuiceCore
@testable import Analysis

/// Ledger of equities in yuan (all cash), one session a weekday from 2024-01-02.
func ledger(yuan equities: [Int64], firstDay: Int32 = 20240102) -> EquityLedger {
    var ledger = EquityLedger()
    var day = TradingDay(yyyymmdd: firstDay)!
    for equity in equities {
        while day.isWeekend { day = day.adding(days: 1) }
        ledger.record(BarTime(day: day), cash: Money(fen: equity * 100), positionsValue: .zero)
        day = day.adding(days: 1)
    }
    return ledger
}

@Suite("Performance of hand-worked equity paths")
struct HandWorkedTests {
    /// Equity 100 → 110 → 99 → 121: returns 0.1, −0.1, 2/9.
    let input = PerformanceInput(ledger: ledger(yuan: [110, 99, 121]), initialCash: Money(fen: 100_00),
                                 riskFreeRate: 0, periodsPerYear: 252)

    @Test("daily returns are measured day over day, the first against initial cash")
    func dailyReturns() {
        let r = PerformanceAnalyzer.analyze(input).dailyReturns
        #expect(r.count == 3)
        #expect(abs(r[0] - 0.1) < 1e-15)
        #expect(abs(r[1] - -0.1) < 1e-15)
        #expect(abs(r[2] - 2.0 / 9.0) < 1e-15)
    }

    @Test("the equity curve carries cumulative return and drawdown from the running peak")
    func equityCurve() {
        let curve = PerformanceAnalyzer.analyze(input).equityCurve
        #expect(curve.map(\.equity) == [Money(fen: 110_00), Money(fen: 99_00), Money(fen: 121_00)])
        #expect(curve.map(\.tradeDate.yyyymmdd) == [20240102, 20240103, 20240104])
        #expect(abs(curve[2].cumulativeReturn - 0.21) < 1e-15)
        #expect(curve[0].drawdown == 0)
        #expect(abs(curve[1].drawdown - -0.1) < 1e-15)  // 99 / 110 − 1
        #expect(curve[2].drawdown == 0)
    }

    @Test("total return, max drawdown and calmar follow from the path")
    func headlineMetrics() throws {
        let m = PerformanceAnalyzer.analyze(input).metrics
        #expect(abs(try #require(m.totalReturn) - 0.21) < 1e-15)
        #expect(abs(try #require(m.maxDrawdown) - -0.1) < 1e-15)
        // Three sessions are 3/252 of a year: 1.21^(84) − 1.
        let annual = pow(1.21, 84.0) - 1
        #expect(abs(try #require(m.annualReturn) / annual - 1) < 1e-12)
        #expect(abs(try #require(m.calmarRatio) / (annual / 0.1) - 1) < 1e-12)
    }

    @Test("volatility, sharpe and sortino use the sample deviation and the downside deviation")
    func riskAdjusted() throws {
        let m = PerformanceAnalyzer.analyze(input).metrics
        let mean = (0.1 - 0.1 + 2.0 / 9.0) / 3  // 2/27
        let deviations = [0.1 - mean, -0.1 - mean, 2.0 / 9.0 - mean]
        let std = (deviations.map { $0 * $0 }.reduce(0, +) / 2).squareRoot()
        #expect(abs(try #require(m.volatility) / (std * 252.0.squareRoot()) - 1) < 1e-12)
        #expect(abs(try #require(m.sharpeRatio) / (mean / std * 252.0.squareRoot()) - 1) < 1e-12)
        // Downside: only −0.1 is below 0, averaged over all three returns.
        let downside = (0.01 / 3).squareRoot() * 252.0.squareRoot()
        #expect(abs(try #require(m.sortinoRatio) / (mean * 252 / downside) - 1) < 1e-12)
    }

    @Test("value at risk interpolates the 5th percentile between the two lowest returns")
    func valueAtRisk() throws {
        let m = PerformanceAnalyzer.analyze(input).metrics
        // Sorted −0.1, 0.1, 0.222…; index 0.05 · 2 = 0.1: −0.1 + 0.2 · 0.1.
        #expect(abs(try #require(m.var95) - -0.08) < 1e-15)
    }

    @Test("the risk-free rate is taken per day as the annual rate over periods per year")
    func riskFreePerDay() throws {
        var withRate = input
        withRate.riskFreeRate = 0.0252
        let m = PerformanceAnalyzer.analyze(withRate).metrics
        let r = [0.1, -0.1, 2.0 / 9.0].map { $0 - 0.0001 }
        let mean = r.reduce(0, +) / 3
        let std = (r.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 2).squareRoot()
        #expect(abs(try #require(m.sharpeRatio) / (mean / std * 252.0.squareRoot()) - 1) < 1e-12)
    }

    @Test("the benchmark's first return is measured from its close before the first session")
    func benchmarkFirstReturn() throws {
        var withBenchmark = input
        withBenchmark.benchmark = BenchmarkSeries(code: "000300.SH", previousClose: 200, closes: [210, 189, 210])
        let report = PerformanceAnalyzer.analyze(withBenchmark)
        let b = try #require(report.benchmarkReturns)
        #expect(abs(b[0] - 0.05) < 1e-15)
        #expect(abs(b[1] - -0.1) < 1e-15)
        #expect(abs(try #require(report.metrics.benchmarkReturn) - 0.05) < 1e-15)
        #expect(abs(try #require(report.metrics.excessReturn) - 0.16) < 1e-15)
        #expect(report.benchmarkCode == "000300.SH")
    }

    @Test("an equity path that never falls has zero drawdown and no calmar ratio")
    func noDrawdown() {
        let m = PerformanceAnalyzer.analyze(PerformanceInput(ledger: ledger(yuan: [101, 102, 104]),
                                                              initialCash: Money(fen: 100_00))).metrics
        #expect(m.maxDrawdown == 0)
        #expect(m.calmarRatio == nil)
        #expect(m.sortinoRatio == nil)  // no return below 1.5% / 252
    }

    @Test("a single session has returns but no volatility or ratios")
    func singleSession() {
        let m = PerformanceAnalyzer.analyze(PerformanceInput(ledger: ledger(yuan: [95]),
                                                              initialCash: Money(fen: 100_00))).metrics
        #expect(m.totalReturn.map { abs($0 - -0.05) < 1e-15 } == true)
        #expect(m.maxDrawdown.map { abs($0 - -0.05) < 1e-15 } == true)
        #expect(m.volatility == nil && m.sharpeRatio == nil && m.sortinoRatio == nil)
        #expect(m.var95.map { abs($0 - -0.05) < 1e-15 } == true)
    }

    @Test("an empty ledger gives an empty curve and undefined return metrics")
    func emptyLedger() {
        let report = PerformanceAnalyzer.analyze(PerformanceInput(
            ledger: EquityLedger(), initialCash: Money(fen: 100_00),
            benchmark: BenchmarkSeries(code: "000300.SH", previousClose: 100, closes: [])))
        #expect(report.equityCurve.isEmpty && report.dailyReturns.isEmpty)
        #expect(report.metrics == BacktestMetrics())
    }

    @Test("a constant benchmark leaves alpha and beta undefined but keeps the information ratio")
    func constantBenchmark() {
        var flat = input
        flat.benchmark = BenchmarkSeries(code: "X", previousClose: 100, closes: [100, 100, 100])
        let m = PerformanceAnalyzer.analyze(flat).metrics
        #expect(m.alpha == nil && m.beta == nil)
        #expect(m.informationRatio != nil)
        #expect(m.benchmarkReturn == 0)
    }
}
