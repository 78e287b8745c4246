import Testing
import HuiceCore
import MarketData
import TestSupport
@testable import Simulation

@Suite("Participation, fill probability, exits, risk and T+1")
struct ExecutionRulesTests {
    @Test("an order larger than the participation cap fills in part: buys drop the rest, sells retry it")
    func partialFills() {
        var market = MarketFixture(count: 4)
        // 1,000 shares traded a day: 15% = 150 → one lot.
        market.add("600000.SH", bars: [.flat("10.00", volume: 1_000), .flat("10.00", volume: 1_000),
                                       .flat("10.00", volume: 1_000), .flat("10.00", volume: 1_000)])
        let (result, _) = runScript(market, fill: FillPolicy(minFillProbability: 0.35), [
            0: { $0.submit(.buy(0, .shares(500))) },
            1: { $0.closePosition(0) },
        ])
        let trades = result.log.trades
        #expect(trades.count == 1 + 1)  // the buy; the sell of the 100 held shares fills at once
        #expect(trades[0].status == .partiallyFilled)
        #expect(trades[0].filledReason == .volumeLimit)
        #expect(trades[0].orderShares == 500)
        #expect(trades[0].shares == 100)
        #expect(trades[0].queueRatio == 0.3)                                  // 150 / 500
        #expect(abs(trades[0].fillProbability - 0.65 * (0.5 + 0.5 * 0.3)) < 1e-12)  // L3 base 0.65
        #expect(trades[0].liquidityTier == .l3)
        #expect(trades[1].shares == 100)
    }

    @Test("a sell larger than the cap is retried with its remainder on the next days")
    func partialSellRetries() {
        var market = MarketFixture(count: 6)
        let thin: [Quote?] = [.flat("10.00"), .flat("10.00"), .flat("10.00", volume: 2_000), .flat("10.00", volume: 2_000),
                              .flat("10.00", volume: 2_000), .flat("10.00")]
        market.add("600000.SH", bars: thin)
        let (result, _) = runScript(market, [
            0: { $0.submit(.buy(0, .shares(700))) },
            1: { $0.closePosition(0) },
        ])
        let sells = result.log.trades.filter { $0.direction == .sell }
        // 15% of 2,000 = 300 a day: 300, 300, then the last 100 (an odd remainder is the whole position).
        #expect(sells.map(\.shares) == [300, 300, 100])
        #expect(sells.map(\.status) == [.partiallyFilled, .partiallyFilled, .filled])
        #expect(result.positions.isEmpty)
        let pnl = sells.compactMap(\.pnl).reduce(Money.zero, +)
        // Buy 7,000.00 + 5.07 fees; sells 3,000 / 3,000 / 1,000 each pay 5.00 + 0.05% + 0.001%.
        let expected = Money.yuan("7000.00") - Money.yuan("5.07")
            - (Money.yuan("5.00") + .yuan("1.50") + .yuan("0.03")) * 2 - (Money.yuan("5.00") + .yuan("0.50") + .yuan("0.01"))
            - Money.yuan("7000.00")
        #expect(pnl == expected)
    }

    @Test("below min_fill_probability an order fails with auction_fail")
    func auctionFail() {
        var market = MarketFixture(count: 2)
        market.add("600000.SH", bars: [.flat("10.00", volume: 100), .flat("10.00", volume: 100)])
        let (result, _) = runScript(market, fill: FillPolicy(minFillProbability: 0.35), [0: { $0.submit(.buy(0, .shares(1000))) }])
        let trade = try! #require(result.log.trades.first)
        #expect(trade.filledReason == .auctionFail)  // capacity 15 of 1000: p = 0.65 × 0.5075 = 0.33
        #expect(trade.fillProbability < 0.35)
    }

    @Test("a seeded random fill model is reproducible")
    func seededFills() {
        var market = MarketFixture(count: 40)
        market.add("600000.SH", bars: (0..<40).map { _ in .flat("10.00", volume: 3_000) })
        func run(seed: UInt64) -> [FilledReason] {
            let steps = Dictionary(uniqueKeysWithValues: (0..<39).map { s in
                (s, { (c: inout StrategyContext) in
                    if c.holds(0) { c.closePosition(0) } else { c.submit(.buy(0, .shares(400))) }
                } as ScriptedStrategy.Step)
            })
            return runScript(market, fill: FillPolicy(minFillProbability: 0.35, randomSeed: seed), steps).0.log.trades.map(\.filledReason)
        }
        #expect(run(seed: 7) == run(seed: 7))
        #expect(run(seed: 7) != run(seed: 8))
        #expect(run(seed: 7).contains(.auctionFail))
    }

    @Test("stop loss fires at a close at or below cost × (1 − 8%) and sells at the next open")
    func stopLoss() {
        var market = MarketFixture(count: 5)
        market.add("600000.SH", bars: [.flat("10.00"), .flat("10.00"), .flat("9.21"), .flat("9.20"), .flat("9.00")])
        let (result, _) = runScript(market, positions: PositionRules(stopLossPct: 0.08), [0: { $0.submit(.buy(0, .shares(100))) }])
        let sell = try! #require(result.log.trades.last)
        #expect(sell.direction == .sell)
        #expect(sell.exitReason == .stopLoss)
        #expect(sell.signalDate == market.days[3])   // 9.20 ≤ 9.20; 9.21 did not fire
        #expect(sell.executeDate == market.days[4])
        #expect(sell.filledPrice == .yuan("9.00"))
    }

