import HuiceCore

/// A finished series and where it came from.
struct SourcedSeries: Sendable {
    var series: BarSeries
    var lines: [Int32]
    var file: String
    /// Multi-stock files name the stock in row errors; per-stock files need not.
    var namesStockInErrors: Bool
    /// The column name of the date, for errors found after reading (the calendar check).
    var dateField: String
}
