import HuiceCore

/// Reads limit prices given by the data.
///
/// - Tushare `stk_limit` (`trade_date,ts_code,pre_close,up_limit,down_limit`): both sides per day;
///   `down_limit` must not exceed `up_limit`.
/// - Tushare `limit_list` (`trade_date,ts_code,…,close,…,limit`): `U` means the stock closed at its
///   up limit, so that day's up limit is the row's close; `D` likewise for the down limit. `Z`
///   (炸板, the price touched the up limit and fell back) records nothing: the close is below the
///   limit and the row does not carry the limit price itself, so any number we stored would be a
///   guess; the resolver computes that day's band from the rules instead.
enum PriceLimitListReader {
    static func read(bytes: [UInt8], file: String, kind: DataFileKind, skipsInvalidRows: Bool) throws(DataImportError) -> FileContents {
        var issues = RowIssues(skipsInvalidRows: skipsInvalidRows)
        var limits = PriceLimitTable()
        var rowCount = 0
        try bytes.withUnsafeBufferPointer { buffer throws(DataImportError) in
            var table = TableReader(buffer, file: file)
            let codeColumn = try table.require("ts_code")
            let dayColumn = try table.require("trade_date")
            if kind == .tushareStockLimits {
                let upColumn = try table.require("up_limit")
                let downColumn = try table.require("down_limit")
                while table.nextRow() {
                    guard let code = try issues.accept(table.code(codeColumn)),
                          let day = try issues.accept(table.day(dayColumn, stock: code)),
                          let up = try issues.accept(table.price(upColumn, stock: code, date: day)),
                          let down = try issues.accept(table.price(downColumn, stock: code, date: day)) else { continue }
                    guard down <= up else {
                        try issues.reject(table.problem(downColumn, stock: code, date: day,
                                                        "down_limit \(down) is above up_limit \(up)"))
                        continue
                    }
                    limits.set(code, day, up: up, down: down)
                    rowCount += 1
                }
            } else {
                let closeColumn = try table.require("close")
                let limitColumn = try table.require("limit")
                while table.nextRow() {
                    guard let code = try issues.accept(table.code(codeColumn)),
                          let day = try issues.accept(table.day(dayColumn, stock: code)) else { continue }
                    let flag = table.text(limitColumn).uppercased()
                    switch flag {
                    case "U", "D":
                        guard let close = try issues.accept(table.price(closeColumn, stock: code, date: day)) else { continue }
                        if flag == "U" { limits.set(code, day, up: close) } else { limits.set(code, day, down: close) }
                    case "Z":
                        break
                    default:
                        try issues.reject(table.problem(limitColumn, stock: code, date: day,
                                                        "'\(flag)' is not a limit flag (U, D or Z)"))
                        continue
                    }
                    rowCount += 1
                }
            }
        }
        var contents = FileContents(file: file, kind: kind)
        contents.limits = limits
        contents.rowCount = rowCount
        contents.skippedRows = issues.skipped
        return contents
    }
}
