import Foundation
import Testing
import HuiceCore
@testable import MarketData

/// Paths of the files in `Fixtures/` (see its README for provenance).
enum Fixture {
    static let root: String = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.path

    static func path(_ relative: String) -> String { root + "/" + relative }

    static let calendarPath = path("real/reference/a_trade_calendar.csv")

    /// The real SSE/SZSE calendar 2005..2027, read through the importer.
    static func calendar() throws -> TradingCalendar {
        try #require(MarketDataImporter().importFile(at: calendarPath).data.calendar)
    }

    /// Imports one file, strictly unless told otherwise.
    static func importFile(_ relative: String, skipInvalidRows: Bool = false,
                           calendar: TradingCalendar? = nil) throws(DataImportError) -> ImportResult {
        try MarketDataImporter(options: ImportOptions(skipInvalidRows: skipInvalidRows, calendar: calendar))
            .importFile(at: path(relative))
    }

    /// The error a strict import of `relative` throws.
    static func importError(_ relative: String, calendar: TradingCalendar? = nil) -> DataImportError? {
        do throws(DataImportError) {
            _ = try importFile(relative, calendar: calendar)
            return nil
        } catch {
            return error
        }
    }
}

func code(_ text: String) -> StockCode { StockCode(normalizing: text)! }
func day(_ yyyymmdd: Int32) -> TradingDay { TradingDay(yyyymmdd: yyyymmdd)! }
func price(_ text: String) -> Price { Price(parsing: text)! }
