import Foundation
import Synchronization
import Testing
import HuiceCore
import MarketData
import Simulation
@testable import Runtime

/// `BacktestRunner.run(…, monitor:)` on the bundled sample.
@Suite("Monitored runs")
struct MonitoredRunTests {
    static let sample: MarketDataSet = {
        try! MarketDataImporter().importDirectory(at: SampleDataSet.dataDirectory).data
    }()

    func config() throws -> EffectiveConfig {
        let json = """
        {"start_date": "2015-01-05", "end_date": "2016-12-30", "universe": ["600036.SH"],
         "strategy": {"type": "factor_score", "factor_weights": {"rsi": 0.5, "macd": 0.5}}}
        """
        return try EffectiveConfig(BacktestConfig.decode(Data(json.utf8), file: "t.json"))
    }

    @Test("a monitor that never stops the run gives a byte-identical result document")
    func identicalDocument() throws {
        let plain = try BacktestRunner.run(config(), data: Self.sample, baseDirectory: "/")
        let calls = Mutex(0)
        let watched = try BacktestRunner.run(config(), data: Self.sample, baseDirectory: "/",
                                             monitor: RunMonitor(every: 1) { _, _ in calls.withLock { $0 += 1 }; return true })
        #expect(try watched.jsonDocument() == plain.jsonDocument())
        #expect(calls.withLock { $0 } == plain.data.sessions)
        #expect(!plain.trades.isEmpty)
    }

    @Test("a run stopped at day k throws RunCancelled(k, sessions) instead of returning a partial result")
    func stoppedRunThrows() throws {
        let sessions = try BacktestRunner.run(config(), data: Self.sample, baseDirectory: "/").data.sessions
        #expect(throws: RunCancelled(sessionsDone: 100, sessionCount: sessions)) {
            try BacktestRunner.run(config(), data: Self.sample, baseDirectory: "/",
                                   monitor: RunMonitor(every: 10) { done, _ in done < 100 })
        }
    }
}
