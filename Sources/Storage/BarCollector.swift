import HuiceCore
import MarketData
import SQLiteKit

/// Builds `BarSeries` from `daily_bars` values given positionally in `BarCollector.columns`
/// order, decoding each by hand (the bulk path: no Codable, no lookups by column name).
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

    func consume(_ values: [SQLiteData]) {
        guard error == nil else { return }
        guard values.count == Self.columns.count, let text = values[0].textValue else { return fail(0, values) }
        if text != currentText {
            guard let code = StockCode(normalizing: text) else { return fail(0, values) }
            finishCurrent()
            current = series.removeValue(forKey: code) ?? BarSeries(code: code)
            currentText = text
        }
        guard let raw = values[1].int64Value, let time = BarTime(rawValue: raw) else { return fail(1, values) }
        guard let open = values[2].doubleValue else { return fail(2, values) }
        guard let high = values[3].doubleValue else { return fail(3, values) }
        guard let low = values[4].doubleValue else { return fail(4, values) }
        guard let close = values[5].doubleValue else { return fail(5, values) }
        let preClose: Price
        if values[6].isNull {
            preClose = .zero
        } else {
            guard let value = values[6].doubleValue else { return fail(6, values) }
            preClose = Price(rounding: value)
        }
        guard let volume = values[7].int64Value else { return fail(7, values) }
        let amount: Money
        if values[8].isNull {
            amount = BarSeries.unknownAmount
        } else {
            guard let value = values[8].doubleValue else { return fail(8, values) }
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

    private func fail(_ column: Int, _ values: [SQLiteData]) {
        let name = column < Self.columns.count ? Self.columns[column] : "?"
        error = StorageError(table: "\(StoreTable.bars).\(name)", stock: values.first?.textValue,
                             date: values.count > 1 ? values[1].description : nil,
                             reason: "unreadable value: \(column < values.count ? values[column].description : "missing")")
    }
}