    @Test("take profit fires at a close at or above cost × (1 + 15%)")
    func takeProfit() {
        var market = MarketFixture(count: 5)
        market.add("600000.SH", bars: [.flat("10.00"), .flat("10.00"), .flat("11.49"), .flat("11.50"), .flat("11.60")])
        let (result, _) = runScript(market, positions: PositionRules(takeProfitPct: 0.15), [0: { $0.submit(.buy(0, .shares(100))) }])
        #expect(result.log.trades.last?.exitReason == .takeProfit)
        #expect(result.log.trades.last?.signalDate == market.days[3])
    }

    @Test("per-signal stop and target prices replace the percentages")
    func signalExits() {
        var market = MarketFixture(count: 4)
        market.add("600000.SH", bars: [.flat("10.00"), .flat("10.00"), .flat("9.60"), .flat("9.60")])
        let tag = OrderTag(stopPrice: .yuan("9.60"), targetPrice: .yuan("12.00"))
        let (result, _) = runScript(market, positions: PositionRules(stopLossPct: 0.08), [0: { $0.submit(.buy(0, .shares(100), tag: tag)) }])
        #expect(result.log.trades.last?.exitReason == .stopLoss)
        #expect(result.log.trades.last?.executeDate == market.days[3])
    }

    @Test("max_holding_days N sells at the open after the close N trading days past the buy")
    func maxHolding() {
        var market = MarketFixture(count: 6)
        market.add("600000.SH", bars: [.flat("10.00"), .flat("10.00"), .flat("10.00"), nil, .flat("10.00"), .flat("10.00")])
        let (result, _) = runScript(market, positions: PositionRules(maxHoldingDays: 2), [0: { $0.submit(.buy(0, .shares(100))) }])
        // bought day1; day3 (suspended, counted) is 2 trading days later → sell at day4's open.
        let sell = try! #require(result.log.trades.last)
        #expect(sell.exitReason == .maxHoldingDays)
        #expect(sell.signalDate == market.days[3])
        #expect(sell.executeDate == market.days[4])
        #expect(sell.holdDays == 3)
    }

    @Test("a daily loss beyond the limit liquidates at the next open and halts new buys")
    func riskLiquidation() {
        var market = MarketFixture(count: 6)
        market.add("600000.SH", bars: [.flat("10.00"), .flat("10.00"), .flat("9.00"), .flat("9.00"), .flat("9.00"), .flat("9.00")])
        market.add("600001.SH", bars: [.flat("10.00"), .flat("10.00"), .flat("10.00"), .flat("10.00"), .flat("10.00"), .flat("10.00")])
        let (result, _) = runScript(market, risk: RiskLimits(dailyMaxLossPct: 0.05), [
            0: { $0.submit(.buy(0, .percentOfEquity(0.9))) },
            3: { $0.submit(.buy(1, .shares(100))) },
        ])
        let event = try! #require(result.log.riskEvents.first)
        #expect(event.kind == .dailyLoss)
        #expect(event.tradeDate == market.days[2])
        #expect(event.liquidationDate == market.days[3])
        let sell = try! #require(result.log.trades.first { $0.direction == .sell })
        #expect(sell.exitReason == .riskLiquidation)
        #expect(sell.executeDate == market.days[3])
        #expect(result.log.trades.last?.filledReason == .riskHalt)
        #expect(result.positions.isEmpty)
    }

    @Test("after the cool-down new buys are allowed again")
    func riskCooldown() {
        var market = MarketFixture(count: 8)
        market.add("600000.SH", bars: [.flat("10.00"), .flat("10.00"), .flat("8.00"), .flat("8.00"), .flat("8.00"),
                                       .flat("8.00"), .flat("8.00"), .flat("8.00")])
        let (result, _) = runScript(market, risk: RiskLimits(maxDrawdownPct: 0.1, cooldownDays: 2), [
            0: { $0.submit(.buy(0, .percentOfEquity(0.9))) },
            3: { $0.submit(.buy(0, .shares(100))) },
            5: { $0.submit(.buy(0, .shares(100))) },
        ])
        #expect(result.log.riskEvents.map(\.kind) == [.maxDrawdown, .resumed])
        #expect(result.log.riskEvents[1].tradeDate == market.days[4])
        let buys = result.log.trades.filter { $0.direction == .buy }
        #expect(buys.map(\.filledReason) == [.filled, .riskHalt, .filled])
    }

    @Test("T+1: shares bought in a morning bar cannot be sold until the next day")
    func nextDaySettlementIntraday() {
        var data = MarketDataSet()
        let code = StockCode(normalizing: "600000.SH")!
        var series = BarSeries(code: code)
        var sessions: [BarTime] = []
        for day in [20240102, 20240103] as [Int32] {
            for (h, m) in [(9, 31), (10, 0), (14, 0)] {
                let t = BarTime(day: TradingDay(yyyymmdd: day)!, hour: h, minute: m)
                sessions.append(t)
                series.append(time: t, open: .yuan("10.00"), high: .yuan("10.00"), low: .yuan("10.00"), close: .yuan("10.00"), volume: 1_000_000)
            }
        }
        data.series[code] = series
        let panel = MarketPanel(data: data, codes: [code], sessions: sessions)
        var strategy = ScriptedStrategy([0: { $0.submit(.buy(0, .shares(100))) }, 1: { $0.closePosition(0) }])
        let result = BacktestEngine(panel: panel, settings: SimulationSettings(initialCash: .yuan("100000.00"), models: .ashare()))
            .run(&strategy)
        let sell = try! #require(result.log.trades.last)
        #expect(sell.direction == .sell)
        #expect(sell.executeDate.yyyymmdd == 20240103)
        #expect(sell.filledTime == "09:31:00")
        #expect(result.log.trades.count == 2)  // no attempt was made while the shares were locked
    }
}

extension Money {
    static func * (lhs: Money, rhs: Int) -> Money { Money(fen: lhs.fen * Int64(rhs)) }
}
