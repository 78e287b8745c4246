import Foundation
import HuiceCore

/// The trade records of a report as CSV: one row per order attempt, in record order, with the
/// columns of `ReportColumn.trades` (the JSON keys) as header.
public struct TradesCSV: Sendable {
    public var trades: [BacktestTrade]

    public init(trades: [BacktestTrade]) {
        self.trades = trades
    }

    public var document: CSVDocument { CSVDocument(columns: ReportColumn.trades, rows: trades) }

    public func data(options: CSVDocument.Options = CSVDocument.Options()) -> Data {
        document.data(options: options)
    }
}
