import HuiceCore

/// Reads a trading calendar: one column of days (`dt`, `trade_date` or `cal_date`, as in
/// `a_trade_calendar.csv`), or Tushare `trade_cal` (`exchange,cal_date,is_open[,pretrade_date]`),
/// keeping the open days. When `trade_cal` lists several exchanges, SSE's days are used (SSE and
/// SZSE share one calendar; other exchanges' rows would only add noise).
enum CalendarReader {
    static func read(bytes: [UInt8], file: String, kind: DataFileKind, skipsInvalidRows: Bool) throws(DataImportError) -> FileContents {
        var issues = RowIssues(skipsInvalidRows: skipsInvalidRows)
        var dayField = "date"
        let entries: [(day: TradingDay, line: Int)] = try bytes.withUnsafeBufferPointer { buffer throws(DataImportError) in
            var table = TableReader(buffer, file: file)
            let dayColumn = kind == .tushareTradeCalendar ? try table.require("cal_date") : 0
            let openColumn = kind == .tushareTradeCalendar ? try table.require("is_open") : nil
            let exchangeColumn = kind == .tushareTradeCalendar ? table.optional("exchange") : nil
            dayField = table.header.names.indices.contains(dayColumn) ? table.header.names[dayColumn] : dayField
            var rows: [(day: TradingDay, line: Int, exchange: String)] = []
            while table.nextRow() {
                guard let day = try issues.accept(table.day(dayColumn)) else { continue }
                if let openColumn {
                    let flag = table.text(openColumn)
                    guard flag == "1" || flag == "0" else {
                        try issues.reject(table.problem(openColumn, date: day, "'\(flag)' is not 0 or 1"))
                        continue
                    }
                    if flag == "0" { continue }
                }
                rows.append((day, table.line, exchangeColumn.map { table.text($0).uppercased() } ?? ""))
            }
            let exchanges = Set(rows.map(\.exchange))
            if exchanges.count > 1, exchanges.contains("SSE") { rows.removeAll { $0.exchange != "SSE" } }
            return rows.map { (day: $0.day, line: $0.line) }
        }
        var days: [TradingDay] = []
        var previous: (day: TradingDay, line: Int)?
        for entry in entries.sorted(by: { ($0.day, $0.line) < ($1.day, $1.line) }) {
            if let previous, previous.day == entry.day {
                try issues.reject(DataImportError(file: file, line: entry.line, field: dayField,
                                                  date: entry.day.description,
                                                  reason: "duplicate trading day: already on line \(previous.line)"))
                continue
            }
            days.append(entry.day)
            previous = entry
        }
        var contents = FileContents(file: file, kind: kind)
        contents.calendar = TradingCalendar(ascendingDays: days)
        contents.rowCount = days.count
        contents.skippedRows = issues.skipped
        return contents
    }
}
