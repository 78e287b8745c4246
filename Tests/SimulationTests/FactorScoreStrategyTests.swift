import Testing
import HuiceCore
import MarketData
import Factors
import TestSupport
import Strategies
@testable import Simulation

private let a = "600000.SH", b = "600001.SH", c = "600002.SH"

/// Flat stocks at 10.00 with given per-day scores (NaN = undefined).
private func run(_ scores: [String: [Double]], selection: FactorScoreStrategy<PrecomputedIndicator>.Selection = .everyStock,
                 sizing: FactorScoreStrategy<PrecomputedIndicator>.Sizing = .percentOfEquity(1),
                 positions: PositionRules = PositionRules()) -> (MarketFixture, SimulationResult) {
    let days = scores.values.first!.count
    var market = MarketFixture(count: days)
    for code in scores.keys.sorted() { market.add(code, bars: Array(repeating: .flat("10.00"), count: days)) }
    let indicator = PrecomputedIndicator(name: "score", values: Dictionary(uniqueKeysWithValues: scores.map {
        (StockCode(normalizing: $0.key)!, $0.value)
    }))
    var strategy = FactorScoreStrategy(score: indicator, buyThreshold: 0.6, sellThreshold: -0.6, sizing: sizing, selection: selection)
    let settings = SimulationSettings(initialCash: .yuan("1000000.00"), models: .ashare(), positions: positions)
    return (market, BacktestEngine(panel: market.panel(), settings: settings).run(&strategy))
}

@Suite("Factor score strategy (seed 000 §2.1.3)")
struct FactorScoreStrategyTests {
    @Test("buys the session after score > 0.6 while flat, sells the session after score < −0.6 while holding; scores in between do nothing")
    func thresholds() {
        let (market, result) = run([a: [0.1, 0.6, 0.61, 0.9, 0, -0.6, -0.61, 0.7, 0.2]])
        let trades = result.log.trades.filter { $0.status == .filled }
        #expect(trades.map(\.direction) == [.buy, .sell, .buy])
        // signal day 2 (0.61; exactly 0.6 is not above) → fills day 3; −0.61 on day 6 → sells day 7; 0.7 on day 7 → buys day 8
        #expect(trades.map(\.executeDate) == [market.days[3], market.days[7], market.days[8]])
        #expect(trades.map(\.signalScore) == [0.61, -0.61, 0.7])
        // percent_of_equity 1.0 of 1,000,000 at 10.00, fee-aware lots: fewer than 100,000 shares, a multiple of 100
        #expect(trades[0].shares < 100_000 && trades[0].shares >= 99_900 && trades[0].shares % 100 == 0)
    }

    @Test("an undefined score (NaN) neither buys nor sells")
    func undefinedScore() {
        let (_, result) = run([a: [.nan, 0.9, .nan, .nan, -0.9, 0]])
        let trades = result.log.trades.filter { $0.status == .filled }
        #expect(trades.map(\.direction) == [.buy, .sell])
    }

    @Test("shares sizing buys the fixed count (the seed's 100 shares)")
    func fixedShares() {
        let (_, result) = run([a: [0.9, 0, 0]], sizing: .shares(100))
        #expect(result.log.trades.first?.shares == 100)
    }

    @Test("top_n buys the highest scores above the threshold, 1/n of equity each, and keeps holdings until their sell signal")
    func topN() {
        let (market, result) = run([
            a: [0.7, 0.0, 0.0, 0.0],
            b: [0.9, 0.0, -0.7, 0.0],
            c: [0.8, 2.0, 2.0, 0.0],
        ], selection: .topN(2))
        let buys = result.log.trades.filter { $0.status == .filled && $0.direction == .buy }
        // day 0: b (0.9) and c (0.8) of three candidates; day 1: both held → nothing; day 2: b sells (day 3), a's 0.0 is not above 0.6
        #expect(buys.map(\.stockCode.rawValue) == [b, c])
        #expect(buys.allSatisfy { $0.executeDate == market.days[1] })
        #expect(buys.allSatisfy { $0.shares <= 50_000 && $0.shares >= 49_900 })
        let sells = result.log.trades.filter { $0.status == .filled && $0.direction == .sell }
        #expect(sells.map(\.stockCode.rawValue) == [b])
        #expect(sells.first?.executeDate == market.days[3])
    }

    @Test("top_n counts pending buys: a slot freed by a sell is refilled only by a candidate above the threshold")
    func topNRefill() {
        let (market, result) = run([
            a: [0.0, 0.0, 0.0, 0.9, 0.0, 0.0],
            b: [0.9, 0.0, -0.7, 0.0, 0.0, 0.0],
        ], selection: .topN(1))
        let filled = result.log.trades.filter { $0.status == .filled }
        #expect(filled.map { "\($0.direction.rawValue) \($0.stockCode)" } == ["buy \(b)", "sell \(b)", "buy \(a)"])
        #expect(filled.map(\.executeDate) == [market.days[1], market.days[3], market.days[4]])
    }
}
