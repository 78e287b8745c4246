/// A named column of a report table and how a row fills it. The trade, equity and risk-event
/// tables are defined once as column lists (`ReportColumn+Trades.swift`, …) and both the CSV and
/// the workbook render from them, so the two exports cannot drift apart.
public struct ReportColumn<Row>: Sendable {
    /// The header: the JSON result's snake_case key.
    public let name: String
    public let value: @Sendable (Row) -> ReportValue

    public init(_ name: String, _ value: @escaping @Sendable (Row) -> ReportValue) {
        self.name = name
        self.value = value
    }
}

extension Array {
    /// The header row and one row of values per element.
    func table<Row>(of rows: [Row]) -> (header: [String], rows: [[ReportValue]]) where Element == ReportColumn<Row> {
        (map(\.name), rows.map { row in map { $0.value(row) } })
    }
}
