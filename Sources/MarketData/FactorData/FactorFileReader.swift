import HuiceCore

/// Reads one factor file of a detected kind into observations (docs/DATA.md §8).
///
/// Rules shared by every kind: columns by name (case-insensitive), an empty value cell is no
/// observation (counted, not an error), a value must be a finite decimal number
/// (`[-+]digits[.digits][e±n]`; `nan`, `inf`, `1,000` are errors), codes in any spelling
/// `StockCode(normalizing:)` accepts, dates `YYYYMMDD`, `YYYY-MM-DD` or `YYYY/MM/DD`. A row with
/// any bad cell is an error naming file, line and column (or, leniently, is skipped whole).
enum FactorFileReader {
    /// Publish times after this (15:00:00, the close) make a sentiment value visible the next day.
    static let sentimentCutoffSeconds = 15 * 3600

    static func read(bytes: [UInt8], file: String, kind: FactorFileKind, columns map: FactorColumnMap,
                     skipsInvalidRows: Bool) throws(DataImportError) -> FactorFileContents {
        try bytes.withUnsafeBufferPointer { buffer throws(DataImportError) in
            var table = TableReader(buffer, file: file)
            var issues = RowIssues(skipsInvalidRows: skipsInvalidRows)
            var contents = FactorFileContents(file: file, kind: kind, header: table.header.names)
            switch kind {
            case .dailyBasic, .finaIndicator: try readWide(&table, &contents, &issues, map)
            case .sentiment: try readSentiment(&table, &contents, &issues, map)
            case .long: try readLong(&table, &contents, &issues, map)
            }
            contents.skippedRows = issues.skipped
            return contents
        }
    }

    // MARK: Wide files (daily_basic, fina_indicator)

    private static func readWide(_ table: inout TableReader, _ contents: inout FactorFileContents, _ issues: inout RowIssues,
                                 _ map: FactorColumnMap) throws(DataImportError) {
        let fina = contents.kind == .finaIndicator
        let codeColumn = try table.require("ts_code", "stock_code", "code")
        let dayColumn = fina ? try table.require("end_date") : try table.require("trade_date", "date")
        let announcedColumn = fina ? try table.require("ann_date") : nil
        let flagColumn = fina ? table.optional("update_flag") : nil
        let keyColumns = Set([codeColumn, dayColumn, announcedColumn, flagColumn].compactMap { $0 })
        let used = try chooseColumns(table.header, skipping: keyColumns, into: &contents, map: map)
        guard !used.isEmpty else {
            throw DataImportError(file: contents.file, line: 1,
                                  reason: "no column of header '\(table.header.joined)' holds a known factor "
                                  + "(known columns: \(map.columns.sorted().joined(separator: ", ")))")
        }
        var row: [FactorFileContents.Row] = []
        rows: while table.nextRow() {
            contents.rowCount += 1
            guard let code = try issues.accept(table.code(codeColumn)),
                  let observed = try issues.accept(table.day(dayColumn, stock: code)) else { continue }
            var published = observed
            var flag: Int8 = 0
            if let announcedColumn {
                if table.isEmpty(announcedColumn) {
                    try issues.reject(table.problem(announcedColumn, stock: code, date: observed,
                                                    "empty announcement date: a report cannot be placed in time without it"))
                    continue
                }
                guard let announced = try issues.accept(table.day(announcedColumn, stock: code)) else { continue }
                guard announced >= observed else {
                    try issues.reject(table.problem(announcedColumn, stock: code, date: observed,
                                                    "announced on \(announced), before the report period ends (\(observed))"))
                    continue
                }
                published = announced
                if let flagColumn, !table.isEmpty(flagColumn) {
                    guard let value = Int8(table.text(flagColumn)), value >= 0 else {
                        try issues.reject(table.problem(flagColumn, stock: code, date: observed,
                                                        "\(ByteText.quoted(table.cell(flagColumn))) is not an update flag (0 or 1)"))
                        continue
                    }
                    flag = value
                }
            }
            row.removeAll(keepingCapacity: true)
            for (column, factor) in used {
                let cell = table.cell(column)
                if cell.isEmpty {
                    contents.emptyCells += 1
                    continue
                }
                guard let value = number(cell) else {
                    try issues.reject(table.problem(column, stock: code, date: observed,
                                                    "\(ByteText.quoted(cell)) is not a number"))
                    continue rows
                }
                row.append(.init(observation: FactorObservation(code: code, factor: factor, observed: observed,
                                                                published: published, value: value),
                                 line: Int32(table.line), column: Int16(column), updateFlag: flag))
            }
            contents.rows += row
        }
    }

