import ArgumentParser
import Foundation
import HuiceCore
import MarketData
import Runtime
import Storage

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import market data files, report what they hold, and optionally save them to a store.",
        discussion: """
            Formats are detected (docs/DATA.md): Tushare daily / trade_cal / stock_basic / namechange / adj_factor / \
            stk_limit / limit_list / suspend_d CSV, akshare stock_zh_a_hist CSV, plain per-stock CSV, 通达信 .day \
            and text exports, calendar and instrument lists. An import lands whole or not at all: the first bad \
            row fails it (with file, line, field and reason) unless --skip-invalid-rows, and a save to a store is \
            one transaction.
            """)

    @Argument(help: "Files or directories to import.")
    var paths: [String]

    @Option(name: .long, help: "Save the imported data to this store: an SQLite file (created if missing) or a postgres://USER:PASSWORD@HOST:PORT/DATABASE URL.")
    var into: String?

    @Flag(name: .long, help: "With --into: replace everything in the store instead of merging (merge upserts bars by code and time).")
    var replace = false

    @Flag(name: .long, help: "Skip invalid rows (each is reported) instead of failing the import.")
    var skipInvalidRows = false

    func run() async throws {
        do {
            let importer = MarketDataImporter(options: ImportOptions(skipInvalidRows: skipInvalidRows))
            let result = paths.count == 1 ? try await MarketDataLoader(options: importer.options).load(path: paths[0])
                : try importer.importPaths(paths)
            print(ImportSummary.render(result))
            guard let into else { return }
            let location = try StoreLocation(parsing: into)
            let store = try await MarketDataStore.open(location: location)
            do {
                try await store.save(result.data, mode: replace ? .replace : .merge)
                let summary = try await store.summary()
                try await store.close()
                print("Saved to \(location.displayName) (\(replace ? "replaced" : "merged")): the store holds \(summary.stocks.count) instrument(s), "
                      + "\(summary.barCount) bar(s), \(summary.calendarDays) calendar day(s)")
            } catch {
                try? await store.close()
                throw error
            }
        } catch {
            throw fail(error)
        }
    }
}
