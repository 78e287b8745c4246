import ArgumentParser
import Foundation
import HuiceCore
import MarketData
import Runtime

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import market data files and report what they hold (formats are detected).",
        discussion: """
            Formats: Tushare daily / trade_cal / stock_basic / namechange / adj_factor / stk_limit / limit_list / \
            suspend_d CSV, akshare stock_zh_a_hist CSV, plain per-stock CSV, 通达信 .day and text exports, \
            calendar and instrument lists. An import lands whole or not at all: the first bad row fails it \
            (with file, line, field and reason) unless --skip-invalid-rows.
            """)

    @Argument(help: "Files or directories to import.")
    var paths: [String]

    @Flag(name: .long, help: "Skip invalid rows (each is reported) instead of failing the import.")
    var skipInvalidRows = false

    func run() throws {
        do {
            let importer = MarketDataImporter(options: ImportOptions(skipInvalidRows: skipInvalidRows))
            var files: [String] = []
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw DataImportError(file: path, reason: "no such file or directory")
                }
                files.append(path)
            }
            let result: ImportResult
            if files.count == 1 {
                result = try MarketDataLoader(options: importer.options).load(path: files[0])
            } else {
                result = try importer.importFiles(at: files)
            }
            print(ImportSummary.render(result))
        } catch {
            throw fail(error)
        }
    }
}