    /// For each factor some column carries, the column it is read from (the first preference the
    /// header has); records the choices and the ignored columns in `contents`.
    private static func chooseColumns(_ header: CSVHeader, skipping keys: Set<Int>, into contents: inout FactorFileContents,
                                      map: FactorColumnMap) throws(DataImportError) -> [(column: Int, factor: String)] {
        var best: [String: (column: Int, rank: Int)] = [:]
        var seen: Set<String> = []
        for (index, key) in header.keys.enumerated() where !keys.contains(index) {
            guard let (factor, rank) = map.factor(forColumn: key) else { continue }
            guard seen.insert(key).inserted else {
                throw DataImportError(file: contents.file, line: 1, field: header.names[index],
                                      reason: "column '\(header.names[index])' appears twice in the header")
            }
            if best[factor].map({ rank < $0.rank }) ?? true { best[factor] = (index, rank) }
        }
        let chosen = best.map { (column: $0.value.column, factor: $0.key) }.sorted { $0.column < $1.column }
        let chosenColumns = Set(chosen.map(\.column))
        contents.columns = chosen.map { .init(column: header.names[$0.column], factor: $0.factor) }
        for (index, name) in header.names.enumerated() where !keys.contains(index) && !chosenColumns.contains(index) {
            if let (factor, _) = map.factor(forColumn: header.keys[index]), let winner = best[factor] {
                contents.ignoredColumns.append("\(name) (\(factor) is read from \(header.names[winner.column]))")
            } else {
                contents.ignoredColumns.append(name)
            }
        }
        return chosen
    }

    // MARK: Sentiment

    private static func readSentiment(_ table: inout TableReader, _ contents: inout FactorFileContents, _ issues: inout RowIssues,
                                      _ map: FactorColumnMap) throws(DataImportError) {
        let codeColumn = try table.require("ts_code", "stock_code", "code")
        let dateColumn = try table.require("publish_date", "trade_date", "date")
        let valueColumn = try table.require("news_sentiment", "sentiment")
        let valueName = table.header.names[valueColumn]
        guard let (factor, _) = map.factor(forColumn: valueName) else {
            throw DataImportError(file: contents.file, line: 1, field: valueName,
                                  reason: "no known factor reads column '\(valueName)'")
        }
        contents.columns = [.init(column: valueName, factor: factor)]
        contents.ignoredColumns = table.header.names.enumerated()
            .filter { ![codeColumn, dateColumn, valueColumn].contains($0.offset) }.map(\.element)
        // (code, visible day) → sum, count, first line
        var days: [FactorObservation.Key: (sum: Double, count: Int, line: Int32)] = [:]
        var order: [FactorObservation.Key] = []
        while table.nextRow() {
            contents.rowCount += 1
            guard let code = try issues.accept(table.code(codeColumn)) else { continue }
            let dateCell = table.cell(dateColumn)
            guard let time = ByteText.barTime(dateCell) else {
                try issues.reject(table.problem(dateColumn, stock: code,
                                                "\(ByteText.quoted(dateCell)) is not a date (expected YYYYMMDD or YYYY-MM-DD, optionally with HH:MM[:SS])"))
                continue
            }
            let visible = time.secondsOfDay > sentimentCutoffSeconds ? time.day.adding(days: 1) : time.day
            let cell = table.cell(valueColumn)
            if cell.isEmpty {
                contents.emptyCells += 1
                continue
            }
            guard let value = number(cell) else {
                try issues.reject(table.problem(valueColumn, stock: code, date: time.day, "\(ByteText.quoted(cell)) is not a number"))
                continue
            }
            guard value >= -1 && value <= 1 else {
                try issues.reject(table.problem(valueColumn, stock: code, date: time.day,
                                                "sentiment \(value) is outside [-1, 1]"))
                continue
            }
            let key = FactorObservation.Key(code: code, factor: factor, observed: visible, published: visible)
            if let day = days[key] {
                days[key] = (day.sum + value, day.count + 1, day.line)
            } else {
                days[key] = (value, 1, Int32(table.line))
                order.append(key)
            }
        }
        contents.rows = order.map { key in
            let day = days[key]!
            return .init(observation: FactorObservation(code: key.code, factor: key.factor, observed: key.observed,
                                                        published: key.published, value: day.sum / Double(day.count)),
                         line: day.line, column: Int16(valueColumn), updateFlag: 0)
        }
    }

