import ArgumentParser
import Foundation
import MarketData
import Reports
import Runtime

struct Backtest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a backtest described by a JSON config on a directory (or file) of market data.",
        discussion: """
            The config takes seed 002's BacktestConfig fields plus universe, strategy, benchmark, market and the \
            risk-monitor fields (docs/CONFIG.md). Prints a summary; --output writes the full result (docs/RESULTS.md); \
            --export-xlsx, --export-trades-csv and --export-equity-csv write the report's exports (single runs only).
            """)

    @Option(name: .long, help: "The backtest config (JSON).")
    var config: String

    @Option(name: .long, help: "A directory of data files (any supported format), one data file, or a store (huice import --into).")
    var data: String

    @Option(name: .long, help: "Where to write the result JSON.")
    var output: String?

    @Option(name: .long, help: "Where to write the report as an Excel workbook (.xlsx: Summary, Trades, Equity, Risk Events).")
    var exportXlsx: String?

    @Option(name: .long, help: "Where to write the trade records as CSV.")
    var exportTradesCsv: String?

    @Option(name: .long, help: "Where to write the equity curve as CSV.")
    var exportEquityCsv: String?

    @Flag(name: .long, help: "Start the CSV exports with a UTF-8 byte order mark (for Excel).")
    var csvBom = false

    @Flag(name: .long, help: "Skip invalid data rows (each is reported) instead of failing the import.")
    var skipInvalidRows = false

    @Option(name: .long, help: "The factor-config store for a factor_config_id (default: --data when it is a store, else huice-data/huice.sqlite).")
    var store: String?

    func run() async throws {
        do {
            let url = URL(fileURLWithPath: config)
            let configData: Data
            do {
                configData = try Data(contentsOf: url)
            } catch {
                throw ConfigError(file: config, reason: "cannot read the file (\(error.localizedDescription))")
            }
            let parsed = try BacktestConfig.decode(configData, file: config)
            let effective: EffectiveConfig
            do {
                effective = try EffectiveConfig(parsed)
            } catch {
                var located = error
                located.location.file = config
                throw located
            }
            let baseDirectory = url.deletingLastPathComponent().path
            do {
                let storePath = store ?? (MarketDataLoader.isStore(data) ? data : "huice-data/huice.sqlite")
                let resolved = try await BacktestInputs.resolvingFactorConfig(effective, storePath: storePath)
                let inputs = try await BacktestInputs.load(resolved, dataPath: data, baseDirectory: baseDirectory,
                                                           options: ImportOptions(skipInvalidRows: skipInvalidRows))
                for skipped in inputs.report.skippedRows { print("skipped row: \(skipped)") }
                if case .factorScore(let spec) = resolved.strategy, spec.selection == .perStock,
                   spec.useStockConfigs || (resolved.universe?.count ?? 2) != 1 {
                    let codes = try PerStockBacktest.universe(resolved, data: inputs.data)
                    let overrides = try await BacktestInputs.stockConfigs(resolved, codes: codes, storePath: storePath)
                    let batch = try PerStockBacktest.run(resolved, data: inputs.data, factors: inputs.factors, overrides: overrides,
                                                         baseDirectory: baseDirectory)
                    print(SummaryReport.render(batch))
                    if exportXlsx != nil || exportTradesCsv != nil || exportEquityCsv != nil {
                        print("\nExports are per run: this per-stock batch wrote none (--output has every stock's result).")
                    }
                    if let output {
                        try batch.jsonDocument().write(to: URL(fileURLWithPath: output))
                        print("\nResults written to \(output)")
                    }
                    return
                }
                let result = try BacktestRunner.run(resolved, data: inputs.data, factors: inputs.factors, baseDirectory: baseDirectory)
                print(SummaryReport.render(result))
                if let output {
                    try writeResult(result, to: output)
                    print("\nResult written to \(output)")
                }
                try writeExports(of: result)
            } catch var error as ConfigError {
                error.location.file = error.location.file ?? config
                throw error
            }
        } catch {
            throw fail(error)
        }
    }

    /// The report exports the options ask for (docs/RESULTS.md, "Exports").
    func writeExports(of result: BacktestResult) throws {
        let options = CSVDocument.Options(includesByteOrderMark: csvBom)
        if let exportTradesCsv {
            try TradesCSV(trades: result.trades).data(options: options).write(to: URL(fileURLWithPath: exportTradesCsv))
            print("Trades written to \(exportTradesCsv)")
        }
        if let exportEquityCsv {
            try EquityCSV(equityCurve: result.equityCurve).data(options: options)
                .write(to: URL(fileURLWithPath: exportEquityCsv))
            print("Equity curve written to \(exportEquityCsv)")
        }
        if let exportXlsx {
            try XLSXWorkbook(content: result.reportContent).data().write(to: URL(fileURLWithPath: exportXlsx))
            print("Workbook written to \(exportXlsx)")
        }
    }
}
