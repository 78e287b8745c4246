import ArgumentParser
import Foundation
import HuiceCore
import MarketData
import Runtime

@main
struct Huice: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "huice",
        abstract: "Huice (回测): a faithful, fast backtester for China A-shares.",
        subcommands: [Demo.self, Backtest.self, Import.self, Indicators.self, FactorsCommand.self, FactorConfigCommand.self, Optimize.self,
                      Serve.self])
}

/// Prints an error the way every command does and fails with exit code 1.
func fail(_ error: any Error) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    return ExitCode(1)
}

/// Writes `result` as JSON (`BacktestResult.jsonDocument()`: sorted keys, byte-identical for identical runs).
func writeResult(_ result: BacktestResult, to path: String) throws {
    try result.jsonDocument().write(to: URL(fileURLWithPath: path))
}
