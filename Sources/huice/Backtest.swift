import ArgumentParser
import Foundation
import MarketData
import Runtime

struct Backtest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a backtest described by a JSON config on a directory (or file) of market data.",
        discussion: """
            The config takes seed 002's BacktestConfig fields plus universe, strategy, benchmark, market and the \
            risk-monitor fields (docs/CONFIG.md). Prints a summary; --output writes the full result (docs/RESULTS.md).
            """)

    @Option(name: .long, help: "The backtest config (JSON).")
    var config: String

    @Option(name: .long, help: "A directory of data files (any supported format), one data file, or a store (huice import --into).")
    var data: String

    @Option(name: .long, help: "Where to write the result JSON.")
    var output: String?

    @Flag(name: .long, help: "Skip invalid data rows (each is reported) instead of failing the import.")
    var skipInvalidRows = false

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
            let imported = try await MarketDataLoader(options: ImportOptions(skipInvalidRows: skipInvalidRows)).load(path: data)
            for skipped in imported.report.skippedRows { print("skipped row: \(skipped)") }
            let result: BacktestResult
            do {
                result = try BacktestRunner.run(effective, data: imported.data, baseDirectory: url.deletingLastPathComponent().path)
            } catch var error as ConfigError {
                error.location.file = error.location.file ?? config
                throw error
            }
            print(SummaryReport.render(result))
            if let output {
                try writeResult(result, to: output)
                print("\nResult written to \(output)")
            }
        } catch {
            throw fail(error)
        }
    }
}
