import HuiceCore
import SQLiteKit

/// Accumulates decoded rows of one query into `value`.
///
/// SQLiteNIO calls the row handler serially on the thread that steps the statement and
/// completes the query only after the last call, so the unsynchronised state is safe
/// (`@unchecked Sendable`). The first decoding error is kept and later rows are skipped.
final class RowCollector<Result>: @unchecked Sendable {
    let table: String
    var value: Result
    private var error: (any Error)?
    private var lastCodeText = ""
    private var lastCode: StockCode?

    init(table: String, _ initial: Result) {
        self.table = table
        value = initial
    }

    func consume(_ row: SQLiteRow, _ decode: (RowCollector<Result>, SQLiteRow) throws -> Void) {
        guard error == nil else { return }
        do { try decode(self, row) } catch { self.error = error }
    }

    /// The result, or the first decoding error.
    func result() throws -> Result {
        if let error { throw error }
        return value
    }

    /// The row's `code` (or `column`), parsed once per run of equal codes (rows come ordered by code).
    func code(_ row: SQLiteRow, _ column: String = "code") throws -> StockCode {
        guard let text = row.column(column)?.textValue else { throw failure(column, row) }
        if let lastCode, text == lastCodeText { return lastCode }
        guard let code = StockCode(normalizing: text) else { throw failure(column, row) }
        lastCodeText = text
        lastCode = code
        return code
    }

    func day(_ row: SQLiteRow, _ column: String) throws -> TradingDay {
        guard let value = row.column(column)?.int64Value, let day = TradingDay(yyyymmdd: Int32(clamping: value)) else {
            throw failure(column, row)
        }
        return day
    }

    func optionalDay(_ row: SQLiteRow, _ column: String) throws -> TradingDay? {
        guard let data = row.column(column), !data.isNull else { return nil }
        return try day(row, column)
    }

    func text(_ row: SQLiteRow, _ column: String) throws -> String {
        guard let value = row.column(column)?.textValue else { throw failure(column, row) }
        return value
    }

    func double(_ row: SQLiteRow, _ column: String) throws -> Double {
        guard let value = row.column(column)?.doubleValue, value.isFinite else { throw failure(column, row) }
        return value
    }

    /// A nullable price column: NULL → nil, yuan → `Price(rounding:)`.
    func optionalPrice(_ row: SQLiteRow, _ column: String) throws -> Price? {
        guard let data = row.column(column), !data.isNull else { return nil }
        return Price(rounding: try double(row, column))
    }

    func failure(_ column: String, _ row: SQLiteRow) -> StorageError {
        StorageError(table: "\(table).\(column)", stock: (row.column("code") ?? row.column("stock_code"))?.textValue,
                     reason: "unreadable value in column \(column): \(row.column(column)?.description ?? "missing")")
    }
}
