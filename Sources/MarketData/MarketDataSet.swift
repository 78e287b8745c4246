import HuiceCore

/// Everything imported for a run: bars per stock plus the reference tables. A value: an import
/// builds a new set and either returns it whole or throws.
public struct MarketDataSet: Sendable {
    public var calendar: TradingCalendar?
    /// Bars by code.
    public var series: [StockCode: BarSeries]
    /// Instruments by code (from an instrument list); codes without one use `Instrument.inferred`.
    public var instruments: [StockCode: Instrument]
    public var adjustments: [StockCode: AdjustmentFactors]
    public var limits: PriceLimitTable
    public var suspensions: SuspensionTable

    public init(
        calendar: TradingCalendar? = nil, series: [StockCode: BarSeries] = [:],
        instruments: [StockCode: Instrument] = [:], adjustments: [StockCode: AdjustmentFactors] = [:],
        limits: PriceLimitTable = PriceLimitTable(), suspensions: SuspensionTable = SuspensionTable()
    ) {
        self.calendar = calendar
        self.series = series
        self.instruments = instruments
        self.adjustments = adjustments
        self.limits = limits
        self.suspensions = suspensions
    }

    /// Codes with bars, sorted.
    public var codes: [StockCode] { series.keys.sorted() }

    /// The instrument record for `code`: the imported one, else inferred from the code.
    public func instrument(_ code: StockCode) -> Instrument { instruments[code] ?? .inferred(code) }

    /// Total number of bars.
    public var barCount: Int { series.values.reduce(0) { $0 + $1.count } }
}
