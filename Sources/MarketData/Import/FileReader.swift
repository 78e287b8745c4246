/// Reads one file of a known kind with the matching reader.
enum FileReader {
    static func read(bytes: [UInt8], file: String, kind: DataFileKind, options: ImportOptions) throws(DataImportError) -> FileContents {
        let lenient = options.skipInvalidRows
        switch kind {
        case .tushareDaily, .akshareDaily, .plainBars, .tdxExport:
            return try BarCSVReader.read(bytes: bytes, file: file, kind: kind, skipsInvalidRows: lenient)
        case .tdxDay:
            return try TDXDayReader.read(bytes: bytes, file: file, skipsInvalidRows: lenient)
        case .tradingCalendar, .tushareTradeCalendar:
            return try CalendarReader.read(bytes: bytes, file: file, kind: kind, skipsInvalidRows: lenient)
        case .tushareStockBasic, .instrumentList:
            return try InstrumentListReader.read(bytes: bytes, file: file, kind: kind, skipsInvalidRows: lenient)
        case .tushareNameChange:
            return try NameChangeReader.read(bytes: bytes, file: file, skipsInvalidRows: lenient)
        case .tushareAdjustmentFactors:
            return try AdjustmentFactorReader.read(bytes: bytes, file: file, skipsInvalidRows: lenient)
        case .tushareStockLimits, .tushareLimitList:
            return try PriceLimitListReader.read(bytes: bytes, file: file, kind: kind, skipsInvalidRows: lenient)
        case .tushareSuspensions, .plainSuspensions:
            return try SuspensionListReader.read(bytes: bytes, file: file, kind: kind, skipsInvalidRows: lenient)
        }
    }
}
