import ArgumentParser
import Foundation
import MarketData
import Runtime

struct Optimize: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grid search (and walk-forward) over strategy parameters and factor weights.",
        discussion: """
            The search config names a base backtest config, the parameter values and weight grid to try, the \
            metric to rank by and an optional walk-forward schedule (docs/OPTIMIZE.md). Every combination is a \
            full backtest; trials run on every core. Prints the best combinations; --output writes every trial.
            """)

    @Option(name: .long, help: "The search config (JSON).")
    var config: String

    @Option(name: .long, help: "Market data: a directory, a data file or a store (default: the bundled sample data).")
    var data: String?

    @Option(name: .long, help: "The factor-config store for a factor_config_id (default: --data when it is a store, else huice-data/huice.sqlite).")
    var store: String?

    @Option(name: .long, help: "Where to write the full result JSON.")
    var output: String?

    @Option(name: .long, help: "How many of the best combinations to print.")
    var top = 10

    func run() async throws {
        do {
            let url = URL(fileURLWithPath: config)
            guard let bytes = FileManager.default.contents(atPath: config) else {
                throw ConfigError(file: config, reason: "cannot read the file")
            }
            let baseDirectory = url.deletingLastPathComponent().path
            let search = try ParameterSearchConfig.decode(bytes, file: config, baseDirectory: baseDirectory)
            let dataPath = data ?? SampleDataSet.dataDirectory
            let storePath = store ?? (MarketDataLoader.isStore(dataPath) ? dataPath : "huice-data/huice.sqlite")
            let prepared = try await search.resolvingFactorConfig(storePath: storePath)
            let base = try prepared.baseConfig()
            let inputs = try await BacktestInputs.load(base, dataPath: dataPath, baseDirectory: baseDirectory)
            let result = try ParameterSearch(prepared, data: inputs.data, factors: inputs.factors, baseDirectory: baseDirectory).run()
            print(SummaryReport.render(result, top: max(1, top)))
            if let output {
                try result.jsonDocument().write(to: URL(fileURLWithPath: output))
                print("\nResult written to \(output)")
            }
        } catch {
            throw fail(error)
        }
    }
}
