import Testing
import Foundation
import HuiceCore
import MarketData
import Factors
@testable import Runtime

/// Factor-strategy runs on the bundled real sample data.
@Suite("Factor backtests on the sample data")
struct FactorBacktestTests {
    static let sample: MarketDataSet = {
        try! MarketDataImporter().importDirectory(at: SampleDataSet.dataDirectory).data
    }()

    func config(_ json: String) throws -> EffectiveConfig {
        try EffectiveConfig(BacktestConfig.decode(Data(json.utf8), file: "test.json"))
    }

    static let base = """
    "start_date": "2013-01-04", "end_date": "2017-07-14", "initial_cash": 1000000, "universe": ["600036.SH"],
    "max_position_pct": 1, "max_holding_days": null, "stop_loss_pct": null, "take_profit_pct": null
    """

    @Test("a parameter-search trial equals the same config run on its own, to the fen and in every metric")
    func searchTrialEqualsStandaloneRun() throws {
        let json = """
        {"base": {\(Self.base), "strategy": {"type": "factor_score", "factor_weights": {"rsi": 0.5, "ma": 0.5}}},
         "parameters": {"buy_threshold": [0.3, 0.6]}, "weights": {"factors": ["rsi", "macd", "ma"], "step": 0.5}}
        """
        let search = try ParameterSearchConfig.decode(Data(json.utf8), file: "s.json", baseDirectory: "/")
        let result = try ParameterSearch(search, data: Self.sample, factors: nil, baseDirectory: "/").run()
        #expect(result.grid.trials.count == 12)
        for trial in result.grid.trials where [0, 4, 7, 11].contains(trial.index) {
            let combination = search.grid.combinations()[trial.index]
            let standalone = try BacktestRunner.run(
                try config(String(decoding: try search.document(for: combination).encoded(), as: UTF8.self)),
                data: Self.sample, baseDirectory: "/")
            #expect(standalone.finalValue == trial.finalValue)
            #expect(standalone.metrics == trial.metrics)
        }
    }

    @Test("the same search twice gives byte-identical JSON (parallel trials, deterministic order)")
    func searchIsDeterministic() throws {
        let json = """
        {"base": {\(Self.base), "strategy": {"type": "factor_score", "factor_weights": {"rsi": 1}}},
         "parameters": {"buy_threshold": [0.2, 0.5, 0.8], "factor_params.rsi.period": [6, 14]}, "metric": "total_return"}
        """
        let search = try ParameterSearchConfig.decode(Data(json.utf8), file: "s.json", baseDirectory: "/")
        let first = try ParameterSearch(search, data: Self.sample, factors: nil, baseDirectory: "/").run().jsonDocument()
        let second = try ParameterSearch(search, data: Self.sample, factors: nil, baseDirectory: "/").run().jsonDocument()
        #expect(first == second)
    }

    @Test("walk-forward folds tile the range by step, and each fold's test window follows its training window")
    func walkForwardFolds() throws {
        let json = """
        {"base": {\(Self.base), "strategy": {"type": "factor_score", "factor_weights": {"ma": 1}}},
         "parameters": {"buy_threshold": [0.3, 0.6]}, "walk_forward": {"train_days": 250, "test_days": 100}}
        """
        let search = try ParameterSearchConfig.decode(Data(json.utf8), file: "s.json", baseDirectory: "/")
        let result = try ParameterSearch(search, data: Self.sample, factors: nil, baseDirectory: "/").run()
        let wf = try #require(result.walkForward)
        let calendar = try #require(Self.sample.calendar)
        let days = Array(calendar.days(in: TradingDay(yyyymmdd: 20130104)!...TradingDay(yyyymmdd: 20170714)!))
        #expect(wf.folds.count == (days.count - 250 - 100) / 100 + 1)
        for (k, fold) in wf.folds.enumerated() {
            #expect(fold.trainStart == days[k * 100])
            #expect(fold.trainEnd == days[k * 100 + 249])
            #expect(fold.testStart == days[k * 100 + 250])
            #expect(fold.testEnd == days[k * 100 + 349])
        }
        let compounded = wf.folds.reduce(1.0) { $0 * (1 + ($1.testMetrics.totalReturn ?? 0)) } - 1
        #expect(abs(compounded - (wf.outOfSampleCompoundedReturn ?? .nan)) < 1e-12)
    }

    @Test("per_stock runs one backtest per stock, each equal to a run with that stock alone")
    func perStockEqualsSingleRuns() throws {
        let json = """
        {"start_date": "2013-01-04", "end_date": "2017-07-14", "universe": ["600036.SH", "002594.SZ"],
         "strategy": {"type": "factor_score", "factor_weights": {"rsi": 0.5, "macd": 0.5}}}
        """
        let batch = try PerStockBacktest.run(try config(json), data: Self.sample, baseDirectory: "/")
        #expect(batch.summary.map(\.stockCode) == ["002594.SZ", "600036.SH"])
        var single = try config(json)
        single.universe = [StockCode(normalizing: "600036.SH")!]
        let alone = try BacktestRunner.run(single, data: Self.sample, baseDirectory: "/")
        #expect(batch.results[1].finalValue == alone.finalValue)
        #expect(batch.results[1].trades == alone.trades)
    }

    @Test("factor_score config errors name the field")
    func configErrors() {
        func error(_ strategy: String) -> String {
            do { _ = try config(#"{"start_date": "2013-01-04", "end_date": "2013-12-31", "strategy": \#(strategy)}"#); return "no error" }
            catch { return "\(error)" }
        }
        #expect(error(#"{"type": "factor_score", "factor_weights": {"rsi": 0.5, "macd": 0.4}}"#).contains("sum to 0.9"))
        #expect(error(#"{"type": "factor_score", "factor_weights": {"rsx": 1}}"#).contains("unknown factor 'rsx'"))
        #expect(error(#"{"type": "factor_score", "factor_weights": {"rsi": 1}, "factor_params": {"rsi": {"period": 1}}}"#).contains("strategy.factor_params.rsi"))
        #expect(error(#"{"type": "factor_score", "factor_weights": {"rsi": 1}, "sell_threshold": 0.9}"#).contains("strategy.sell_threshold"))
        #expect(error(#"{"type": "factor_score"}"#).contains("factor_config_id"))
        #expect(error(#"{"type": "factor_score", "factor_weights": {"rsi": 1}, "normalization": "minmax"}"#).contains("zscore"))
        #expect(error(#"{"type": "factor_score", "factor_weights": {"rsi": 1}, "treshold": 1}"#).contains("treshold"))
    }
}
