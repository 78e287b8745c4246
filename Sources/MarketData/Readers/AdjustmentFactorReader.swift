import HuiceCore

/// Reads Tushare `adj_factor` (`ts_code,trade_date,adj_factor`): rows in any order, sorted per
/// stock; a repeated day for one stock is an error, as is a factor that is not a positive number.
enum AdjustmentFactorReader {
    static func read(bytes: [UInt8], file: String, skipsInvalidRows: Bool) throws(DataImportError) -> FileContents {
        var issues = RowIssues(skipsInvalidRows: skipsInvalidRows)
        var rows: [StockCode: [(day: TradingDay, factor: Double, line: Int)]] = [:]
        try bytes.withUnsafeBufferPointer { buffer throws(DataImportError) in
            var table = TableReader(buffer, file: file)
            let codeColumn = try table.require("ts_code")
            let dayColumn = try table.require("trade_date")
            let factorColumn = try table.require("adj_factor")
            while table.nextRow() {
                guard let code = try issues.accept(table.code(codeColumn)),
                      let day = try issues.accept(table.day(dayColumn, stock: code)) else { continue }
                let cell = table.cell(factorColumn)
                // Not Double(String) on any text: "nan" and "inf" parse there, and must not here.
                guard FixedPointParser.parse(cell, scale: 0) != nil,
                      let factor = Double(String(decoding: cell, as: UTF8.self)), factor.isFinite, factor > 0 else {
                    try issues.reject(table.problem(factorColumn, stock: code, date: day,
                                                    "\(ByteText.quoted(cell)) is not a positive number"))
                    continue
                }
                rows[code, default: []].append((day, factor, table.line))
            }
        }
        var contents = FileContents(file: file, kind: .tushareAdjustmentFactors)
        for code in rows.keys.sorted() {
            var factors = AdjustmentFactors(code: code)
            var previous: (day: TradingDay, factor: Double, line: Int)?
            for row in rows[code]!.sorted(by: { ($0.day, $0.line) < ($1.day, $1.line) }) {
                if let previous, previous.day == row.day {
                    try issues.reject(DataImportError(file: file, line: row.line, field: "trade_date", stock: code.description,
                                                      date: row.day.description,
                                                      reason: "duplicate date: already on line \(previous.line)"))
                    continue
                }
                factors.append(row.day, row.factor)
                previous = row
            }
            contents.adjustments.append(factors)
            contents.rowCount += factors.count
        }
        contents.skippedRows = issues.skipped
        return contents
    }
}
