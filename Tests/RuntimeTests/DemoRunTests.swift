import Testing
import Foundation
import HuiceCore
@testable import Runtime

/// The bundled demo, end to end: config file → sample data import → run → result JSON.
private func runDemo() async throws -> (BacktestResult, Data) {
    let path = SampleDataSet.demoConfig
    let config = try EffectiveConfig(BacktestConfig.decode(Data(contentsOf: URL(fileURLWithPath: path)), file: "demo.json"))
    let data = try await MarketDataLoader().load(path: SampleDataSet.dataDirectory).data
    let result = try BacktestRunner.run(config, data: data, baseDirectory: (path as NSString).deletingLastPathComponent)
    return (result, try encodeResult(result))
}

@Suite("The bundled demo, end to end")
struct DemoRunTests {
    @Test("two runs of the demo write byte-identical result JSON")
    func deterministic() async throws {
        let (first, firstJSON) = try await runDemo()
        let (_, secondJSON) = try await runDemo()
        let difference = firstDifference(firstJSON, secondJSON)
        #expect(difference == nil, "\(difference ?? "")")
        #expect(first.trades.contains { $0.status == .filled && $0.direction == .sell })
        #expect(firstJSON.count > 100_000)
    }

    @Test("the demo's last equity equals final_value and cash + market value of the open positions")
    func finalValueReconciles() async throws {
        let (result, json) = try await runDemo()
        let last = try #require(result.equityCurve.last)
        #expect(last.equity == result.finalValue)
        #expect(last.equity == last.cash + last.positionsValue)
        let summary = result.positionSummary
        #expect(summary.cash + summary.marketValue == result.finalValue)
        #expect(summary.equity == result.finalValue)
        #expect(summary.cash == last.cash)
        #expect(summary.positions.reduce(Money.zero) { $0 + $1.marketValue } == summary.marketValue)
        // The same holds in the written document.
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let curve = try #require(object["equity_curve"] as? [[String: Any]])
        #expect(curve.last?["equity"] as? Double == object["final_value"] as? Double)
        #expect(result.equityCurve.count == result.data.sessions)
    }
}
