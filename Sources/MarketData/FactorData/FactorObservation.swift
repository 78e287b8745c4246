import HuiceCore

/// One imported factor value: what a stock's factor was for a day or report period, and from which
/// day a decision may use it.
///
/// `observed` is the day the value describes (the trade date of a `daily_basic` row, the period end
/// of a financial report); `published` is the first day whose decision (made after that day's close)
/// may see it. A value is never visible before `published`. A restated report is a second
/// observation with the same `observed` and a later `published` (a new vintage); both are kept.
public struct FactorObservation: Sendable, Hashable {
    public var code: StockCode
    /// The canonical registry name (`pe_ratio`, not `pe` or `pe_ttm`).
    public var factor: String
    /// Trade date, or the end of the report period.
    public var observed: TradingDay
    /// First day a decision may use the value (never before `observed`).
    public var published: TradingDay
    public var value: Double

    public init(code: StockCode, factor: String, observed: TradingDay, published: TradingDay, value: Double) {
        self.code = code
        self.factor = factor
        self.observed = observed
        self.published = published
        self.value = value
    }

    /// The identity of an observation: one value per (code, factor, observed, published).
    public var key: Key { Key(code: code, factor: factor, observed: observed, published: published) }

    /// The storage key of an observation (the primary key of the store's `factor_values`).
    public struct Key: Sendable, Hashable {
        public var code: StockCode
        public var factor: String
        public var observed: TradingDay
        public var published: TradingDay
    }
}
