import Testing
import HuiceCore
import MarketData
import TestSupport
import Strategies
@testable import Simulation

/// A signal for `code` after the close of `market.days[day]`.
private func signal(_ market: MarketFixture, _ code: String, day: Int, _ score: Double, _ recommendation: Recommendation = .buy,
                    size: Double? = nil, entry: String? = nil, stop: String? = nil, target: String? = nil) -> BacktestSignal {
    BacktestSignal(signalDate: market.days[day], stockCode: StockCode(normalizing: code)!, finalScore: score,
                   recommendation: recommendation, positionSize: size, entry: entry.map { .yuan($0) },
                   stop: stop.map { .yuan($0) }, target: target.map { .yuan($0) })
}

/// Runs seed 002's signal strategy on `market` with A-share models.
private func runSignals(
    _ market: MarketFixture, _ signals: [BacktestSignal], selection: SignalStrategy.Selection = .init(),
    positions: PositionRules = PositionRules(), cash: String = "1000000.00"
) -> SimulationResult {
    var strategy = SignalStrategy(signals: signals, selection: selection)
    let settings = SimulationSettings(initialCash: .yuan(cash), models: .ashare(), positions: positions)
    return BacktestEngine(panel: market.panel(), settings: settings).run(&strategy)
}

/// Flat stocks at 10.00 for `days` days.
private func flatMarket(_ codes: [String], days: Int = 4) -> MarketFixture {
    var market = MarketFixture(count: days)
    for code in codes { market.add(code, bars: Array(repeating: .flat("10.00"), count: days)) }
    return market
}

private let a = "600000.SH", b = "600001.SH", c = "600002.SH", d = "600003.SH"

@Suite("Seed 002 signal strategy: selection, sizing, exits, order types")
struct SignalStrategyTests {
    @Test("buys only signals at or above min_recommendation and min_final_score, with the signal's provenance")
    func selectionThresholds() {
        let market = flatMarket([a, b, c, d])
        let result = runSignals(market, [
            signal(market, a, day: 0, 70, .strongBuy, size: 0.1),
            signal(market, b, day: 0, 55, .buy, size: 0.1),     // exactly at min_final_score: taken
            signal(market, c, day: 0, 90, .hold, size: 0.1),    // below min_recommendation BUY
            signal(market, d, day: 0, 54.99, .buy, size: 0.1),  // below min_final_score 55
        ])
        #expect(result.log.trades.map(\.stockCode.rawValue) == [a, b])
        #expect(result.log.trades.map(\.shares) == [10_000, 10_000])  // 0.1 × 1,000,000.00 / 10.00
        let first = result.log.trades[0]
        #expect(first.signalID == "SIG_\(market.days[0])_\(a)")
        #expect(first.signalScore == 70)
        #expect(first.recommendation == .strongBuy)

        let strict = runSignals(market, [signal(market, a, day: 0, 70, .strongBuy, size: 0.1), signal(market, b, day: 0, 99, .buy, size: 0.1)],
                                selection: .init(minRecommendation: .strongBuy, minFinalScore: 0))
        #expect(strict.log.trades.map(\.stockCode.rawValue) == [a])
    }

    @Test("top_n is applied before held stocks are skipped: the best-scored being held leaves one new buy")
    func topNBeforeHeldSkip() {
        let market = flatMarket([a, b, c])
        let result = runSignals(market, [
            signal(market, a, day: 0, 90, size: 0.1),
            signal(market, a, day: 1, 95, size: 0.1),  // held: takes a top_n slot, then is skipped
            signal(market, b, day: 1, 80, size: 0.1),
            signal(market, c, day: 1, 70, size: 0.1),  // third by score: outside top_n 2
        ], selection: .init(topN: 2))
        #expect(result.log.trades.map(\.stockCode.rawValue) == [a, b])
        #expect(result.log.trades.map(\.executeDate) == [market.days[1], market.days[2]])
    }

