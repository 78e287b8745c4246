import HuiceCore

/// Decides the kind of a data file from its extension and its header line (after a UTF-8 BOM,
/// or after the GBK title line of a 通达信 export).
///
/// Columns are matched by name, so order and extra columns do not matter. A file that matches
/// nothing is an error naming the file and its header; `MarketDataImporter.importDirectory`
/// instead lists such files in `ImportReport.skippedFiles` (a data folder usually also holds
/// manifests and notes), and ignores `*.md`, README files and hidden files outright.
public enum DataFileDetector {
    /// The kind of the file at `path`.
    public static func kind(ofFileAt path: String) throws(DataImportError) -> DataFileKind {
        let name = FileNameCode.lastComponent(of: path)
        let bytes = try ByteFile.read(path: path, displayName: name)
        return try kind(fileName: name, bytes: bytes)
    }

    /// The kind of a file named `fileName` holding `bytes`.
    public static func kind(fileName: String, bytes: [UInt8]) throws(DataImportError) -> DataFileKind {
        let ext = FileNameCode.pathExtension(of: fileName)
        if ext == "day" { return .tdxDay }
        guard ext == "csv" || ext == "txt" || ext == "tsv" else {
            throw DataImportError(file: fileName, reason: "unrecognised file: extension '.\(ext)' is not a data format "
                                  + "(expected .csv, .txt or 通达信 .day)")
        }
        let header: CSVHeader? = bytes.withUnsafeBufferPointer { buffer in
            if isTDXExport(buffer) { return nil }
            var scanner = FieldScanner(bytes: buffer, separator: separator(of: buffer), start: ByteText.bodyStart(buffer))
            guard scanner.nextLine() else { return CSVHeader(names: []) }
            return CSVHeader(scanner)
        }
        guard let header else { return .tdxExport }
        if let kind = kind(of: header) { return kind }
        if let factorKind = FactorFileKind.detect(header) {
            throw DataImportError(file: fileName, line: 1, reason: "unrecognised file: it holds factor data "
                                  + "(\(factorKind.title)), not market data; import it with `huice factors import`")
        }
        let shown = header.names.isEmpty ? "the file is empty" : "header '\(header.joined)' matches no known format"
        throw DataImportError(file: fileName, line: 1, reason: "unrecognised file: \(shown)")
    }

    /// The kind a CSV header names, or nil.
    static func kind(of header: CSVHeader) -> DataFileKind? {
        func has(_ names: String...) -> Bool { header.contains(names) }
        let keys = header.keys
        if has("ts_code", "trade_date", "open", "high", "low", "close", "vol") { return .tushareDaily }
        if has("日期", "开盘", "收盘", "最高", "最低", "成交量") { return .akshareDaily }
        if has("ts_code", "trade_date", "adj_factor") { return .tushareAdjustmentFactors }
        if has("ts_code", "trade_date", "up_limit", "down_limit") { return .tushareStockLimits }
        if has("ts_code", "trade_date", "limit", "close") { return .tushareLimitList }
        if has("ts_code", "trade_date", "suspend_type") { return .tushareSuspensions }
        if has("ts_code", "name", "list_date") { return .tushareStockBasic }
        if has("ts_code", "name", "start_date", "end_date") { return .tushareNameChange }
        if has("code", "name", "board") { return .instrumentList }
        if has("cal_date", "is_open") { return .tushareTradeCalendar }
        if keys.count == 1, ["dt", "trade_date", "cal_date", "date"].contains(keys[0]) { return .tradingCalendar }
        if BarColumnLayout.dateColumn(in: header) != nil, has("open", "high", "low", "close", "volume") {
            return .plainBars
        }
        if keys.count == 2, has("trade_date"), header.index("code", "ts_code") != nil { return .plainSuspensions }
        return nil
    }

    /// Comma, unless the line at `start` has tabs and no commas.
    static func separator(of bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> UInt8 {
        var sawTab = false
        for byte in bytes[min(start, bytes.count)...] {
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: ",") { return byte }
            if byte == UInt8(ascii: "\t") { sawTab = true }
        }
        return sawTab ? UInt8(ascii: "\t") : UInt8(ascii: ",")
    }

    /// A 通达信 export: line 1 starts with a six-digit code and a space, line 2 with 日期 (GBK or UTF-8).
    static func isTDXExport(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = ByteText.bodyStart(bytes)
        var digits = 0
        while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 { digits += 1; i += 1 }
        guard digits == 6, i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") else {
            return false
        }
        while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
        i += 1
        while i < bytes.count && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")) { i += 1 }
        let gbkDate: [UInt8] = [0xC8, 0xD5, 0xC6, 0xDA]
        let utf8Date: [UInt8] = Array("日期".utf8)
        func startsWith(_ prefix: [UInt8]) -> Bool {
            i + prefix.count <= bytes.count && (0..<prefix.count).allSatisfy { bytes[i + $0] == prefix[$0] }
        }
        return startsWith(gbkDate) || startsWith(utf8Date)
    }
}
