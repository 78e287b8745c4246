import HuiceCore

/// Reads bar rows from delimited text: Tushare `daily`, akshare `stock_zh_a_hist`, plain/abupy
/// CSVs and 通达信 text exports, each described by a `BarColumnLayout`.
///
/// 通达信 exports are GBK-encoded and forward-adjusted (前复权): the title line is never decoded
/// (the code comes from the file name or the title's first token, which is ASCII), the header
/// line is skipped, and the `数据来源:通达信` trailer ends the data. Their prices are adjusted,
/// not what traded.
///
/// The file is parsed as bytes: fields are byte ranges and numbers go straight from the bytes to
/// fixed point (`DecimalBytes`), and rows land in preallocated columns (`RowColumns`), so a row
/// costs no allocation. Each row is checked with
/// `BarValidator` as it is read; order is checked per stock as rows arrive (or after sorting,
/// for Tushare files, whose rows come newest first).
enum BarCSVReader {
    static func read(bytes: [UInt8], file: String, kind: DataFileKind, skipsInvalidRows: Bool) throws(DataImportError) -> FileContents {
        var issues = RowIssues(skipsInvalidRows: skipsInvalidRows)
        var contents = FileContents(file: file, kind: kind)
        // Per stock: code, bars, source lines; plus the date column's name and whether the file
        // names its stocks in a column (then messages name the stock too).
        let (parsed, dateField, namesStock) = try bytes.withUnsafeBufferPointer {
            buffer throws(DataImportError) -> ([(StockCode, BarSeries, [Int32])], String, Bool) in
            let start = ByteText.bodyStart(buffer)
            if kind == .tdxExport {
                // 通达信 exports data lines with commas or tabs, as the user chose; the first data
                // line (line 3) tells which.
                var lineScanner = FieldScanner(bytes: buffer, start: start)
                lineScanner.skipLines(2)
                let separator = DataFileDetector.separator(of: buffer, from: lineScanner.position)
                var scanner = FieldScanner(bytes: buffer, separator: separator, start: start)
                let code = try tdxExportCode(buffer, start: start, file: file)
                scanner.skipLines(2)
                let parsed = try readRows(&scanner, layout: .tdxExport, fixedCode: code, file: file,
                                          stopsAtTrailer: true, issues: &issues)
                return (parsed, "date", false)
            }
            var scanner = FieldScanner(bytes: buffer, separator: DataFileDetector.separator(of: buffer), start: start)
            guard scanner.nextLine() else { return ([], "date", false) }
            let layout = try BarColumnLayout.make(kind: kind, header: CSVHeader(scanner), file: file)
            let code = layout.code == nil ? try FileNameCode.requireCode(fromFileName: file) : nil
            let parsed = try readRows(&scanner, layout: layout, fixedCode: code, file: file,
                                      stopsAtTrailer: false, issues: &issues)
            return (parsed, layout.name(of: .date), layout.code != nil)
        }
        contents.series = parsed.sorted { $0.0 < $1.0 }.map {
            SourcedSeries(series: $0.1, lines: $0.2, file: file, namesStockInErrors: namesStock, dateField: dateField)
        }
        contents.rowCount = parsed.reduce(0) { $0 + $1.1.count }
        contents.skippedRows = issues.skipped
        return contents
    }

