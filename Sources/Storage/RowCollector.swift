import HuiceCore

/// Accumulates decoded rows of one query into `value`.
///
/// The engines call the row handler serially and complete the query only after the last call
/// (see `RowReader`), so the unsynchronised state is safe (`@unchecked Sendable`). The first
/// decoding error is kept and later rows are skipped.
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

    func consume(_ row: any StoreRow, _ decode: (RowCollector<Result>, any StoreRow) throws -> Void) {
        guard error == nil else { return }
        do { try decode(self, row) } catch { self.error = error }
    }

    /// The result, or the first decoding error.
    func result() throws -> Result {
        if let error { throw error }
        return value
    }

    /// The row's `code` (or `column`), parsed once per run of equal codes (rows come ordered by code).
    func code(_ row: any StoreRow, _ column: String = "code") throws -> StockCode {
        guard let text = row.text(column) else { throw failure(column, row) }
        if let lastCode, text == lastCodeText { return lastCode }
        guard let code = StockCode(normalizing: text) else { throw failure(column, row) }
        lastCodeText = text
        lastCode = code
        return code
    }

    func day(_ row: any StoreRow, _ column: String) throws -> TradingDay {
        guard let value = row.int64(column), let day = TradingDay(yyyymmdd: Int32(clamping: value)) else {
            throw failure(column, row)
        }
        return day
    }

    func optionalDay(_ row: any StoreRow, _ column: String) throws -> TradingDay? {
        row.isNull(column) ? nil : try day(row, column)
    }

    func text(_ row: any StoreRow, _ column: String) throws -> String {
        guard let value = row.text(column) else { throw failure(column, row) }
        return value
    }

    func double(_ row: any StoreRow, _ column: String) throws -> Double {
        guard let value = row.double(column), value.isFinite else { throw failure(column, row) }
        return value
    }

    /// A nullable price column: NULL → nil, yuan → `Price(rounding:)`.
    func optionalPrice(_ row: any StoreRow, _ column: String) throws -> Price? {
        row.isNull(column) ? nil : Price(rounding: try double(row, column))
    }

    func failure(_ column: String, _ row: any StoreRow) -> StorageError {
        StorageError(table: "\(table).\(column)", stock: row.text("code") ?? row.text("stock_code"),
                     reason: "unreadable value in column \(column): \(row.valueDescription(column))")
    }
}
