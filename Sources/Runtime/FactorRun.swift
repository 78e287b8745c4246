import Factors
import HuiceCore
import MarketData
import Strategies

/// The factor strategy of one run, assembled from its spec, the backtest mode and the stored
/// factor values: the score indicator, the strategy, and notes saying where each factor's values
/// came from.
struct FactorRun {
    let spec: FactorStrategySpec
    let indicator: FactorScoreIndicator

    init(spec: FactorStrategySpec, mode: BacktestMode, factors: FactorDataSet?, universe: [StockCode]) throws(ConfigError) {
        self.spec = spec
        if spec.selection == .perStock && universe.count > 1 {
            throw ConfigError(field: "strategy.selection", reason: "per_stock runs one backtest per stock: "
                + "run the \(universe.count) stocks with `huice backtest` (it splits them) or choose \"portfolio\"")
        }
        let source = FactorValueSource(pointInTime: factors.map { PointInTimeFactors($0) }, mode: mode, style: spec.indicatorStyle)
        indicator = FactorScoreIndicator(factors: try spec.weightedFactors(), normalization: spec.normalization, source: source)
    }

    func strategy<Score: SeriesIndicator>(score: Score) -> FactorScoreStrategy<Score> {
        FactorScoreStrategy(score: score, buyThreshold: spec.buyThreshold, sellThreshold: spec.sellThreshold,
                            sizing: spec.sizing == .shares ? .shares(spec.shares) : .percentOfEquity(spec.positionPct),
                            selection: spec.selection == .portfolio ? .topN(spec.topN) : .everyStock)
    }

    /// One line per factor: where its values come from for the universe's stocks.
    func notes(universe: [StockCode]) -> [String] {
        indicator.factors.map { factor in
            var byOrigin: [FactorValueSource.Origin: [StockCode]] = [:]
            for code in universe { byOrigin[indicator.source.origin(of: factor, code: code), default: []].append(code) }
            let parts = byOrigin.keys.sorted { $0.rawValue < $1.rawValue }.map { origin in
                let codes = byOrigin[origin]!
                return codes.count == universe.count ? origin.rawValue
                    : "\(origin.rawValue) for \(codes.map(\.description).joined(separator: ", "))"
            }
            let missing = byOrigin[.missing] != nil ? " — no stored values: the score is undefined where they are missing" : ""
            return "factor \(factor.name) (\(indicator.source.mode.rawValue)): \(parts.joined(separator: "; "))\(missing)"
        }
    }
}
