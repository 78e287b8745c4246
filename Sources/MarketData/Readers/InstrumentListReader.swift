import HuiceCore

/// Reads instrument lists: Tushare `stock_basic` (board from `market`, falling back to the code
/// prefix for CDRs and unknown values) and our own `instruments.csv`
/// (`code,name,board,industry,list_date[,delist_date][,st_periods]`, st_periods such as
/// `20200101-20201231|20220301-` with an open end allowed).
enum InstrumentListReader {
    static func read(bytes: [UInt8], file: String, kind: DataFileKind, skipsInvalidRows: Bool) throws(DataImportError) -> FileContents {
        var issues = RowIssues(skipsInvalidRows: skipsInvalidRows)
        let instruments: [Instrument] = try bytes.withUnsafeBufferPointer { buffer throws(DataImportError) in
            var table = TableReader(buffer, file: file)
            let isTushare = kind == .tushareStockBasic
            let codeColumn = isTushare ? try table.require("ts_code") : try table.require("code")
            let nameColumn = try table.require("name")
            let boardColumn = isTushare ? table.optional("market") : try table.require("board")
            let industryColumn = table.optional("industry")
            let listColumn = isTushare ? try table.require("list_date") : table.optional("list_date")
            let delistColumn = table.optional("delist_date")
            let periodsColumn = isTushare ? nil : table.optional("st_periods")
            var result: [Instrument] = []
            var lineByCode: [StockCode: Int] = [:]
            while table.nextRow() {
                guard let code = try issues.accept(table.code(codeColumn)) else { continue }
                if let earlier = lineByCode[code] {
                    try issues.reject(table.problem(codeColumn, stock: code, "duplicate code: already on line \(earlier)"))
                    continue
                }
                var board: Board?
                if let boardColumn, !table.isEmpty(boardColumn) {
                    let text = table.text(boardColumn)
                    board = Self.board(named: text)
                    if board == nil && !isTushare {
                        try issues.reject(table.problem(boardColumn, stock: code, "'\(text)' is not a board "
                                                        + "(main, chinext, star, bse, index, fund, other or 主板/创业板/科创板/北交所)"))
                        continue
                    }
                }
                guard let listDate = try issues.accept(table.optionalDay(listColumn, stock: code)),
                      let delistDate = try issues.accept(table.optionalDay(delistColumn, stock: code)) else { continue }
                var periods: [SpecialTreatmentPeriod] = []
                if let periodsColumn, !table.isEmpty(periodsColumn) {
                    let text = table.text(periodsColumn)
                    guard let parsed = parsePeriods(text) else {
                        try issues.reject(table.problem(periodsColumn, stock: code, "'\(text)' is not a list of periods "
                                                        + "(expected e.g. 20200101-20201231|20220301-)"))
                        continue
                    }
                    periods = parsed
                }
                lineByCode[code] = table.line
                result.append(Instrument(code: code, name: table.text(nameColumn), board: board,
                                         industry: industryColumn.map { table.text($0) } ?? "",
                                         listDate: listDate, delistDate: delistDate, specialTreatment: periods))
            }
            return result
        }
        var contents = FileContents(file: file, kind: kind)
        contents.instruments = instruments
        contents.rowCount = instruments.count
        contents.skippedRows = issues.skipped
        return contents
    }

    /// A board by our name or the Chinese one (Tushare's `market`); nil for anything else (CDR).
    static func board(named text: String) -> Board? {
        switch text.trimmingASCIIWhitespace().lowercased() {
        case "main", "主板", "中小板", "sme": .main
        case "chinext", "创业板", "gem": .chinext
        case "star", "科创板": .star
        case "bse", "北交所", "北证": .bse
        case "index", "指数": .index
        case "fund", "基金", "etf": .fund
        case "other", "其他": .other
        default: nil
        }
    }

    /// `20200101-20201231|20220301-` → periods; nil when malformed or a period ends before it starts.
    static func parsePeriods(_ text: String) -> [SpecialTreatmentPeriod]? {
        var periods: [SpecialTreatmentPeriod] = []
        for part in text.split(separator: "|") {
            let bounds = part.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard bounds.count == 2,
                  bounds[0].utf8.count == 8, let start = TradingDay(parsing: bounds[0]) else { return nil }
            let endText = bounds[1].trimmingASCIIWhitespace()
            var end: TradingDay?
            if !endText.isEmpty {
                guard endText.utf8.count == 8, let day = TradingDay(parsing: endText), day >= start else { return nil }
                end = day
            }
            periods.append(SpecialTreatmentPeriod(start: start, end: end))
        }
        return periods.isEmpty ? nil : periods
    }
}
