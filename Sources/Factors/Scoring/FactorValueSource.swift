import HuiceCore
import MarketData

/// Where each factor's raw values come from in a run: the backtest mode decides between the
/// stored point-in-time values and a recomputation from the bars (seed 000 §2.1.1).
///
/// | factor kind                   | historical_simulation            | model_validation              |
/// |-------------------------------|----------------------------------|-------------------------------|
/// | bar-derived, values stored    | stored, as published             | recomputed from bars          |
/// | bar-derived, nothing stored   | recomputed from bars             | recomputed from bars          |
/// | imported only (PE, ROE, news) | stored, as published             | stored, latest revision       |
public struct FactorValueSource: Sendable {
    /// Where one factor's values for one stock came from (reported with the result).
    public enum Origin: String, Sendable, Codable, Hashable {
        case storedAsPublished = "stored_as_published"
        case storedLatestRevision = "stored_latest_revision"
        case recomputed = "recomputed_from_bars"
        /// Imported-only factor with no stored values for the stock: every value undefined.
        case missing
    }

    public let pointInTime: PointInTimeFactors?
    public let mode: BacktestMode
    /// Indicator conventions for recomputed technical factors.
    public let style: IndicatorStyle

    public init(pointInTime: PointInTimeFactors?, mode: BacktestMode, style: IndicatorStyle = .talib) {
        self.pointInTime = pointInTime
        self.mode = mode
        self.style = style
    }

    /// Where `factor`'s values for `code` come from; a nil code (bars of unknown origin) has no stored values.
    public func origin(of factor: WeightedFactor, code: StockCode?) -> Origin {
        let stored = code.map { pointInTime?.hasValues(of: factor.name, for: $0) ?? false } ?? false
        if factor.definition.source.recomputableFromBars {
            return mode == .historicalSimulation && stored ? .storedAsPublished : .recomputed
        }
        guard stored else { return .missing }
        return mode == .historicalSimulation ? .storedAsPublished : .storedLatestRevision
    }

    /// One raw value per bar of `bars` (the stock `code`), NaN where none is visible yet.
    public func rawValues(of factor: WeightedFactor, code: StockCode?, bars: BarSeriesView) -> [Double] {
        switch origin(of: factor, code: code) {
        case .recomputed:
            return TechnicalFactorValues.compute(factor, bars: bars, style: style)
        case .storedAsPublished, .storedLatestRevision:
            let vintage: FactorVintage = mode == .historicalSimulation ? .asPublished : .latestRevision
            let days = bars.times.map(\.day)
            return pointInTime!.values(of: factor.name, for: code!, on: days, vintage: vintage)
        case .missing:
            return [Double](repeating: .nan, count: bars.count)
        }
    }
}
