import Dispatch
import HuiceCore
import MarketData
import Simulation
import Strategies

/// The three workloads of ../shared/data/bench (README there): W1 100 single-stock SMA 10/30
/// crossovers, W2 the same on 1,000,000 minute bars, W3 a 500-stock momentum rotation.
enum Workloads {
    /// One workload run: simulation seconds (data already in memory, panel built), the engine's
    /// result(s) and the figures the answers check.
    struct Outcome {
        var seconds: Double
        var bars: Int
        var finalValues: [String: Money]
        var entries: [String: Int]
        var exits: [String: Int]
        var orders: Int

        var barsPerSecond: Double { Double(bars) / seconds }
    }

    static func settings(_ profile: String) -> SimulationSettings {
        let cash = Money(fen: 100_000_000)
        if profile == "generic" { return SimulationSettings(initialCash: cash, models: .generic()) }
        // A-share rules with seed 002's trading defaults (fees, lots, T+1, limits, liquidity model);
        // no position rules, so the strategy's own signals drive the trades.
        return SimulationSettings(initialCash: cash, models: .ashare(participationRate: 0.15),
                                  fillPolicy: FillPolicy(minFillProbability: 0.35))
    }

    static func panel(_ series: BarSeries) -> MarketPanel {
        MarketPanel(data: MarketDataSet(series: [series.code: series]), codes: [series.code], sessions: series.times)
    }

    /// W1: each panel a separate backtest, spread over `workers` threads.
    static func w1(_ panels: [MarketPanel], profile: String, workers: Int) -> Outcome {
        let settings = settings(profile)
        let results = ResultSlots(count: panels.count)
        let (_, seconds) = ProcessClock.measure {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for i in stride(from: worker, to: panels.count, by: workers) {
                    var strategy = MovingAverageCrossover(fast: 10, slow: 30)
                    results[i] = BacktestEngine(panel: panels[i], settings: settings).run(&strategy)
                }
            }
        }
        var outcome = Outcome(seconds: seconds, bars: panels.reduce(0) { $0 + $1.sessionCount }, finalValues: [:],
                              entries: [:], exits: [:], orders: 0)
        for (i, panel) in panels.enumerated() {
            let name = panel.instruments[0].code.description
            let log = results[i]!.log
            outcome.finalValues[name] = log.ledger.finalEquity
            outcome.entries[name] = log.events.filter { $0.side == .buy && $0.isFill }.count
            outcome.exits[name] = log.events.filter { $0.side == .sell && $0.isFill }.count
            outcome.orders += log.events.filter(\.isFill).count
        }
        return outcome
    }

    /// W2: one backtest on the minute bars.
    static func w2(_ panel: MarketPanel, profile: String) -> Outcome {
        var strategy = MovingAverageCrossover(fast: 10, slow: 30)
        let engine = BacktestEngine(panel: panel, settings: settings(profile))
        let (result, seconds) = ProcessClock.measure { engine.run(&strategy) }
        let fills = result.log.events.filter(\.isFill)
        return Outcome(seconds: seconds, bars: panel.sessionCount, finalValues: ["MIN000": result.log.ledger.finalEquity!],
                       entries: ["MIN000": fills.filter { $0.side == .buy }.count],
                       exits: ["MIN000": fills.filter { $0.side == .sell }.count], orders: fills.count)
    }

    /// W3: the 500-stock portfolio.
    static func w3(_ panel: MarketPanel, profile: String) -> Outcome {
        var strategy = MomentumRotation(lookback: 60, every: 20, holdings: 20)
        let engine = BacktestEngine(panel: panel, settings: settings(profile))
        let (result, seconds) = ProcessClock.measure { engine.run(&strategy) }
        return Outcome(seconds: seconds, bars: panel.barRow.count, finalValues: ["portfolio": result.log.ledger.finalEquity!],
                       entries: [:], exits: [:], orders: result.log.events.filter(\.isFill).count)
    }
}

/// One slot per job for results computed on several threads: each worker writes only its own
/// indices, and the slots are read after all workers have finished.
final class ResultSlots: @unchecked Sendable {
    private var slots: [SimulationResult?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> SimulationResult? {
        get { slots[index] }
        set { slots.withUnsafeMutableBufferPointer { $0[index] = newValue } }
    }
}
