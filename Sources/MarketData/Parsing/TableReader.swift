import HuiceCore

/// Row-by-row access to a reference table (calendar, instruments, limits, suspensions, factors)
/// with a header: columns by name, cells as bytes, errors that name file, line and column.
///
/// Valid only inside the `withUnsafeBufferPointer` scope of the bytes it reads.
struct TableReader {
    private(set) var scanner: FieldScanner
    let header: CSVHeader
    let file: String
    private var stocks = StockTable()

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        scanner = FieldScanner(bytes: bytes, separator: DataFileDetector.separator(of: bytes),
                               start: ByteText.bodyStart(bytes))
        header = scanner.nextLine() ? CSVHeader(scanner) : CSVHeader(names: [])
        self.file = file
    }

    /// The column named any of `candidates`, or a file-level error naming the missing column.
    func require(_ candidates: String...) throws(DataImportError) -> Int {
        guard let index = header.index(of: candidates) else {
            throw DataImportError(file: file, line: 1, field: candidates[0],
                                  reason: "missing column '\(candidates[0])' in header '\(header.joined)'")
        }
        return index
    }

    func optional(_ candidates: String...) -> Int? { header.index(of: candidates) }

    /// Advances to the next non-blank line; false at the end.
    mutating func nextRow() -> Bool {
        while scanner.nextLine() {
            if !scanner.isBlankLine { return true }
        }
        return false
    }

    var line: Int { scanner.lineNumber }

    func cell(_ column: Int) -> UnsafeBufferPointer<UInt8> { scanner.field(column) }

    func text(_ column: Int) -> String { scanner.text(column) }

    func isEmpty(_ column: Int) -> Bool { scanner.field(column).isEmpty }

    /// An error at the current line in `column`.
    func problem(_ column: Int?, stock: StockCode? = nil, date: TradingDay? = nil, _ reason: String) -> DataImportError {
        DataImportError(file: file, line: line, field: column.map { header.names.indices.contains($0) ? header.names[$0] : "?" },
                        stock: stock?.description, date: date?.description, reason: reason)
    }

    /// The stock code in `column` (repeated codes are looked up once), or a row error.
    mutating func code(_ column: Int) -> Result<StockCode, DataImportError> {
        let cell = scanner.field(column)
        guard let index = stocks.index(ofCell: cell) else {
            return .failure(problem(column, "\(ByteText.quoted(cell)) is not a stock code"))
        }
        return .success(stocks.codes[index])
    }

    /// The date in `column`, or a row error.
    func day(_ column: Int, stock: StockCode? = nil) -> Result<TradingDay, DataImportError> {
        let cell = scanner.field(column)
        guard let day = ByteText.day(cell) else {
            return .failure(problem(column, stock: stock, "\(ByteText.quoted(cell)) is not a date (expected YYYYMMDD or YYYY-MM-DD)"))
        }
        return .success(day)
    }

    /// The date in `column`, nil when the cell is empty (an open end), or a row error.
    func optionalDay(_ column: Int?, stock: StockCode? = nil) -> Result<TradingDay?, DataImportError> {
        guard let column, !isEmpty(column) else { return .success(nil) }
        return day(column, stock: stock).map { $0 }
    }

    /// The price in `column`, or a row error.
    func price(_ column: Int, stock: StockCode?, date: TradingDay?) -> Result<Price, DataImportError> {
        let cell = scanner.field(column)
        guard let units = FixedPointParser.parse(cell, scale: 4) else {
            return .failure(problem(column, stock: stock, date: date, "\(ByteText.quoted(cell)) is not a number"))
        }
        guard units > 0 else {
            return .failure(problem(column, stock: stock, date: date, "price \(Price(units: units)) is not positive"))
        }
        return .success(Price(units: units))
    }
}
