import Foundation
import MarketData
import Runtime

/// The parameter-search workload (issue 3's target: 1,000 combinations on one stock's 2,500 days in
/// under a second): a factor_score grid on SYM000 — weights of four technical factors on a 0.1
/// simplex (286 vectors) × two buy × two sell thresholds = 1,144 full backtests in the generic
/// profile, through the same `ParameterSearch` as `huice optimize`, factor columns computed from
/// scratch in every timed run.
enum OptimizeWorkload {
    static let search = """
    {"base": {"start_date": "2000-01-03", "end_date": "2009-07-31", "market": "generic", "initial_cash": 1000000,
              "universe": ["SYM000"], "benchmark": null, "backtest_mode": "model_validation",
              "strategy": {"type": "factor_score", "factor_weights": {"rsi": 0.25, "macd": 0.25, "ma": 0.25, "momentum": 0.25},
                           "normalization": "zscore", "normalization_window": 252}},
     "parameters": {"buy_threshold": [0.3, 0.6], "sell_threshold": [-0.3, -0.6]},
     "weights": {"factors": ["rsi", "macd", "ma", "momentum"], "step": 0.1},
     "metric": "sharpe_ratio"}
    """

    struct Outcome {
        var combinations: Int
        var bars: Int
        var seconds: Double
        var best: String
    }

    static func run(_ data: MarketDataSet) throws -> Outcome {
        let config = try ParameterSearchConfig.decode(Data(search.utf8), file: "optimize workload", baseDirectory: "/")
        let (result, seconds) = try ProcessClock.measure {
            try ParameterSearch(config, data: data, factors: nil, baseDirectory: "/").run()
        }
        let best = result.grid.best.map { trial in
            "#\(trial.index) sharpe \(String(format: "%.3f", trial.metrics.sharpeRatio ?? .nan)) "
                + trial.parameters.keys.sorted().map { "\($0)=\(trial.parameters[$0]!)" }.joined(separator: " ")
                + " weights " + (trial.weights ?? [:]).keys.sorted().map { "\($0)=\(trial.weights![$0]!)" }.joined(separator: ",")
        } ?? "-"
        let bars = data.series.values.first?.count ?? 0
        return Outcome(combinations: result.grid.trials.count, bars: bars, seconds: seconds, best: best)
    }
}
