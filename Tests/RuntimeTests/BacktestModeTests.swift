import Testing
import Foundation
import HuiceCore
import MarketData
import Factors
import TestSupport
@testable import Runtime

/// Seed 000's two modes on a hand-made market: flat prices (so every bar-derived factor is flat)
/// and stored factor values that say otherwise.
@Suite("Backtest modes: historical_simulation vs model_validation")
struct BacktestModeTests {
    static let code = "600000.SH"

    func market(days: Int = 12) -> MarketFixture {
        var market = MarketFixture(count: days)
        market.add(Self.code, bars: Array(repeating: .flat("10.00"), count: days))
        return market
    }

    func observation(_ market: MarketFixture, _ factor: String, observed: Int, published: Int, _ value: Double) -> FactorObservation {
        FactorObservation(code: StockCode(normalizing: Self.code)!, factor: factor, observed: market.days[observed],
                          published: market.days[published], value: value)
    }

    func run(_ market: MarketFixture, factors: FactorDataSet, weights: String, mode: String) throws -> [BacktestTrade] {
        let json = """
        {"start_date": "\(market.days.first!)", "end_date": "\(market.days.last!)", "backtest_mode": "\(mode)",
         "benchmark": null, "max_position_pct": 1, "max_holding_days": null, "stop_loss_pct": null, "take_profit_pct": null,
         "min_fill_probability": 0,
         "strategy": {"type": "factor_score", "factor_weights": \(weights), "normalization": "raw"}}
        """
        let config = try EffectiveConfig(BacktestConfig.decode(Data(json.utf8), file: "t.json"))
        return try BacktestRunner.run(config, data: market.data, factors: factors, baseDirectory: "/").trades.filter { $0.status == .filled }
    }

    @Test("stored technical values drive historical_simulation; model_validation recomputes them from the bars")
    func storedVersusRecomputedTechnical() throws {
        let m = market()
        // An old model stored momentum values: +1 after day 2's close, −1 after day 6's.
        let stored = FactorDataSet(observations: [observation(m, "momentum", observed: 2, published: 2, 1),
                                                  observation(m, "momentum", observed: 6, published: 6, -1)])
        let historical = try run(m, factors: stored, weights: #"{"momentum": 1}"#, mode: "historical_simulation")
        #expect(historical.map(\.direction) == [.buy, .sell])
        #expect(historical.map(\.executeDate) == [m.days[3], m.days[7]])
        // Recomputed on flat prices, momentum is 0 every day: no trade.
        let validation = try run(m, factors: stored, weights: #"{"momentum": 1}"#, mode: "model_validation")
        #expect(validation.isEmpty)
    }

    @Test("a value is used from its publish day's close, never before: a report for day 0 announced on day 4 buys on day 5")
    func noLookAhead() throws {
        let m = market()
        let stored = FactorDataSet(observations: [observation(m, "roe", observed: 0, published: 4, 15)])
        let trades = try run(m, factors: stored, weights: #"{"roe": 1}"#, mode: "historical_simulation")
        #expect(trades.map(\.executeDate) == [m.days[5]])
        #expect(trades.first?.signalScore == 15)
    }

    @Test("historical_simulation sees a restatement only when it is published; model_validation uses it from the first publication")
    func restatements() throws {
        let m = market()
        // ROE for period 0: first published on day 1 as +1, restated on day 5 as −1.
        let stored = FactorDataSet(observations: [observation(m, "roe", observed: 0, published: 1, 1),
                                                  observation(m, "roe", observed: 0, published: 5, -1)])
        let historical = try run(m, factors: stored, weights: #"{"roe": 1}"#, mode: "historical_simulation")
        #expect(historical.map(\.direction) == [.buy, .sell])
        #expect(historical.map(\.executeDate) == [m.days[2], m.days[6]])
        let validation = try run(m, factors: stored, weights: #"{"roe": 1}"#, mode: "model_validation")
        #expect(validation.isEmpty)
    }

    @Test("the sample data runs in both modes with different results, and the notes say where each factor came from")
    func sampleDataBothModes() throws {
        let data = try MarketDataImporter().importDirectory(at: SampleDataSet.dataDirectory).data
        let factors = try FactorDataImporter.importFiles(SampleDataSet.factorFiles)
        func result(_ mode: String) throws -> BacktestResult {
            let json = """
            {"start_date": "2013-01-04", "end_date": "2017-07-14", "universe": ["002594.SZ"], "backtest_mode": "\(mode)",
             "max_position_pct": 1, "max_holding_days": null, "stop_loss_pct": null, "take_profit_pct": null,
             "strategy": {"type": "factor_score", "factor_weights": {"rsi": 0.3, "pe_ratio": 0.2, "roe": 0.5}}}
            """
            return try BacktestRunner.run(try EffectiveConfig(BacktestConfig.decode(Data(json.utf8), file: "t.json")),
                                          data: data, factors: factors, baseDirectory: "/")
        }
        let historical = try result("historical_simulation"), validation = try result("model_validation")
        #expect(historical.notes.contains { $0.contains("roe (historical_simulation): stored_as_published") })
        #expect(historical.notes.contains { $0.contains("rsi (historical_simulation): stored_as_published") })
        #expect(validation.notes.contains { $0.contains("roe (model_validation): stored_latest_revision") })
        #expect(validation.notes.contains { $0.contains("rsi (model_validation): recomputed_from_bars") })
        #expect(!historical.trades.isEmpty && !validation.trades.isEmpty)
        // The stored RSI (6 days, an older model) and the recomputed RSI (14 days) trade differently.
        #expect(historical.finalValue != validation.finalValue)
        #expect(historical.trades.map(\.executeDate) != validation.trades.map(\.executeDate))
    }
}
