import ArgumentParser
import Foundation
import MarketData
import Runtime

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Backtest the bundled sample data (seed 002 signals, A-share rules) and print the report.")

    @Option(name: .long, help: "Also write the full result JSON here.")
    var output: String?

    func run() async throws {
        do {
            let configPath = SampleDataSet.demoConfig
            let config = try EffectiveConfig(BacktestConfig.decode(try Data(contentsOf: URL(fileURLWithPath: configPath)),
                                                                   file: "demo.json"))
            let imported = try await MarketDataLoader().load(path: SampleDataSet.dataDirectory)
            let result = try BacktestRunner.run(config, data: imported.data,
                                                baseDirectory: (configPath as NSString).deletingLastPathComponent)
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
