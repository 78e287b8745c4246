import Testing
import HuiceCore
import MarketData
import TestSupport
@testable import Simulation

/// Runs `steps` (session → actions at its close) on `fixture` with A-share models.
func runScript(
    _ fixture: MarketFixture, cash: String = "100000.00", models: MarketModels = .ashare(),
    positions: PositionRules = PositionRules(), risk: RiskLimits = RiskLimits(), fill: FillPolicy = FillPolicy(),
    _ steps: [Int: ScriptedStrategy.Step]
) -> (SimulationResult, ScriptedStrategy) {
    let settings = SimulationSettings(initialCash: .yuan(cash), models: models, fillPolicy: fill,
                                      positions: positions, risk: risk)
    var strategy = ScriptedStrategy(steps)
    let result = BacktestEngine(panel: fixture.panel(), settings: settings).run(&strategy)
    return (result, strategy)
}

@Suite("Broker: fills, sizing, fees and rejections")
struct BrokerTests {
    @Test("a percent-of-equity buy fills at the next open in whole lots and pays its fees")
    func buyAtNextOpen() {
        var market = MarketFixture(count: 4)
        market.add("600000.SH", bars: [.flat("10.00"), Quote("10.00", "10.20", "9.90", "10.10"), .flat("10.10"), .flat("10.10")])
        let (result, _) = runScript(market, [0: { $0.submit(.buy(0, .percentOfEquity(0.5))) }])
        let trade = try! #require(result.log.trades.first)
        #expect(trade.status == .filled)
        #expect(trade.signalDate == market.days[0])
        #expect(trade.executeDate == market.days[1])
        #expect(trade.filledPrice == .yuan("10.00"))
        #expect(trade.shares == 5000)                  // 50,000.00 budget / 10.00
        #expect(trade.amount == .yuan("50000.00"))
        #expect(trade.commission == .yuan("15.00"))    // 0.03%
        #expect(trade.transferFee == .yuan("0.50"))    // 0.001%
        #expect(trade.totalFee == .yuan("15.50"))
        #expect(trade.filledTime == "09:25:00")
        let ledger = result.log.ledger
        #expect(ledger.cash[0] == .yuan("100000.00"))
        #expect(ledger.cash[1] == .yuan("49984.50"))
        #expect(ledger.positionsValue[1] == .yuan("50500.00"))  // 5000 × 10.10
        #expect(ledger.equity(at: 1) == .yuan("100484.50"))
    }

    @Test("a round trip's sell carries pnl net of both legs' fees and the trading days held")
    func roundTripPnl() {
        var market = MarketFixture(count: 5)
        market.add("600000.SH", bars: [.flat("10.00"), .flat("10.00"), .flat("10.50"), .flat("11.00"), .flat("11.00")])
        let (result, _) = runScript(market, [
            0: { $0.submit(.buy(0, .shares(1000))) },
            2: { $0.closePosition(0) },
        ])
        #expect(result.log.trades.count == 2)
        let sell = result.log.trades[1]
        #expect(sell.direction == .sell)
        #expect(sell.executeDate == market.days[3])
        #expect(sell.amount == .yuan("11000.00"))
        #expect(sell.commission == .yuan("5.00"))
        #expect(sell.stampTax == .yuan("5.50"))
        #expect(sell.transferFee == .yuan("0.11"))
        // 11,000.00 − 10.61 − (10,000.00 + 5.10)
        #expect(sell.pnl == .yuan("984.29"))
        #expect(abs(sell.pnlPct! - 984.29 / 10_005.10) < 1e-12)
        #expect(sell.holdDays == 2)
        #expect(result.cash == .yuan("100984.29"))  // 100,000.00 − 10,005.10 + 10,989.39
        #expect(result.positions.isEmpty)
    }

    @Test("a buy whose open is at limit-up is rejected; a sell at limit-down is retried until it fills")
    func limitRejects() {
        var market = MarketFixture(count: 6)
        // day1 opens at limit-up (11.00 from 10.00); day2..3 open at limit-down; day4 opens normally.
        market.add("600000.SH", bars: [
            .flat("10.00"), Quote("11.00", "11.00", "11.00", "11.00"), Quote("9.90", "9.90", "9.90", "9.90"),
            Quote("8.91", "8.91", "8.91", "8.91"), Quote("8.50", "8.60", "8.40", "8.50"), .flat("8.50"),
        ])
        market.add("600001.SH", bars: [.flat("10.00"), .flat("10.00"), .flat("10.00"), .flat("10.00"), .flat("10.00"), .flat("10.00")])
        let (result, _) = runScript(market, [
            0: { $0.submit(.buy(0, .shares(100))); $0.submit(.buy(1, .shares(100))) },
            1: { $0.submit(.buy(0, .shares(100))) },  // day2: opens 9.90 (limit-down is 9.90): buying is fine
            2: { $0.closePosition(0) },               // day3 opens 8.91 = limit-down of 9.90 → rejected, retried
        ])
        let trades = result.log.trades
        #expect(trades.map(\.filledReason) == [.limitUpReject, .filled, .filled, .limitDownReject, .filled])
        #expect(trades[0].stockCode.rawValue == "600000.SH")
        #expect(trades[0].executeDate == market.days[1])
        #expect(trades[3].executeDate == market.days[3])
        #expect(trades[4].executeDate == market.days[4])
        #expect(trades[4].filledPrice == .yuan("8.50"))
    }

