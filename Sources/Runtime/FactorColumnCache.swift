import Foundation
import Factors
import HuiceCore
import MarketData

/// Normalised factor columns shared by the trials of a parameter search: a trial that changes
/// only weights or thresholds reuses every column, so a trial costs one weighted sum per stock
/// plus the engine run. Columns are causal, so a column computed over more bars serves a run that
/// ends earlier (its prefix); a run that needs more bars than cached recomputes and replaces it.
final class FactorColumnCache: @unchecked Sendable {
    struct Key: Hashable {
        var code: StockCode
        var factor: String
        var parameters: [String: Double]
        var normalization: FactorNormalization
        var style: IndicatorStyle
        var mode: BacktestMode
    }

    private let lock = NSLock()
    private var columns: [Key: [Double]] = [:]

    /// The factor score of every instrument of `panel` under `indicator`'s factors and weights.
    func scores(for indicator: FactorScoreIndicator, panel: MarketPanel) -> PrecomputedIndicator {
        var values: [StockCode: [Double]] = [:]
        for instrument in 0..<panel.instrumentCount {
            let code = panel.instruments[instrument].code
            let view = panel.columns.view(of: instrument)
            var score = [Double](repeating: 0, count: view.count)
            for factor in indicator.factors where factor.weight != 0 {
                let column = self.column(factor, code: code, view: view, indicator: indicator)
                let w = factor.weight
                for i in 0..<view.count { score[i] += w * column[i] }
            }
            values[code] = score
        }
        return PrecomputedIndicator(name: indicator.name, values: values)
    }

    private func column(_ factor: WeightedFactor, code: StockCode, view: BarSeriesView,
                        indicator: FactorScoreIndicator) -> [Double] {
        let key = Key(code: code, factor: factor.name, parameters: factor.parameters, normalization: indicator.normalization,
                      style: indicator.source.style, mode: indicator.source.mode)
        lock.lock()
        if let cached = columns[key], cached.count >= view.count {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let computed = FactorColumns(factors: [factor], code: code, bars: view, source: indicator.source,
                                     normalization: indicator.normalization).values[0]
        lock.lock()
        if (columns[key]?.count ?? -1) < computed.count { columns[key] = computed }
        lock.unlock()
        return computed
    }
}
