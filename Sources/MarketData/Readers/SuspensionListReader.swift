import HuiceCore

/// Reads suspensions: Tushare `suspend_d` (`ts_code,trade_date,suspend_timing,suspend_type`),
/// keeping `S` rows (`R` marks the resumption day, which trades), or a plain `code,trade_date`
/// list of suspended days.
enum SuspensionListReader {
    static func read(bytes: [UInt8], file: String, kind: DataFileKind, skipsInvalidRows: Bool) throws(DataImportError) -> FileContents {
        var issues = RowIssues(skipsInvalidRows: skipsInvalidRows)
        var suspensions = SuspensionTable()
        var rowCount = 0
        try bytes.withUnsafeBufferPointer { buffer throws(DataImportError) in
            var table = TableReader(buffer, file: file)
            let codeColumn = try table.require("ts_code", "code")
            let dayColumn = try table.require("trade_date")
            let typeColumn = kind == .tushareSuspensions ? try table.require("suspend_type") : nil
            while table.nextRow() {
                guard let code = try issues.accept(table.code(codeColumn)),
                      let day = try issues.accept(table.day(dayColumn, stock: code)) else { continue }
                if let typeColumn {
                    let type = table.text(typeColumn).uppercased()
                    guard type == "S" || type == "R" else {
                        try issues.reject(table.problem(typeColumn, stock: code, date: day,
                                                        "'\(type)' is not a suspension type (S or R)"))
                        continue
                    }
                    rowCount += 1
                    if type == "R" { continue }
                } else {
                    rowCount += 1
                }
                suspensions.add(code, day)
            }
        }
        var contents = FileContents(file: file, kind: kind)
        contents.suspensions = suspensions
        contents.rowCount = rowCount
        contents.skippedRows = issues.skipped
        return contents
    }
}