    @Test("a sell is retried on each suspended day, one record per attempt")
    func suspendedRetries() {
        var market = MarketFixture(count: 7)
        market.add("600000.SH", bars: [.flat("10.00"), .flat("10.00"), .flat("10.00"), nil, nil, nil, .flat("10.20")])
        let (result, _) = runScript(market, [0: { $0.submit(.buy(0, .shares(100))) }, 2: { $0.closePosition(0) }])
        let sells = result.log.trades.filter { $0.direction == .sell }
        #expect(sells.map(\.filledReason) == [.suspended, .suspended, .suspended, .filled])
        #expect(sells.map(\.status) == [.rejected, .rejected, .rejected, .filled])
        #expect(sells.last?.holdDays == 5)  // day1 → day6, suspended days counted
        // equity on suspended days uses the last close
        #expect(result.log.ledger.positionsValue[4] == .yuan("1000.00"))
    }

    @Test("too little cash for one lot is a no_cash record; the budget is cut lot by lot to fit the fees")
    func cashSizing() {
        var market = MarketFixture(count: 3)
        market.add("600000.SH", bars: [.flat("10.00"), .flat("10.00"), .flat("10.00")])
        market.add("600001.SH", bars: [.flat("20.00"), .flat("20.00"), .flat("20.00")])
        // 10,004.00 of cash: 1000 × 10.00 + 5.00 + 0.10 = 10,005.10 does not fit → 900 shares.
        let (result, _) = runScript(market, cash: "10004.00", [0: {
            $0.submit(.buy(0, .value(.yuan("10004.00"))))
            $0.submit(.buy(1, .value(.yuan("1999.00"))))  // 99 shares of a 20.00 stock → 0 lots
        }])
        let trades = result.log.trades
        #expect(trades.count == 2)
        let filled = try! #require(trades.first { $0.stockCode.rawValue == "600000.SH" })
        #expect(filled.shares == 900)
        #expect(filled.totalFee == .yuan("5.09"))
        #expect(trades.first { $0.stockCode.rawValue == "600001.SH" }?.filledReason == .noCash)
        #expect(result.cash == .yuan("998.91"))
    }

    @Test("STAR buys need 200 shares then go in single shares; main-board buys round down to 100")
    func lotRules() {
        var market = MarketFixture(count: 2)
        market.add("688001.SH", bars: [.flat("10.00"), .flat("10.00")])
        market.add("688002.SH", bars: [.flat("10.00"), .flat("10.00")])
        market.add("600000.SH", bars: [.flat("10.00"), .flat("10.00")])
        // Instruments are numbered in code order: 600000.SH, 688001.SH, 688002.SH.
        let (result, _) = runScript(market, [0: {
            $0.submit(.buy(1, .shares(250)))
            $0.submit(.buy(2, .shares(199)))
            $0.submit(.buy(0, .shares(250)))
        }])
        let byCode = Dictionary(uniqueKeysWithValues: result.log.trades.map { ($0.stockCode.rawValue, $0) })
        #expect(byCode["688001.SH"]?.shares == 250)
        #expect(byCode["688002.SH"]?.filledReason == .noCash)
        #expect(byCode["600000.SH"]?.shares == 200)
    }

    @Test("a partial sell that the lot rules round to zero shares is recorded as lot_size and dropped")
    func sellBelowOneLot() {
        var market = MarketFixture(count: 5)
        market.add("600000.SH", bars: [.flat("10.00"), .flat("10.00"), nil, .flat("10.00"), .flat("10.00")])
        let (result, _) = runScript(market, [
            0: { $0.submit(.buy(0, .shares(300))) },
            1: { $0.submit(.sell(0, .shares(50))) },  // executes on a suspended day: still one record, not retried
        ])
        let sells = result.log.trades.filter { $0.direction == .sell }
        #expect(sells.map(\.filledReason) == [.lotSize])
        #expect(sells.first?.executeDate == market.days[2])
        #expect(result.positions.first?.shares == 300)
    }