    // MARK: Long format

    private static func readLong(_ table: inout TableReader, _ contents: inout FactorFileContents, _ issues: inout RowIssues,
                                 _ map: FactorColumnMap) throws(DataImportError) {
        let codeColumn = try table.require("stock_code", "ts_code", "code")
        let factorColumn = try table.require("factor")
        let observedColumn = try table.require("observed_date")
        let publishedColumn = try table.require("publish_date")
        let valueColumn = try table.require("value")
        contents.ignoredColumns = table.header.names.enumerated()
            .filter { ![codeColumn, factorColumn, observedColumn, publishedColumn, valueColumn].contains($0.offset) }
            .map(\.element)
        var factorByCell: [String: String] = [:]
        while table.nextRow() {
            contents.rowCount += 1
            guard let code = try issues.accept(table.code(codeColumn)) else { continue }
            let text = table.text(factorColumn)
            let factor: String
            if let known = factorByCell[text] {
                factor = known
            } else if let known = map.canonicalName(text.trimmingASCIIWhitespace()) {
                factorByCell[text] = known
                factor = known
            } else {
                try issues.reject(table.problem(factorColumn, stock: code,
                                                "unknown factor '\(text)' (known: \(map.names.joined(separator: ", ")))"))
                continue
            }
            guard let observed = try issues.accept(table.day(observedColumn, stock: code)),
                  let published = try issues.accept(table.day(publishedColumn, stock: code)) else { continue }
            guard published >= observed else {
                try issues.reject(table.problem(publishedColumn, stock: code, date: observed,
                                                "published on \(published), before the day it describes (\(observed))"))
                continue
            }
            let cell = table.cell(valueColumn)
            if cell.isEmpty {
                contents.emptyCells += 1
                continue
            }
            guard let value = number(cell) else {
                try issues.reject(table.problem(valueColumn, stock: code, date: observed, "\(ByteText.quoted(cell)) is not a number"))
                continue
            }
            contents.rows.append(.init(observation: FactorObservation(code: code, factor: factor, observed: observed,
                                                                      published: published, value: value),
                                       line: Int32(table.line), column: Int16(valueColumn), updateFlag: 0))
        }
    }

    // MARK: Cells

    /// A finite decimal number, `[-+]digits[.digits][e[-+]digits]`; nil for anything else.
    static func number(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        let n = cell.count
        if i < n && (cell[i] == UInt8(ascii: "-") || cell[i] == UInt8(ascii: "+")) { i += 1 }
        var digits = 0
        while i < n && cell[i] >= 48 && cell[i] <= 57 { i += 1; digits += 1 }
        if i < n && cell[i] == UInt8(ascii: ".") {
            i += 1
            while i < n && cell[i] >= 48 && cell[i] <= 57 { i += 1; digits += 1 }
        }
        guard digits > 0 else { return nil }
        if i < n && (cell[i] == UInt8(ascii: "e") || cell[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (cell[i] == UInt8(ascii: "-") || cell[i] == UInt8(ascii: "+")) { i += 1 }
            var exponentDigits = 0
            while i < n && cell[i] >= 48 && cell[i] <= 57 { i += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return nil }
        }
        guard i == n, let value = Double(String(decoding: cell, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }
}
