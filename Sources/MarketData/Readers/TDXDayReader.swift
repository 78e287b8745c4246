import HuiceCore

/// Reads 通达信 `.day` files: little-endian 32-byte records `<IIIIIfII>` = date `yyyymmdd`,
/// open/high/low/close × 100, amount (float32, CNY), volume, reserved.
///
/// Volume is in shares for stocks but in lots of 100 for indices, so it is multiplied by 100
/// when the code's board is `.index` (`sh000001.day` is the SSE Composite, 000001.SH). The code
/// comes from the file name (`sh600000.day`). Errors and skipped rows give the 1-based record
/// number as the line. The extended-market (`ds`) files, named `<market>#<code>.day`, store
/// float prices (`<IffffIIf>`) and are refused with a clear error rather than misread.
enum TDXDayReader {
    static let recordSize = 32

    static func read(bytes: [UInt8], file: String, skipsInvalidRows: Bool) throws(DataImportError) -> FileContents {
        if isExtendedMarketName(file) {
            throw DataImportError(file: file, reason: "通达信 extended-market (ds) .day files with float prices "
                                  + "(<IffffIIf>, named <market>#<code>.day) are not supported")
        }
        guard bytes.count % recordSize == 0 else {
            throw DataImportError(file: file, reason: "file size \(bytes.count) is not a multiple of the "
                                  + "\(recordSize)-byte .day record: the file is truncated or not a .day file")
        }
        let code = try FileNameCode.requireCode(fromFileName: file)
        let volumeFactor: Int64 = code.inferredBoard == .index ? 100 : 1
        let count = bytes.count / recordSize
        var issues = RowIssues(skipsInvalidRows: skipsInvalidRows)
        var rows = RowColumns(capacity: count)
        try bytes.withUnsafeBufferPointer { buffer throws(DataImportError) in
            let raw = UnsafeRawBufferPointer(buffer)
            if count > 0, looksLikeFloatPrices(raw) {
                throw DataImportError(file: file, line: 1, field: "open", reason: "the prices look like float32 values: "
                                      + "this is probably a 通达信 extended-market (ds) file, which is not supported")
            }
            for record in 0..<count {
                let base = record * recordSize
                let line = record + 1
                @inline(__always) func word(_ i: Int) -> UInt32 {
                    UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: base + i * 4, as: UInt32.self))
                }
                let rawDate = word(0)
                guard let day = TradingDay(yyyymmdd: Int32(clamping: rawDate)) else {
                    try issues.reject(DataImportError(file: file, line: line, field: "date",
                                                      reason: "\(rawDate) is not a date (record \(line))"))
                    continue
                }
                let time = BarTime(day: day)
                // × 100 in the file; Price units are 0.0001, so × 100 again.
                let open = Price(units: Int64(word(1)) * 100), high = Price(units: Int64(word(2)) * 100)
                let low = Price(units: Int64(word(3)) * 100), close = Price(units: Int64(word(4)) * 100)
                let amountValue = Double(Float(bitPattern: word(5)))
                let volume = Int64(word(6)) * volumeFactor
                guard amountValue.isFinite else {
                    try issues.reject(DataImportError(file: file, line: line, field: "amount", date: day.description,
                                                      reason: "amount is not a finite number"))
                    continue
                }
                let amount = Money(roundingYuan: amountValue)
                if let found = BarValidator.problem(open: open, high: high, low: low, close: close,
                                                    preClose: .zero, volume: volume, amount: amount) {
                    try issues.reject(DataImportError(file: file, line: line, field: found.field.rawValue,
                                                      date: day.description, reason: found.reason))
                    continue
                }
                if rows.count > 0, let reason = BarValidator.orderProblem(
                    time, after: rows.time(at: rows.count - 1), previousLine: Int(rows.line(at: rows.count - 1))) {
                    try issues.reject(DataImportError(file: file, line: line, field: "date", date: day.description,
                                                      reason: reason))
                    continue
                }
                rows.append(stock: 0, time: time, open: open, high: high, low: low, close: close, preClose: .zero,
                            volume: volume, amount: amount, line: line)
            }
        }
        var contents = FileContents(file: file, kind: .tdxDay)
        if rows.count > 0 {
            let (series, lines) = rows.series(code: code)
            contents.series = [SourcedSeries(series: series, lines: lines, file: file,
                                             namesStockInErrors: false, dateField: "date")]
        }
        contents.rowCount = rows.count
        contents.skippedRows = issues.skipped
        return contents
    }

    /// `4#CF7D0LLS.day`: a market number and `#` before the code, as the ds files are named.
    static func isExtendedMarketName(_ file: String) -> Bool {
        let name = FileNameCode.lastComponent(of: file)
        guard let hash = name.firstIndex(of: "#"), hash != name.startIndex else { return false }
        return name[..<hash].allSatisfy(\.isNumber)
    }

    /// Float32 prices read as integers are around 1e9 (a price of 10 million yuan × 100):
    /// no A-share trades there, so such a first record means the file is not the integer format.
    private static func looksLikeFloatPrices(_ raw: UnsafeRawBufferPointer) -> Bool {
        let open = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        return open >= 0x3000_0000
    }
}
