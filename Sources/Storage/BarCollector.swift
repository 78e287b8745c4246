import HuiceCore
import MarketData
import SQLiteKit

/// Builds `BarSeries` from `daily_bars` values given in `BarCollector.columns` order, decoding
/// each by hand (the bulk path: no Codable on SQLite, no lookups by column name there).
///
/// Values arrive serially on the thread stepping the statement, before the query completes, so
/// the unsynchronised state is safe (`@unchecked Sendable`). Rows normally come in
/// (code, bar_time) order; a series that got a row out of order is sorted at the end.
final class BarCollector: @unchecked Sendable {
    static let columns = ["code", "bar_time", "open", "high", "low", "close", "pre_close", "volume", "amount"]

    private var series: [StockCode: BarSeries] = [:]
    private var current = BarSeries(code: StockCode(symbol: "-", exchange: .other))
    private var currentText: String?
    private var unordered: Set<StockCode> = []
    private var error: StorageError?

    /// One bar as SQLite hands it to the collecting function: the values in `columns` order.
    func consume(_ values: [SQLiteData]) {
        guard error == nil else { return }
        guard values.count == Self.columns.count else { return fail(0, PositionalBarValues(values: values)) }
        consume(PositionalBarValues(values: values))
    }

    /// One bar as a row with the `columns` names (other engines).
    func consume(_ row: any StoreRow) {
        consume(NamedBarValues(row: row))
    }

    private func consume(_ values: some BarValues) {
        guard error == nil else { return }
        guard let text = values.text(0) else { return fail(0, values) }
        if text != currentText {
            guard let code = StockCode(normalizing: text) else { return fail(0, values) }
            finishCurrent()
            current = series.removeValue(forKey: code) ?? BarSeries(code: code)
            currentText = text
        }
        guard let raw = values.int64(1), let time = BarTime(rawValue: raw) else { return fail(1, values) }
        guard let open = values.double(2) else { return fail(2, values) }
        guard let high = values.double(3) else { return fail(3, values) }
        guard let low = values.double(4) else { return fail(4, values) }
        guard let close = values.double(5) else { return fail(5, values) }
        let preClose: Price
        if values.isNull(6) {
            preClose = .zero
        } else {
            guard let value = values.double(6) else { return fail(6, values) }
            preClose = Price(rounding: value)
        }
        guard let volume = values.int64(7) else { return fail(7, values) }
        let amount: Money
        if values.isNull(8) {
            amount = BarSeries.unknownAmount
        } else {
            guard let value = values.double(8) else { return fail(8, values) }
            amount = Money(roundingYuan: value)
        }
        if let last = current.lastTime, time <= last { unordered.insert(current.code) }
        current.append(time: time, open: Price(rounding: open), high: Price(rounding: high),
                       low: Price(rounding: low), close: Price(rounding: close), preClose: preClose,
                       volume: volume, amount: amount)
    }

    /// The series by code, each ascending by time, or the first value that could not be decoded.
    func finish() throws -> [StockCode: BarSeries] {
        if let error { throw error }
        finishCurrent()
        for code in unordered {
            let bars = series[code]!
            series[code] = bars.keeping((0..<bars.count).sorted { bars.times[$0] < bars.times[$1] })
        }
        return series
    }

    private func finishCurrent() {
        guard currentText != nil else { return }
        series[current.code] = current
        current = BarSeries(code: current.code)
        currentText = nil
    }

    private func fail(_ column: Int, _ values: some BarValues) {
        let name = column < Self.columns.count ? Self.columns[column] : "?"
        error = StorageError(table: "\(StoreTable.bars).\(name)", stock: values.text(0),
                             date: values.int64(1).map(String.init),
                             reason: "unreadable value: \(values.valueDescription(column))")
    }
}

/// A bar's values by position in `BarCollector.columns`.
private protocol BarValues {
    func text(_ index: Int) -> String?
    func int64(_ index: Int) -> Int64?
    func double(_ index: Int) -> Double?
    func isNull(_ index: Int) -> Bool
    func valueDescription(_ index: Int) -> String
}

/// SQLite's values, already in column order.
private struct PositionalBarValues: BarValues {
    let values: [SQLiteData]

    @inline(__always) func text(_ index: Int) -> String? { index < values.count ? values[index].textValue : nil }
    @inline(__always) func int64(_ index: Int) -> Int64? { index < values.count ? values[index].int64Value : nil }
    @inline(__always) func double(_ index: Int) -> Double? { index < values.count ? values[index].doubleValue : nil }
    @inline(__always) func isNull(_ index: Int) -> Bool { index < values.count ? values[index].isNull : true }
    func valueDescription(_ index: Int) -> String { index < values.count ? values[index].description : "missing" }
}

/// A row read by the column names.
private struct NamedBarValues: BarValues {
    let row: any StoreRow

    func text(_ index: Int) -> String? { row.text(BarCollector.columns[index]) }
    func int64(_ index: Int) -> Int64? { row.int64(BarCollector.columns[index]) }
    func double(_ index: Int) -> Double? { row.double(BarCollector.columns[index]) }
    func isNull(_ index: Int) -> Bool { row.isNull(BarCollector.columns[index]) }
    func valueDescription(_ index: Int) -> String { row.valueDescription(BarCollector.columns[index]) }
}
