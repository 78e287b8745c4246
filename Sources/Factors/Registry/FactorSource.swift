/// Where a factor's values come from and whether Huice can recompute them from bars.
public struct FactorSource: Sendable, Hashable, Codable {
    /// Column names that carry the factor in imported CSV files, in order of preference (Tushare
    /// `daily_basic` / `fina_indicator` names first). Empty for purely technical factors.
    public let importColumns: [String]
    /// True when the current definition can be recomputed from the stock's bars (every technical
    /// factor, and bar-derived market factors such as volume_ratio). model_validation mode uses the
    /// recomputation; historical_simulation uses stored values when there are any.
    public let recomputableFromBars: Bool

    public init(importColumns: [String], recomputableFromBars: Bool) {
        self.importColumns = importColumns
        self.recomputableFromBars = recomputableFromBars
    }

    public static let bars = FactorSource(importColumns: [], recomputableFromBars: true)
    public static func imported(_ columns: String...) -> FactorSource {
        FactorSource(importColumns: columns, recomputableFromBars: false)
    }
}
