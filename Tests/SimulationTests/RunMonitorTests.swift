import Synchronization
import Testing
import HuiceCore
import MarketData
import TestSupport
@testable import Simulation

/// The engine's monitor hook: progress between sessions, and stopping a run early.
@Suite("Run monitor")
struct RunMonitorTests {
    /// A seeded random run (market, settings and strategy from `PropertyTests`' generator).
    let run = RandomRun(seed: 7, ashare: true)

    func simulate(_ monitor: RunMonitor?) -> SimulationResult {
        var strategy = RandomStrategy(seed: run.seed)
        return BacktestEngine(panel: run.market.panel(), settings: run.settings).run(&strategy, monitor: monitor)
    }

    @Test("the monitor sees increasing progress every `every` sessions, ending at 100 %")
    func monotoneProgress() throws {
        let calls = Mutex<[(Int, Int)]>([])
        let result = simulate(RunMonitor(every: 3) { done, total in
            calls.withLock { $0.append((done, total)) }
            return true
        })
        let seen = calls.withLock { $0 }
        let sessions = run.market.days.count
        #expect(sessions > 10)
        #expect(seen.map(\.1).allSatisfy { $0 == sessions })
        // 3, 6, 9, …, and the last session even when it is not a multiple of 3.
        let expected = Array(stride(from: 3, to: sessions, by: 3)) + [sessions]
        #expect(seen.map(\.0) == expected)
        #expect(result.sessionsRun == sessions)
    }

    @Test("returning false at day k stops the run after day k: k sessions in the ledger, equal to the full run's first k")
    func stopsAtDayK() throws {
        let full = simulate(nil)
        let k = 9
        let stopped = simulate(RunMonitor(every: 1) { done, _ in done < k })
        #expect(stopped.sessionsRun == k)
        #expect(stopped.log.ledger.count == k)
        #expect(Array(stopped.log.ledger.equity) == Array(full.log.ledger.equity.prefix(k)))
        // Nothing is decided or filled after the stop, and what happened up to it is what the full run did.
        let lastDay = run.market.days[k - 1]
        #expect(stopped.log.trades.allSatisfy { $0.signalDate <= lastDay })
        #expect(stopped.log.trades.filter(\.isFill).allSatisfy { $0.executeDate <= lastDay })
        let upToStop = { (trades: [BacktestTrade]) in trades.filter { $0.executeDate <= lastDay } }
        #expect(upToStop(stopped.log.trades) == upToStop(full.log.trades))
        #expect(!upToStop(full.log.trades).isEmpty)
    }

    @Test("a monitor that never stops the run leaves the result unchanged")
    func neutralMonitor() throws {
        let plain = simulate(nil)
        let watched = simulate(RunMonitor(every: 1) { _, _ in true })
        #expect(watched == plain)
        #expect(watched.log.trades == plain.log.trades)
        #expect(!plain.log.trades.isEmpty)
    }

    @Test("a false answer after the last session does not make the run incomplete")
    func stopAfterLastSessionIsComplete() throws {
        let result = simulate(RunMonitor(every: 1000) { _, _ in false })
        #expect(result.sessionsRun == run.market.days.count)
    }
}
