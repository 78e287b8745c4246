import ArgumentParser
import Factors
import Foundation
import MarketData
import Runtime

struct Indicators: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compute technical indicators for one stock and write them as CSV, one row per bar.",
        discussion: """
            Specs are name:param:…, comma-separated: sma:5, ema:12, wma:10, rsi:14, macd:12:26:9, boll:20:2, \
            stoch:9:3:3, kdj:9:3:3, atr:14, obv, roc:10, mom:10, vol:20 (annualised volatility), vr:5 (volume \
            ratio). --style talib (default) reproduces TA-Lib's values; --style tdx follows 通达信's formulas. \
            Columns: date, then each indicator's outputs (sma_5, macd_dif, macd_dea, macd_hist, boll_upper, …); an \
            empty cell where a value is not yet defined. See docs/INDICATORS.md.
            """)

    @Option(name: .long, help: "A directory of data files (any supported format), one data file, or a store (huice import --into).")
    var data: String

    @Option(name: .long, help: "The stock: 600036, 600036.SH or sh600036.")
    var stock: String

    @Option(name: .long, help: "Indicator specs, comma-separated (the option may be repeated).")
    var indicators: [String]

    @Option(name: .long, help: "talib (TA-Lib's definitions and values) or tdx (通达信's formulas).")
    var style: IndicatorStyle = .talib

    @Option(name: .long, help: "Where to write the CSV (written whole or not at all); standard output when omitted.")
    var output: String?

    @Flag(name: .long, help: "Skip invalid data rows (each is reported) instead of failing the import.")
    var skipInvalidRows = false

    func run() async throws {
        do {
            let specs = try IndicatorTable.specs(parsing: indicators)
            let imported = try await MarketDataLoader(options: ImportOptions(skipInvalidRows: skipInvalidRows)).load(path: data)
            for skipped in imported.report.skippedRows {
                FileHandle.standardError.write(Data("skipped row: \(skipped)\n".utf8))
            }
            let table = try IndicatorTable(data: imported.data, stock: stock, specs: specs, style: style)
            if let output {
                try table.write(to: output)
                print("Wrote \(table.times.count) rows × \(table.header.count) columns for \(table.code) to \(output)")
            } else {
                FileHandle.standardOutput.write(Data(table.csv.utf8))
            }
        } catch {
            throw fail(error)
        }
    }
}

extension IndicatorStyle: ExpressibleByArgument {}