    // swiftlint:disable:next function_body_length cyclomatic_complexity
    private static func readRows(
        _ scanner: inout FieldScanner, layout: BarColumnLayout, fixedCode: StockCode?, file: String,
        stopsAtTrailer: Bool, issues: inout RowIssues
    ) throws(DataImportError) -> [(StockCode, BarSeries, [Int32])] {
        var rows = RowColumns(capacity: (scanner.bytes.count - scanner.position) / 40)
        var stocks = StockTable()
        if let fixedCode { _ = stocks.index(of: fixedCode) }
        // The previous kept row of each stock; line 0 means none yet.
        let unset = BarTime(day: TradingDay(daysSinceEpoch: 0))
        var lastTimes: [BarTime] = Array(repeating: unset, count: stocks.count)
        var lastLines: [Int32] = Array(repeating: 0, count: stocks.count)
        let multiStock = layout.code != nil
        let required = layout.requiredFieldCount

        func problem(_ line: Int, _ field: String, _ stock: StockCode?, _ time: BarTime?, _ reason: String) -> DataImportError {
            DataImportError(file: file, line: line, field: field, stock: multiStock ? stock?.description : nil,
                            date: time?.description, reason: reason)
        }

        while scanner.nextLine() {
            if scanner.isBlankLine { continue }
            let line = scanner.lineNumber
            if stopsAtTrailer, isTrailer(scanner) { break }
            guard scanner.fieldCount >= required else {
                let missing = layout.names.indices.contains(scanner.fieldCount) ? layout.names[scanner.fieldCount] : "?"
                try issues.reject(problem(line, missing, nil, nil,
                                          "row has \(scanner.fieldCount) fields, expected at least \(required)"))
                continue
            }
            // The stock: fixed per file, or from the code column (cached while it repeats).
            var stock = 0
            if let codeColumn = layout.code {
                guard let found = stocks.index(ofCell: scanner.field(codeColumn)) else {
                    try issues.reject(problem(line, layout.names[codeColumn], nil, nil,
                                              "\(ByteText.quoted(scanner.field(codeColumn))) is not a stock code"))
                    continue
                }
                stock = found
                while lastTimes.count < stocks.count {
                    lastTimes.append(unset)
                    lastLines.append(0)
                }
            }
            let code = stocks.codes[stock]
            guard let time = ByteText.barTime(scanner.field(layout.date)) else {
                try issues.reject(problem(line, layout.name(of: .date), code, nil,
                                          "\(ByteText.quoted(scanner.field(layout.date))) is not a date "
                                          + "(expected YYYYMMDD, YYYY-MM-DD or YYYY/MM/DD, optionally with a time)"))
                continue
            }
            let open = DecimalBytes.parse(scanner.field(layout.open), scale: 4)
            let high = DecimalBytes.parse(scanner.field(layout.high), scale: 4)
            let low = DecimalBytes.parse(scanner.field(layout.low), scale: 4)
            let close = DecimalBytes.parse(scanner.field(layout.close), scale: 4)
            let volume = DecimalBytes.parse(scanner.field(layout.volume), scale: layout.volumeScale)
            let amount: Int64? = layout.amount.map { DecimalBytes.parse(scanner.field($0), scale: layout.amountScale) }
                ?? BarSeries.unknownAmount.fen
            let preClose: Int64? = layout.preClose.map { DecimalBytes.parse(scanner.field($0), scale: 4) } ?? 0
            guard let open, let high, let low, let close, let volume, let amount, let preClose else {
                let (field, cell) = firstUnparsable(scanner, layout)
                try issues.reject(problem(line, layout.name(of: field), code, time,
                                          "\(ByteText.quoted(cell)) is not a number"))
                continue
            }
            if let found = BarValidator.problem(
                open: Price(units: open), high: Price(units: high), low: Price(units: low), close: Price(units: close),
                preClose: Price(units: preClose), volume: volume, amount: Money(fen: amount)) {
                try issues.reject(problem(line, layout.name(of: found.field), code, time, found.reason))
                continue
            }
            if !layout.sortsRows, lastLines[stock] > 0,
               let reason = BarValidator.orderProblem(time, after: lastTimes[stock], previousLine: Int(lastLines[stock])) {
                try issues.reject(problem(line, layout.name(of: .date), code, time, reason))
                continue
            }
            rows.append(stock: stock, time: time, open: Price(units: open), high: Price(units: high),
                        low: Price(units: low), close: Price(units: close), preClose: Price(units: preClose),
                        volume: volume, amount: Money(fen: amount), line: line)
            lastTimes[stock] = time
            lastLines[stock] = Int32(clamping: line)
        }
        if stocks.count == 1 && !layout.sortsRows {
            guard rows.count > 0 else { return [] }
            let (series, lines) = rows.series(code: stocks.codes[0])
            return [(stocks.codes[0], series, lines)]
        }
        // Several stocks (or a Tushare file): gather each stock's rows, sorting where allowed.
        var rowsByStock = Array(repeating: [Int](), count: stocks.count)
        for row in 0..<rows.count { rowsByStock[rows.stock(at: row)].append(row) }
        var result: [(StockCode, BarSeries, [Int32])] = []
        let dateName = layout.name(of: .date)
        for (stock, stockRows) in rowsByStock.enumerated() where !stockRows.isEmpty {
            let code = stocks.codes[stock]
            var kept = stockRows
            if layout.sortsRows {
                kept = try sortedRejectingDuplicates(stockRows, rows, &issues) { line, time, reason in
                    problem(line, dateName, code, time, reason)
                }
            }
            let (series, lines) = rows.series(code: code, rows: kept)
            result.append((code, series, lines))
        }
        return result
    }

