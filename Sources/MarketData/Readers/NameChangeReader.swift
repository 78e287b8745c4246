import HuiceCore

/// Reads Tushare `namechange` (`ts_code,name,start_date,end_date,ann_date,change_reason`) into
/// ST periods: every name starting with `ST`, `*ST`, `S*ST` or `SST` marks its
/// `[start_date, end_date]` (empty end = still current). Touching or overlapping periods (ST
/// followed by *ST) are merged, so a stock has one period per continuous spell.
enum NameChangeReader {
    static func read(bytes: [UInt8], file: String, skipsInvalidRows: Bool) throws(DataImportError) -> FileContents {
        var issues = RowIssues(skipsInvalidRows: skipsInvalidRows)
        var periods: [StockCode: [SpecialTreatmentPeriod]] = [:]
        var rowCount = 0
        try bytes.withUnsafeBufferPointer { buffer throws(DataImportError) in
            var table = TableReader(buffer, file: file)
            let codeColumn = try table.require("ts_code")
            let nameColumn = try table.require("name")
            let startColumn = try table.require("start_date")
            let endColumn = try table.require("end_date")
            while table.nextRow() {
                guard let code = try issues.accept(table.code(codeColumn)),
                      let start = try issues.accept(table.day(startColumn, stock: code)),
                      let end = try issues.accept(table.optionalDay(endColumn, stock: code)) else { continue }
                if let end, end < start {
                    try issues.reject(table.problem(endColumn, stock: code, date: end,
                                                    "end_date \(end) is before start_date \(start)"))
                    continue
                }
                rowCount += 1
                if isSpecialTreatmentName(table.text(nameColumn)) {
                    periods[code, default: []].append(SpecialTreatmentPeriod(start: start, end: end))
                }
            }
        }
        var contents = FileContents(file: file, kind: .tushareNameChange)
        contents.specialTreatment = periods.mapValues(merged)
        contents.rowCount = rowCount
        contents.skippedRows = issues.skipped
        return contents
    }

    /// `ST…`, `*ST…`, `S*ST…`, `SST…` (ASCII letters in any case, after spaces).
    static func isSpecialTreatmentName(_ name: String) -> Bool {
        let upper = name.trimmingASCIIWhitespace().uppercased()
        return ["ST", "*ST", "S*ST", "SST"].contains { upper.hasPrefix($0) }
    }

    /// Sorted, with touching or overlapping periods joined.
    static func merged(_ periods: [SpecialTreatmentPeriod]) -> [SpecialTreatmentPeriod] {
        var result: [SpecialTreatmentPeriod] = []
        for period in periods.sorted(by: { $0.start < $1.start }) {
            if let last = result.last, let lastEnd = last.end, period.start <= lastEnd.adding(days: 1) {
                let end: TradingDay? = period.end.map { max($0, lastEnd) }
                result[result.count - 1].end = end
            } else if let last = result.last, last.end == nil {
                continue  // already open-ended
            } else {
                result.append(period)
            }
        }
        return result
    }
}
