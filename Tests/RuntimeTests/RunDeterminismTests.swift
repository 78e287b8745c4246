import Testing
import Foundation
import HuiceCore
import MarketData
import TestSupport
@testable import Runtime

/// A random run through Runtime: a seeded market, a seeded config (profile, strategy, order and
/// slippage types, fill seed, position rules, risk limits) and, for the signal strategy, a seeded
/// signal file.
private struct RandomConfigRun {
    let market: RandomMarket
    let config: BacktestConfig
    let signalFile: String?

    init(seed: UInt64) {
        var rng = SplitMix64(seed: seed &* 7 &+ 3)
        let generic = rng.chance(0.3)
        market = RandomMarket(seed: seed, includeOtherTickers: generic)
        let days = market.days
        var signals: String?
        let strategy: StrategySpec
        switch rng.int(0...3) {
        case 0: strategy = .buyAndHold
        case 1: strategy = .movingAverageCrossover(fast: rng.int(2...4), slow: rng.int(5...8), equalWeight: rng.chance(0.5))
        case 2: strategy = .momentumRotation(lookback: rng.int(3...6), every: rng.int(2...5), holdings: rng.int(1...3))
        default:
            strategy = .signals(path: "signals.csv")
            var lines = ["signal_date,stock_code,final_score,recommendation,position_size,entry,stop,target"]
            let recommendations = ["STRONG_BUY", "BUY", "BUY", "HOLD", "SELL", "AVOID"]
            for (d, day) in days.enumerated() {
                for (i, code) in market.codes.enumerated() where rng.chance(0.3) {
                    let close = market.lastClose(i, atOrBefore: d)
                    let size = rng.chance(0.7) ? String(format: "%.2f", rng.double(0.05, 0.5)) : ""
                    let entry = close.map { rng.chance(0.5) ? "\(Price(units: $0.units * 99 / 100).rounded(toTick: .cent))" : "" } ?? ""
                    let exits = close.map { rng.chance(0.3) ? "\(Price(units: $0.units * 95 / 100)),\(Price(units: $0.units * 110 / 100))" : "," } ?? ","
                    lines.append("\(day),\(code),\(rng.int(30...99)),\(rng.pick(recommendations)),\(size),\(entry),\(exits)")
                }
            }
            signals = lines.joined(separator: "\n") + "\n"
        }
        signalFile = signals
        var config = BacktestConfig(startDate: days[0], endDate: days[days.count - 1], strategy: strategy)
        config.market = .set(generic ? .generic : .ashare)
        config.initialCash = .set(Double(rng.int(10_000...2_000_000)))
        config.minFinalScore = .set(Double(rng.int(40...70)))
        config.topN = rng.chance(0.5) ? .set(rng.int(1...4)) : .absent
        config.orderType = .set(rng.chance(0.3) ? .limit : .auction)
        config.slippageType = .set(rng.pick([.auction, .none, .fixed, .variable]))
        config.seed = rng.chance(0.5) ? .set(rng.next() >> 1) : .absent
        config.maxPositions = rng.chance(0.5) ? .set(rng.int(1...4)) : .absent
        config.maxHoldingDays = rng.chance(0.3) ? .off : .absent
        config.maxDrawdownPct = rng.chance(0.3) ? .set(rng.double(0.05, 0.3)) : .absent
        if generic && rng.chance(0.5) { config.queueParticipationRate = .set(0.2) }
        self.config = config
    }

    /// Config → effective config → run → JSON, with the signal file written to a fresh directory.
    func resultJSON() throws -> (BacktestResult, Data) {
        let directory = try temporaryDirectory("run")
        defer { try? FileManager.default.removeItem(at: directory) }
        if let signalFile { try Data(signalFile.utf8).write(to: directory.appendingPathComponent("signals.csv")) }
        let result = try BacktestRunner.run(EffectiveConfig(config), data: market.fixture.data, baseDirectory: directory.path)
        return (result, try encodeResult(result))
    }
}

@Suite("Runtime determinism on random markets and configs")
struct RunDeterminismTests {
    @Test("two runs of the same config and data write byte-identical JSON whose final value reconciles",
          arguments: 0..<40 as Range<UInt64>)
    func byteIdentical(seed: UInt64) throws {
        let run = RandomConfigRun(seed: seed)
        let (result, first) = try run.resultJSON()
        let (_, second) = try run.resultJSON()
        let difference = firstDifference(first, second)
        #expect(difference == nil, "seed \(seed): \(difference ?? "")")
        #expect(result.equityCurve.last?.equity == result.finalValue)
        #expect(result.positionSummary.cash + result.positionSummary.marketValue == result.finalValue)
    }
}
