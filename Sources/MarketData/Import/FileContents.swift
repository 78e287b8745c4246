import HuiceCore

/// What one file contributed to an import, before the files are merged into a `MarketDataSet`.
struct FileContents: Sendable {
    var file: String
    var kind: DataFileKind
    var series: [SourcedSeries] = []
    var calendar: TradingCalendar?
    /// From `stock_basic` or our instrument list.
    var instruments: [Instrument] = []
    /// From `namechange`: ST periods to attach to instruments.
    var specialTreatment: [StockCode: [SpecialTreatmentPeriod]] = [:]
    var adjustments: [AdjustmentFactors] = []
    var limits = PriceLimitTable()
    var suspensions = SuspensionTable()
    var skippedRows: [DataImportError] = []
    /// Rows or records kept.
    var rowCount = 0

    init(file: String, kind: DataFileKind) {
        self.file = file
        self.kind = kind
    }
}