    /// `rows` ordered by time (Tushare files come newest first), every repeated date after its
    /// first occurrence rejected.
    private static func sortedRejectingDuplicates(
        _ rows: [Int], _ columns: borrowing RowColumns, _ issues: inout RowIssues,
        _ error: (_ line: Int, _ time: BarTime, _ reason: String) -> DataImportError
    ) throws(DataImportError) -> [Int] {
        var ordered = rows
        let ascending = zip(rows, rows.dropFirst()).allSatisfy { columns.time(at: $0) < columns.time(at: $1) }
        if ascending { return rows }
        ordered.sort { (columns.time(at: $0), columns.line(at: $0)) < (columns.time(at: $1), columns.line(at: $1)) }
        var kept: [Int] = []
        kept.reserveCapacity(ordered.count)
        for row in ordered {
            if let previous = kept.last, columns.time(at: previous) == columns.time(at: row) {
                let time = columns.time(at: row)
                try issues.reject(error(Int(columns.line(at: row)), time,
                                        "duplicate date \(time): already on line \(columns.line(at: previous))"))
                continue
            }
            kept.append(row)
        }
        return kept
    }

    /// The first numeric cell of the row that does not parse.
    private static func firstUnparsable(_ scanner: FieldScanner, _ layout: BarColumnLayout) -> (BarValidator.Field, UnsafeBufferPointer<UInt8>) {
        let columns: [(BarValidator.Field, Int?, Int)] = [
            (.open, layout.open, 4), (.high, layout.high, 4), (.low, layout.low, 4), (.close, layout.close, 4),
            (.preClose, layout.preClose, 4), (.volume, layout.volume, layout.volumeScale),
            (.amount, layout.amount, layout.amountScale),
        ]
        for (field, column, scale) in columns {
            guard let column else { continue }
            let cell = scanner.field(column)
            if DecimalBytes.parse(cell, scale: scale) == nil { return (field, cell) }
        }
        return (.open, scanner.field(layout.open))
    }

    /// The `数据来源:通达信` line that ends a 通达信 export: a line not starting with a digit
    /// followed only by blank lines.
    private static func isTrailer(_ scanner: FieldScanner) -> Bool {
        let first = scanner.bytes[scanner.line.lowerBound]
        guard first < 48 || first > 57 else { return false }
        var i = scanner.position
        while i < scanner.bytes.count {
            let byte = scanner.bytes[i]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
                    || byte == UInt8(ascii: "\t") else { return false }
            i += 1
        }
        return true
    }

    /// The code of a 通达信 export: from the file name when it names the exchange (`SH#601003.txt`),
    /// else from the first token of line 1 (six digits; the exchange then follows the prefix).
    private static func tdxExportCode(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, file: String) throws(DataImportError) -> StockCode {
        if let code = FileNameCode.code(fromFileName: file), code.exchange != .other { return code }
        var end = start
        while end < bytes.count, bytes[end] >= 48, bytes[end] <= 57 { end += 1 }
        let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let code = StockCode(normalizing: token), code.exchange != .other else {
            throw DataImportError(file: file, line: 1, reason: "cannot tell the stock code from the file name or the first line")
        }
        return code
    }
}