    @Test("max_positions counts held positions plus buys accepted the same evening")
    func maxPositions() {
        var market = MarketFixture(count: 3)
        for code in ["600000.SH", "600001.SH", "600002.SH"] {
            market.add(code, bars: [.flat("10.00"), .flat("10.00"), .flat("10.00")])
        }
        let (result, script) = runScript(market, positions: PositionRules(maxPositions: 2), [0: {
            $0.submit(.buy(0, .shares(100)))
            $0.submit(.buy(1, .shares(100)))
            $0.submit(.buy(2, .shares(100)))
        }])
        let rejected = result.log.trades.filter { $0.filledReason == .maxPosition }
        #expect(rejected.count == 1)
        #expect(rejected.first?.stockCode.rawValue == "600002.SH")
        #expect(rejected.first?.executeDate == market.days[1])
        #expect(result.positions.count == 2)
        #expect(script.events.count == 2)  // the refusal is an answer to submit, not an order event
    }

    @Test("max_position_pct caps a buy's size and never rejects it")
    func maxPositionPct() {
        var market = MarketFixture(count: 2)
        market.add("600000.SH", bars: [.flat("10.00"), .flat("10.00")])
        let (result, _) = runScript(market, positions: PositionRules(maxPositionPct: 0.2), [0: {
            $0.submit(.buy(0, .percentOfEquity(0.5)))
        }])
        #expect(result.log.trades.first?.shares == 2000)  // 20% of 100,000 at 10.00
    }

    @Test("buys execute by descending score, then code, after the sells")
    func buyOrdering() {
        var market = MarketFixture(count: 2)
        for code in ["600000.SH", "600001.SH", "600002.SH"] {
            market.add(code, bars: [.flat("10.00"), .flat("10.00")])
        }
        let (result, _) = runScript(market, cash: "2500.00", [0: {
            $0.submit(.buy(0, .shares(100), tag: OrderTag(score: 60)))
            $0.submit(.buy(1, .shares(100), tag: OrderTag(score: 90)))
            $0.submit(.buy(2, .shares(100), tag: OrderTag(score: 90)))
        }])
        // 2,500.00 buys two lots of 1,000.00 + 5.01 fees; the lowest score runs out of cash.
        #expect(result.log.trades.map(\.stockCode.rawValue) == ["600001.SH", "600002.SH", "600000.SH"])
        #expect(result.log.trades.map(\.filledReason) == [.filled, .filled, .noCash])
    }

    @Test("a limit buy fills at the limit when the day's low reaches it, else it is not filled")
    func limitOrders() {
        var market = MarketFixture(count: 2)
        market.add("600000.SH", bars: [.flat("10.00"), Quote("10.00", "10.10", "9.40", "9.80")])
        market.add("600001.SH", bars: [.flat("10.00"), Quote("10.00", "10.10", "9.60", "9.80")])
        market.add("600002.SH", bars: [.flat("10.00"), Quote("9.30", "10.10", "9.20", "9.80")])
        let limit = Price.yuan("9.50")
        let (result, _) = runScript(market, [0: {
            for i in 0..<3 { $0.submit(OrderRequest(instrument: i, side: .buy, sizing: .shares(100), type: .limit, limitPrice: limit)) }
        }])
        let byCode = Dictionary(uniqueKeysWithValues: result.log.trades.map { ($0.stockCode.rawValue, $0) })
        #expect(byCode["600000.SH"]?.filledPrice == .yuan("9.50"))
        #expect(byCode["600000.SH"]?.filledTime == "09:30:00")
        #expect(byCode["600001.SH"]?.filledReason == .limitNotReached)
        #expect(byCode["600002.SH"]?.filledPrice == .yuan("9.30"))  // a better open
        #expect(byCode["600000.SH"]?.signalPrice == limit)
    }

    @Test("fixed slippage moves fills against the trader, rounded to the tick")
    func fixedSlippage() {
        var market = MarketFixture(count: 3)
        market.add("600000.SH", bars: [.flat("10.00"), .flat("10.00"), .flat("10.00")])
        var models = MarketModels.ashare()
        models.slippage = FixedFractionSlippage(fraction: 0.001)
        let (result, _) = runScript(market, models: models, [0: { $0.submit(.buy(0, .shares(1000))) }, 1: { $0.closePosition(0) }])
        #expect(result.log.trades.map(\.filledPrice) == [.yuan("10.01"), .yuan("9.99")])
        #expect(result.log.trades.map(\.slippage) == [.yuan("10.00"), .yuan("10.00")])
        #expect(result.log.trades[0].impactCostBps == 10)
    }
}
