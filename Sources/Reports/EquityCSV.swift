import Analysis
import Foundation

/// The equity curve of a report as CSV: one row per session, with the columns of
/// `ReportColumn.equity` (the JSON keys) as header.
public struct EquityCSV: Sendable {
    public var equityCurve: [EquityPoint]

    public init(equityCurve: [EquityPoint]) {
        self.equityCurve = equityCurve
    }

    public var document: CSVDocument { CSVDocument(columns: ReportColumn.equity, rows: equityCurve) }

    public func data(options: CSVDocument.Options = CSVDocument.Options()) -> Data {
        document.data(options: options)
    }
}
