import Foundation
import Testing
import HuiceCore
@testable import Analysis

@Suite("JSON form of the report")
struct ReportCodingTests {
    func json(_ value: some Encodable) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("an equity point has exactly seed 002's keys, a YYYYMMDD date and yuan amounts")
    func equityPointKeys() throws {
        let point = EquityPoint(tradeDate: TradingDay(yyyymmdd: 20240105)!, equity: Money(fen: 100_012_345),
                                cash: Money(fen: 12_345), positionsValue: Money(fen: 100_000_000),
                                dailyReturn: 0.01, cumulativeReturn: 0.0001, drawdown: -0.02)
        let object = try json(point)
        #expect(Set(object.keys) == ["trade_date", "equity", "cash", "positions_value", "daily_return",
                                     "cumulative_return", "drawdown"])
        #expect(object["trade_date"] as? String == "20240105")
        #expect(object["equity"] as? Double == 1_000_123.45)
        #expect(object["positions_value"] as? Double == 1_000_000)
        #expect(object["drawdown"] as? Double == -0.02)
    }

    @Test("metrics carry seed 002's keys and the additions, every key present")
    func metricsKeys() throws {
        let object = try json(BacktestMetrics())
        let seed: Set<String> = ["total_return", "annual_return", "max_drawdown", "volatility", "sharpe_ratio",
                                 "sortino_ratio", "calmar_ratio", "total_trades", "win_rate", "profit_factor",
                                 "avg_trade", "avg_win", "avg_loss", "max_win", "max_loss", "fill_rate",
                                 "limit_up_rejected", "auction_failed"]
        let added: Set<String> = ["var_95", "alpha", "beta", "information_ratio", "excess_return",
                                  "benchmark_return", "benchmark_annual_return", "limit_down_rejected",
                                  "no_cash_rejected", "max_position_rejected", "suspended_rejected",
                                  "total_orders", "filled_orders"]
        #expect(Set(object.keys) == seed.union(added))
    }

    @Test("undefined metrics encode as null, never as NaN")
    func undefinedIsNull() throws {
        var metrics = BacktestMetrics()
        metrics.sharpeRatio = .nan  // defensive: even a NaN set by hand must not reach the JSON
        metrics.totalReturn = 0.5
        let text = String(decoding: try JSONEncoder().encode(metrics), as: UTF8.self)
        #expect(text.contains("\"sharpe_ratio\":null"))
        #expect(text.contains("\"calmar_ratio\":null"))
        #expect(!text.lowercased().contains("nan"))
        let object = try json(metrics)
        #expect(object["total_return"] as? Double == 0.5)
        #expect(object["total_trades"] as? Int == 0)
    }

    @Test("a round trip and an open trip encode with snake_case keys")
    func tripKeys() throws {
        let trips = RoundTripBuilder.build(from: TradeRecords.scenario)
        let trip = try json(trips.closed[1])
        #expect(trip["stock_code"] as? String == "600000.SH")
        #expect(trip["entry_date"] as? String == "20240102")
        #expect(trip["exit_date"] as? String == "20240108")
        #expect(trip["pnl"] as? Double == 674.3)
        #expect(trip["hold_days"] as? Int == 4)
        let open = try json(trips.open[0])
        #expect(Set(open.keys) == ["stock_code", "stock_name", "entry_date", "shares", "max_shares", "cost",
                                   "realized_pnl", "entries", "exits"])
    }

    @Test("a report survives a JSON round trip with its metrics and curve intact")
    func reportRoundTrip() throws {
        let input = PerformanceInput(
            ledger: ledger(yuan: [110, 99, 121]), initialCash: Money(fen: 100_00), trades: TradeRecords.scenario,
            benchmark: BenchmarkSeries(code: "000300.SH", previousClose: 200, closes: [210, 189, 210]))
        let report = PerformanceAnalyzer.analyze(input)
        let data = try JSONEncoder().encode(report)
        let decoded = try JSONDecoder().decode(PerformanceReport.self, from: data)
        #expect(decoded.metrics == report.metrics)
        #expect(decoded.equityCurve == report.equityCurve)
        #expect(decoded.roundTrips == report.roundTrips)
        #expect(decoded.openTrips == report.openTrips)
        #expect(decoded.dailyReturns == report.dailyReturns)
        #expect(decoded.benchmarkReturns == report.benchmarkReturns)
        let object = try json(report)
        #expect(Set(object.keys) == ["metrics", "equity_curve", "round_trips", "open_trips", "daily_returns",
                                     "benchmark_returns", "benchmark_code"])
    }

    @Test("a report without benchmark encodes benchmark_returns as null")
    func noBenchmark() throws {
        let report = PerformanceAnalyzer.analyze(PerformanceInput(ledger: ledger(yuan: [110]), initialCash: Money(fen: 100_00)))
        let text = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(text.contains("\"benchmark_returns\":null"))
        let decoded = try JSONDecoder().decode(PerformanceReport.self, from: Data(text.utf8))
        #expect(decoded.benchmarkReturns == nil)
    }

    @Test("an account wiped out to zero still encodes: its infinite return becomes null")
    func wipedOutAccount() throws {
        let report = PerformanceAnalyzer.analyze(PerformanceInput(ledger: ledger(yuan: [0, 10]), initialCash: Money(fen: 100_00)))
        #expect(report.dailyReturns[0] == -1 && report.dailyReturns[1] == .infinity)
        #expect(report.metrics.maxDrawdown == -1)
        #expect(report.metrics.annualReturn == nil && report.metrics.volatility == nil && report.metrics.var95 == nil)
        let text = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(text.contains("\"daily_returns\":[-1,null]"))
    }
}
