import Foundation
import Testing
import HuiceCore
@testable import Analysis

/// `Fixtures/reference_metrics.json`, written by `Fixtures/make_reference.py` with empyrical.
struct ReferenceFixture: Decodable {
    struct Benchmark: Decodable {
        var code: String
        var previousClose: Double
        var closes: [Double]
        enum CodingKeys: String, CodingKey {
            case code, closes
            case previousClose = "previous_close"
        }
    }

    struct Case: Decodable {
        var name: String
        var initialCashFen: Int64
        var riskFreeRate: Double
        var periodsPerYear: Double
        var dates: [Int32]
        var cashFen: [Int64]
        var positionsValueFen: [Int64]
        var benchmark: Benchmark?
        var expected: [String: Double?]

        enum CodingKeys: String, CodingKey {
            case name, dates, benchmark, expected
            case initialCashFen = "initial_cash_fen"
            case riskFreeRate = "risk_free_rate"
            case periodsPerYear = "periods_per_year"
            case cashFen = "cash_fen"
            case positionsValueFen = "positions_value_fen"
        }

        var input: PerformanceInput {
            var ledger = EquityLedger(capacity: dates.count)
            for i in dates.indices {
                ledger.record(BarTime(day: TradingDay(yyyymmdd: dates[i])!),
                              cash: Money(fen: cashFen[i]), positionsValue: Money(fen: positionsValueFen[i]))
            }
            return PerformanceInput(
                ledger: ledger, initialCash: Money(fen: initialCashFen),
                benchmark: benchmark.map { BenchmarkSeries(code: $0.code, previousClose: $0.previousClose, closes: $0.closes) },
                riskFreeRate: riskFreeRate, periodsPerYear: periodsPerYear)
        }
    }

    var empyrical: String
    var cases: [Case]

    static func load() throws -> ReferenceFixture {
        let url = try #require(Bundle.module.url(forResource: "reference_metrics", withExtension: "json",
                                                  subdirectory: "Fixtures"))
        return try JSONDecoder().decode(ReferenceFixture.self, from: Data(contentsOf: url))
    }

    static func `case`(named name: String) throws -> Case {
        try #require(try load().cases.first { $0.name == name })
    }
}

/// Each metric's value in the Swift report, by its JSON key.
func metricsByKey(_ metrics: BacktestMetrics) -> [String: Double?] {
    [
        "total_return": metrics.totalReturn, "annual_return": metrics.annualReturn,
        "max_drawdown": metrics.maxDrawdown, "volatility": metrics.volatility,
        "sharpe_ratio": metrics.sharpeRatio, "sortino_ratio": metrics.sortinoRatio,
        "calmar_ratio": metrics.calmarRatio, "var_95": metrics.var95, "alpha": metrics.alpha,
        "beta": metrics.beta, "information_ratio": metrics.informationRatio,
        "benchmark_return": metrics.benchmarkReturn, "benchmark_annual_return": metrics.benchmarkAnnualReturn,
        "excess_return": metrics.excessReturn,
    ]
}

/// Equal within `relative` of the larger magnitude; nil (undefined) only matches nil.
func agree(_ actual: Double?, _ expected: Double?, relative: Double = 1e-10) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (a?, e?): return a == e || abs(a - e) <= relative * max(abs(a), abs(e))
    default: return false
    }
}

@Suite("Return metrics agree with empyrical")
struct EmpyricalReferenceTests {
    static let caseNames = [
        "sh600036_buy_and_hold_vs_sse", "synthetic_flat_days", "short_three_days",
        "rising_without_benchmark", "all_flat",
    ]

    @Test("the fixture holds exactly the cases the tests name")
    func fixtureCases() throws {
        let fixture = try ReferenceFixture.load()
        #expect(fixture.cases.map(\.name) == Self.caseNames)
    }

    @Test("every return metric matches empyrical to 1e-10 relative, and undefined ones are nil",
          arguments: caseNames)
    func matchesEmpyrical(name: String) throws {
        let reference = try ReferenceFixture.case(named: name)
        let report = PerformanceAnalyzer.analyze(reference.input)
        let actual = metricsByKey(report.metrics)
        #expect(Set(actual.keys) == Set(reference.expected.keys))
        for (key, expected) in reference.expected.sorted(by: { $0.key < $1.key }) {
            let value = actual[key] ?? nil
            #expect(agree(value, expected), "\(name) \(key): \(String(describing: value)) vs empyrical \(String(describing: expected))")
        }
    }

    @Test("the real-data case has one return per session and flat returns on suspension days")
    func realCaseShape() throws {
        let reference = try ReferenceFixture.case(named: "sh600036_buy_and_hold_vs_sse")
        let report = PerformanceAnalyzer.analyze(reference.input)
        #expect(report.dailyReturns.count == reference.dates.count)
        #expect(report.benchmarkReturns?.count == reference.dates.count)
        // 600036 was suspended 2013-08-28..09-04 (no bars): the position keeps its last close.
        let suspended = try #require(reference.dates.firstIndex(of: 20130829))
        #expect(report.dailyReturns[suspended] == 0)
        #expect(report.equityCurve.last?.cumulativeReturn == report.metrics.totalReturn)
    }
}
