import HuiceCore
import MarketData
import SQLiteKit

/// Builds `BarSeries` from raw `daily_bars` rows ordered by (code, bar_time), decoding each
/// column by hand (the bulk path: no Codable, no per-row dictionary of results).
///
/// Rows arrive serially on the thread stepping the statement, before the query completes, so the
/// unsynchronised state is safe (`@unchecked Sendable`).
final class BarCollector: @unchecked Sendable {
    private var series: [StockCode: BarSeries] = [:]
    private var current: BarSeries?
    private var currentText = ""
    private var error: StorageError?

    func consume(_ row: SQLiteRow) {
        guard error == nil else { return }
        guard let text = row.column("code")?.textValue else { return fail("code", row) }
        if current == nil || text != currentText {
            guard let code = StockCode(normalizing: text) else { return fail("code", row) }
            finishCurrent()
            current = series.removeValue(forKey: code) ?? BarSeries(code: code)
            currentText = text
        }
        guard let raw = row.column("bar_time")?.int64Value, let time = BarTime(rawValue: raw) else {
            return fail("bar_time", row)
        }
        guard let open = row.column("open")?.doubleValue else { return fail("open", row) }
        guard let high = row.column("high")?.doubleValue else { return fail("high", row) }
        guard let low = row.column("low")?.doubleValue else { return fail("low", row) }
        guard let close = row.column("close")?.doubleValue else { return fail("close", row) }
        guard let volume = row.column("volume")?.int64Value else { return fail("volume", row) }
        let preClose: Price
        switch row.column("pre_close") {
        case .null?: preClose = .zero
        case let data?:
            guard let value = data.doubleValue else { return fail("pre_close", row) }
            preClose = Price(rounding: value)
        case nil: return fail("pre_close", row)
        }
        let amount: Money
        switch row.column("amount") {
        case .null?: amount = BarSeries.unknownAmount
        case let data?:
            guard let value = data.doubleValue else { return fail("amount", row) }
            amount = Money(roundingYuan: value)
        case nil: return fail("amount", row)
        }
        current!.append(time: time, open: Price(rounding: open), high: Price(rounding: high),
                        low: Price(rounding: low), close: Price(rounding: close), preClose: preClose,
                        volume: volume, amount: amount)
    }

    /// The series by code, or the first row that could not be decoded.
    func finish() throws -> [StockCode: BarSeries] {
        if let error { throw error }
        finishCurrent()
        return series
    }

    private func finishCurrent() {
        if let done = current {
            current = nil
            series[done.code] = done
        }
    }

    private func fail(_ column: String, _ row: SQLiteRow) {
        error = StorageError(table: "\(StoreTable.bars).\(column)", stock: row.column("code")?.textValue,
                             date: row.column("bar_time")?.description,
                             reason: "unreadable value in column \(column): \(row.column(column)?.description ?? "missing")")
    }
}
