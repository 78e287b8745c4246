import HuiceCore

/// Combines the files of one import into a `MarketDataSet`, refusing ambiguity: two files with
/// bars (or instrument records, or adjustment factors) for the same code, or two calendars,
/// are an error naming both files. Then checks every bar against the trading calendar.
struct DataSetMerger {
    let options: ImportOptions
    private var series: [StockCode: SourcedSeries] = [:]
    private var seriesOrder: [StockCode] = []
    private var calendar: (calendar: TradingCalendar, file: String)?
    private var instruments: [StockCode: (instrument: Instrument, file: String)] = [:]
    private var specialTreatment: [StockCode: [SpecialTreatmentPeriod]] = [:]
    private var adjustments: [StockCode: (factors: AdjustmentFactors, file: String)] = [:]
    /// `limit_list` entries first, `stk_limit` merged over them: its prices are the exchange's own.
    private var listedLimits = PriceLimitTable()
    private var stockLimits = PriceLimitTable()
    private var suspensions = SuspensionTable()
    private var summaries: [ImportReport.FileSummary] = []
    private var skippedRows: [DataImportError] = []

    init(options: ImportOptions) { self.options = options }

    mutating func add(_ file: FileContents) throws(DataImportError) {
        for sourced in file.series {
            let code = sourced.series.code
            if let earlier = series[code] {
                throw DataImportError(file: file.file, stock: code.description,
                                      reason: "bars for \(code) come from two files: \(earlier.file) and \(file.file)")
            }
            series[code] = sourced
            seriesOrder.append(code)
        }
        if let fileCalendar = file.calendar {
            if let earlier = calendar {
                throw DataImportError(file: file.file, reason: "two trading calendars: \(earlier.file) and \(file.file)")
            }
            calendar = (fileCalendar, file.file)
        }
        for instrument in file.instruments {
            if let earlier = instruments[instrument.code] {
                throw DataImportError(file: file.file, stock: instrument.code.description,
                                      reason: "instrument \(instrument.code) is listed in two files: \(earlier.file) and \(file.file)")
            }
            instruments[instrument.code] = (instrument, file.file)
        }
        for (code, periods) in file.specialTreatment { specialTreatment[code, default: []] += periods }
        for factors in file.adjustments {
            if let earlier = adjustments[factors.code] {
                throw DataImportError(file: file.file, stock: factors.code.description,
                                      reason: "adjustment factors for \(factors.code) come from two files: \(earlier.file) and \(file.file)")
            }
            adjustments[factors.code] = (factors, file.file)
        }
        if file.kind == .tushareStockLimits { stockLimits.merge(file.limits) } else { listedLimits.merge(file.limits) }
        suspensions.merge(file.suspensions)
        summaries.append(.init(file: file.file, kind: file.kind, rowCount: file.rowCount))
        skippedRows += file.skippedRows
    }

    consuming func finish(report: ImportReport) throws(DataImportError) -> ImportResult {
        var report = report
        let tradingCalendar = calendar?.calendar ?? options.calendar
        var issues = RowIssues(skipsInvalidRows: options.skipInvalidRows)
        var droppedByFile: [String: Int] = [:]
        if let tradingCalendar {
            for code in seriesOrder {
                let dropped = try checkCalendar(code, tradingCalendar, &issues)
                if dropped > 0 { droppedByFile[series[code]!.file, default: 0] += dropped }
            }
        }
        var data = MarketDataSet(calendar: tradingCalendar)
        data.series = series.mapValues(\.series)
        var merged = instruments.mapValues(\.instrument)
        for (code, periods) in specialTreatment {
            var instrument = merged[code] ?? .inferred(code)
            instrument.specialTreatment = NameChangeReader.merged(instrument.specialTreatment + periods)
            merged[code] = instrument
        }
        data.instruments = merged
        data.adjustments = adjustments.mapValues(\.factors)
        listedLimits.merge(stockLimits)
        data.limits = listedLimits
        data.suspensions = suspensions
        report.files = summaries.map { summary in
            var summary = summary
            summary.rowCount -= droppedByFile[summary.file] ?? 0
            return summary
        }
        report.skippedRows = skippedRows + issues.skipped
        return ImportResult(data: data, report: report)
    }

    /// Rejects the bars of `code` on days the calendar says were closed; returns how many were dropped.
    private mutating func checkCalendar(_ code: StockCode, _ calendar: TradingCalendar,
                                        _ issues: inout RowIssues) throws(DataImportError) -> Int {
        guard var sourced = series[code], let first = calendar.first, let last = calendar.last else { return 0 }
        let times = sourced.series.times
        var kept: [Int] = []
        var rejected = false
        var cursor = 0
        let days = calendar.days
        for (index, time) in times.enumerated() {
            let day = time.day
            // Both are ascending: walk the calendar alongside the bars instead of searching it.
            while cursor < days.count && days[cursor] < day { cursor += 1 }
            let open = day < first || day > last || (cursor < days.count && days[cursor] == day)
            if !open, let reason = BarValidator.calendarProblem(day, calendar: calendar) {
                try issues.reject(DataImportError(
                    file: sourced.file, line: Int(sourced.lines[index]), field: sourced.dateField,
                    stock: sourced.namesStockInErrors ? code.description : nil, date: day.description, reason: reason))
                rejected = true
                continue
            }
            kept.append(index)
        }
        guard rejected else { return 0 }
        let dropped = times.count - kept.count
        sourced.series = sourced.series.keeping(kept)
        sourced.lines = kept.map { sourced.lines[$0] }
        series[code] = sourced
        return dropped
    }
}
