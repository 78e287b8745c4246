import Testing
import HuiceCore
@testable import Analysis

@Suite("Round trips and trade statistics")
struct TradeStatisticsTests {
    let trips = RoundTripBuilder.build(from: TradeRecords.scenario)

    @Test("round trips close when the position returns to zero, in the order they close")
    func closingOrder() {
        #expect(trips.closed.map(\.stockCode.rawValue) == ["000001.SZ", "600000.SH", "600000.SH"])
        #expect(trips.closed.map(\.pnl) == [Money(fen: -101_900), Money(fen: 67_430), Money(fen: 1_296)])
    }

    @Test("a trip closed by two sells sums their pnl and keeps the largest holding")
    func partialSells() throws {
        let trip = trips.closed[1]
        #expect(trip.entryDate.yyyymmdd == 20240102 && trip.exitDate.yyyymmdd == 20240108)
        #expect(trip.shares == 1000)
        #expect(trip.cost == Money(fen: 1_000_500))
        #expect(trip.entries == 1 && trip.exits == 2)
        #expect(trip.holdDays == 4)  // the closing sell's
        #expect(try #require(trip.pnlPct) == 67_430.0 / 1_000_500.0)
    }

    @Test("a trip opened by two buys adds their costs")
    func addOnBuys() {
        let trip = trips.closed[2]
        #expect(trip.entries == 2 && trip.exits == 1)
        #expect(trip.cost == Money(fen: 202_000))
        #expect(trip.shares == 200)
        #expect(trip.entryDate.yyyymmdd == 20240109)
    }

    @Test("positions still held at the end are open trips, not round trips")
    func openTrips() {
        #expect(trips.open.map(\.stockCode.rawValue) == ["300750.SZ", "600036.SH"])
        #expect(trips.open.map(\.shares) == [100, 300])  // the partial fill counts with its filled shares
        #expect(trips.open[0].cost == Money(fen: 2_000_500))
    }

    @Test("win rate, profit factor and averages are computed over closed trips in yuan")
    func statistics() throws {
        var m = BacktestMetrics()
        m.setTradeStatistics(from: trips.closed)
        #expect(m.totalTrades == 3)
        #expect(m.winRate == 2.0 / 3.0)
        #expect(m.profitFactor == 68_726.0 / 101_900.0)
        #expect(m.avgTrade == -33_174.0 / 3 / 100)  // −110.58
        #expect(m.avgWin == 343.63)
        #expect(m.avgLoss == -1019)
        #expect(m.maxWin == 674.3)
        #expect(m.maxLoss == -1019)
    }

    @Test("without losses the profit factor, average loss and max loss are undefined")
    func noLosses() {
        var m = BacktestMetrics()
        m.setTradeStatistics(from: [trips.closed[1], trips.closed[2]])
        #expect(m.profitFactor == nil && m.avgLoss == nil && m.maxLoss == nil)
        #expect(m.winRate == 1)
    }

    @Test("without round trips every trade statistic is undefined and the count is zero")
    func noTrips() {
        var m = BacktestMetrics()
        m.setTradeStatistics(from: [])
        #expect(m.totalTrades == 0)
        #expect(m.winRate == nil && m.avgTrade == nil && m.avgWin == nil && m.maxWin == nil)
    }

    @Test("a break-even trip counts as a trade but neither a win nor a loss")
    func breakEven() {
        var flat = trips.closed[2]
        flat.pnl = .zero
        var m = BacktestMetrics()
        m.setTradeStatistics(from: [flat, trips.closed[0]])
        #expect(m.totalTrades == 2 && m.winRate == 0)
        #expect(m.avgTrade == -509.5)
        #expect(m.avgWin == nil && m.avgLoss == -1019)
    }

    @Test("a sell with no open position is skipped")
    func orphanSell() {
        let records = [TradeRecords.fill("S1", 20240102, "600000.SH", .sell, 100, at: "10.00", fee: "5.00", pnl: "50.00")]
        let result = RoundTripBuilder.build(from: records)
        #expect(result.closed.isEmpty && result.open.isEmpty)
    }

    @Test("fill rate and rejection counts come from every record")
    func orderCounts() {
        var m = BacktestMetrics()
        m.setOrderStatistics(from: TradeRecords.scenario)
        #expect(m.totalOrders == 16 && m.filledOrders == 10)
        #expect(m.fillRate == 10.0 / 16.0)
        #expect(m.limitUpRejected == 1 && m.limitDownRejected == 1 && m.auctionFailed == 1)
        #expect(m.noCashRejected == 1 && m.maxPositionRejected == 1 && m.suspendedRejected == 1)
    }

    @Test("without records the fill rate is undefined")
    func noRecords() {
        var m = BacktestMetrics()
        m.setOrderStatistics(from: [])
        #expect(m.fillRate == nil && m.totalOrders == 0)
    }

    @Test("the analyzer reports trips and counts beside the return metrics")
    func analyzerWiring() {
        let report = PerformanceAnalyzer.analyze(PerformanceInput(
            ledger: ledger(yuan: [1_000_000, 1_000_100]), initialCash: Money(fen: 100_000_000),
            trades: TradeRecords.scenario))
        #expect(report.roundTrips.count == 3 && report.openTrips.count == 2)
        #expect(report.metrics.totalTrades == 3 && report.metrics.totalOrders == 16)
    }
}
