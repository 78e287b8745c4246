import Foundation
import Storage
import Testing
@testable import Service

@Suite("Batch summary")
struct BatchSummaryTests {
    static func figures(_ totalReturn: Double?, annual: Double?, sharpe: Double?, drawdown: Double?, winRate: Double?,
                        trips: Int, fills: Int) -> BacktestResultRecord.Figures {
        var f = BacktestResultRecord.Figures()
        f.totalReturn = totalReturn
        f.annualReturn = annual
        f.sharpeRatio = sharpe
        f.maxDrawdown = drawdown
        f.winRate = winRate
        f.totalTrades = trips
        f.tradeCount = fills
        return f
    }

    @Test("means, median, best and worst worked out by hand; figures a run lacks are left out of their mean")
    func handWorked() throws {
        let summary = try #require(BatchSummary(results: [
            ("bt_1", "600000.SH", Self.figures(0.10, annual: 0.05, sharpe: 1.0, drawdown: -0.08, winRate: 0.5, trips: 4, fills: 8)),
            ("bt_2", "000002.SZ", Self.figures(-0.04, annual: -0.02, sharpe: nil, drawdown: -0.20, winRate: nil, trips: 0, fills: 1)),
            ("bt_3", "300059.SZ", Self.figures(0.30, annual: 0.14, sharpe: 2.0, drawdown: -0.05, winRate: 1.0, trips: 2, fills: 4)),
            ("bt_4", "002594.SZ", Self.figures(0.00, annual: 0.00, sharpe: 0.0, drawdown: 0.0, winRate: 0.0, trips: 1, fills: 2)),
        ]))
        #expect(summary.stocks == 4)
        #expect(summary.profitableStocks == 2)          // 0.10 and 0.30; 0.00 made nothing
        #expect(summary.profitableRatio == 0.5)
        #expect(abs(summary.meanTotalReturn! - 0.09) < 1e-12)    // (0.10 − 0.04 + 0.30 + 0) / 4
        #expect(abs(summary.medianTotalReturn! - 0.05) < 1e-12)  // (0.00 + 0.10) / 2
        #expect(abs(summary.meanAnnualReturn! - 0.0425) < 1e-12) // (0.05 − 0.02 + 0.14 + 0) / 4
        #expect(summary.meanSharpeRatio == 1.0)                  // (1 + 2 + 0) / 3: bt_2 has none
        #expect(abs(summary.meanMaxDrawdown! - (-0.0825)) < 1e-12)
        #expect(summary.worstMaxDrawdown == -0.20)
        #expect(summary.meanWinRate == 0.5)                      // (0.5 + 1 + 0) / 3
        #expect(summary.totalTrades == 7 && summary.tradeCount == 15)
        #expect(summary.best == .init(taskID: "bt_3", stockCode: "300059.SZ", totalReturn: 0.30))
        #expect(summary.worst == .init(taskID: "bt_2", stockCode: "000002.SZ", totalReturn: -0.04))
    }

    @Test("no completed task, no summary; an odd count's median is the middle value; keys are snake_case and always written")
    func edges() throws {
        #expect(BatchSummary(results: []) == nil)
        let one = try #require(BatchSummary(results: [
            ("bt_1", "600000.SH", Self.figures(nil, annual: nil, sharpe: nil, drawdown: nil, winRate: nil, trips: 0, fills: 0)),
        ]))
        #expect(one.meanTotalReturn == nil && one.best == nil && one.worst == nil && one.profitableRatio == 0)
        #expect(BatchSummary.median([3, 1, 2]) == 2)
        let json = String(decoding: try JSONEncoder().encode(one), as: UTF8.self)
        for key in ["\"stocks\"", "\"profitable_ratio\"", "\"median_total_return\":null", "\"worst_max_drawdown\":null",
                    "\"best\":null", "\"trade_count\":0"] {
            #expect(json.contains(key), "\(key) in \(json)")
        }
    }
}