    @Test("a buy signal for a held stock is skipped without a record")
    func heldStockSkipped() {
        let market = flatMarket([a])
        let result = runSignals(market, [signal(market, a, day: 0, 90, size: 0.1), signal(market, a, day: 1, 99, .strongBuy, size: 0.5)])
        #expect(result.log.trades.count == 1)
        #expect(result.positions.map(\.shares) == [10_000])
    }

    @Test("SELL and AVOID close a held position whatever the score; for a stock not held they do nothing")
    func sellAndAvoidClose() {
        let market = flatMarket([a, b, c], days: 5)
        let result = runSignals(market, [
            signal(market, a, day: 0, 90, size: 0.1),
            signal(market, b, day: 0, 90, size: 0.1),
            signal(market, a, day: 2, 10, .sell),    // below min_final_score: still closes
            signal(market, b, day: 2, 99, .avoid),   // a high score: still closes
            signal(market, c, day: 2, 20, .sell),    // not held: no record
        ])
        let sells = result.log.trades.filter { $0.direction == .sell }
        #expect(sells.map(\.stockCode.rawValue) == [a, b])
        #expect(sells.allSatisfy { $0.executeDate == market.days[3] && $0.exitReason == .signal && $0.shares == 10_000 })
        #expect(sells.map(\.recommendation) == [.sell, .avoid])
        #expect(result.log.trades.count == 4)
        #expect(result.positions.isEmpty)
    }

    @Test("max_positions counts held positions (one being sold) plus buys accepted that evening; the rest get max_position")
    func maxPositions() {
        let market = flatMarket([a, b, c, d])
        let result = runSignals(market, [
            signal(market, a, day: 0, 90, size: 0.1),
            signal(market, a, day: 1, 90, .sell),    // pending sell: still counts at day 1's close
            signal(market, b, day: 1, 90, size: 0.1),
            signal(market, c, day: 1, 80, size: 0.1),
            signal(market, d, day: 1, 70, size: 0.1),
        ], positions: PositionRules(maxPositions: 3))
        let refused = result.log.trades.filter { $0.filledReason == .maxPosition }
        #expect(refused.map(\.stockCode.rawValue) == [d])
        #expect(refused.first?.signalDate == market.days[1])
        #expect(refused.first?.executeDate == market.days[2])
        #expect(refused.first?.status == .rejected)
        let day2 = result.log.trades.filter { $0.executeDate == market.days[2] && $0.status == .filled }
        #expect(day2.map(\.stockCode.rawValue) == [a, b, c])  // the sell first, then buys by score
    }

    @Test("position_size is capped by max_position_pct of the equity at the decision close, not at the open")
    func sizingCap() {
        var market = MarketFixture(count: 3)
        market.add(a, bars: [.flat("10.00"), Quote("10.00", "10.90", "10.00", "10.90"), .flat("11.90")])
        market.add(b, bars: [.flat("19.00"), .flat("19.00"), .flat("19.00")])
        let result = runSignals(market, [signal(market, a, day: 0, 90, size: 0.1), signal(market, b, day: 1, 90, size: 0.5)],
                                positions: PositionRules(maxPositionPct: 0.2))
        // Day 1: 10,000 × 10.00 + 30.00 + 1.00 fees → cash 899,969.00; close 10.90 → equity 1,008,969.00.
        // min(0.5, 0.2) × 1,008,969.00 = 201,793.80 at 19.00 → 10,620 shares → 10,600 in lots.
        // (The initial cash would give 10,500; the equity at day 2's open, A at 11.90, 10,700.)
        let buy = try! #require(result.log.trades.last)
        #expect(buy.stockCode.rawValue == b)
        #expect(buy.shares == 10_600)
        #expect(buy.amount == .yuan("201400.00"))
    }

    @Test("a buy is cut lot by lot until amount plus fees fit the cash")
    func feeAwareLots() {
        var market = MarketFixture(count: 2)
        market.add(a, bars: [.flat("19.99"), .flat("19.99")])
        let result = runSignals(market, [signal(market, a, day: 0, 90, size: 1.0)], cash: "49985.00")
        // 2,500 shares = 49,975.00 + 14.99 + 0.50 = 49,990.49 > 49,985.00 → 2,400 shares:
        // 47,976.00 + 14.39 (0.03%) + 0.48 (0.001%) = 47,990.87.
        let buy = try! #require(result.log.trades.first)
        #expect(buy.shares == 2_400)
        #expect(buy.commission == .yuan("14.39"))
        #expect(buy.transferFee == .yuan("0.48"))
        #expect(result.cash == .yuan("1994.13"))
    }

    @Test("buys execute in descending final_score, then code; the last one gets what cash is left")
    func buyOrder() {
        let market = flatMarket([a, b, c], days: 2)
        let result = runSignals(market, [
            signal(market, c, day: 0, 90, size: 0.4),
            signal(market, a, day: 0, 70, size: 0.4),
            signal(market, b, day: 0, 90, size: 0.4),
        ], cash: "100000.00")
        // Each wants 40,000.00: 4,000 shares + 12.00 + 0.40. After two, 19,975.20 is left:
        // 1,900 shares = 19,000.00 + 5.70 + 0.19 fits, 2,000 shares does not.
        #expect(result.log.trades.map(\.stockCode.rawValue) == [b, c, a])
        #expect(result.log.trades.map(\.shares) == [4_000, 4_000, 1_900])
        #expect(result.cash == .yuan("969.31"))
    }

    @Test("per-signal stop and target prices replace stop_loss_pct and take_profit_pct")
    func signalStopTarget() {
        var market = MarketFixture(count: 4)
        market.add(a, bars: [.flat("10.00"), .flat("10.00"), .flat("9.50"), .flat("9.50")])
        market.add(b, bars: [.flat("10.00"), .flat("10.00"), .flat("10.50"), .flat("10.50")])
        market.add(c, bars: [.flat("10.00"), .flat("10.00"), .flat("9.50"), .flat("9.50")])
        let result = runSignals(market, [
            signal(market, a, day: 0, 90, size: 0.1, stop: "9.50", target: "12.00"),
            signal(market, b, day: 0, 80, size: 0.1, stop: "9.00", target: "10.50"),
            signal(market, c, day: 0, 70, size: 0.1),  // −5% is inside the config's 8% stop
        ], positions: PositionRules(stopLossPct: 0.08, takeProfitPct: 0.15))
        let sells = result.log.trades.filter { $0.direction == .sell }
        #expect(sells.map(\.stockCode.rawValue) == [a, b])
        #expect(sells.map(\.exitReason) == [.stopLoss, .takeProfit])
        #expect(sells.allSatisfy { $0.signalDate == market.days[2] && $0.executeDate == market.days[3] })
        #expect(result.positions.map(\.stockCode.rawValue) == [c])
        #expect(result.positions.first?.stopPrice == nil)
    }

    @Test("with order_type limit a buy's limit is the signal's entry price, else the decision close")
    func limitEntry() {
        var market = MarketFixture(count: 2)
        market.add(a, bars: [.flat("10.00"), Quote("10.00", "10.10", "9.40", "9.80")])
        market.add(b, bars: [.flat("10.00"), Quote("10.20", "10.30", "10.05", "10.10")])
        let result = runSignals(market, [
            signal(market, a, day: 0, 90, size: 0.1, entry: "9.50"),
            signal(market, b, day: 0, 80, size: 0.1),
        ], selection: .init(orderType: .limit))
        let trades = Dictionary(uniqueKeysWithValues: result.log.trades.map { ($0.stockCode.rawValue, $0) })
        #expect(trades[a]?.orderType == .limit)
        #expect(trades[a]?.signalPrice == .yuan("9.50"))
        #expect(trades[a]?.filledPrice == .yuan("9.50"))
        #expect(trades[a]?.filledTime == "09:30:00")
        #expect(trades[a]?.shares == 10_500)  // 100,000.00 / 9.50 = 10,526 → 10,500
        #expect(trades[b]?.signalPrice == .yuan("10.00"))
        #expect(trades[b]?.filledReason == .limitNotReached)
    }
}
