import Foundation
import HuiceCore
import Reports
import Testing

struct CSVTests {
    @Test func fieldWithCommaAndQuoteIsQuotedWithQuotesDoubled() {
        #expect(CSVDocument.escaped(#"Ping "An", Bank"#) == #""Ping ""An"", Bank""#)
        #expect(CSVDocument.escaped("line\nbreak") == "\"line\nbreak\"")
        #expect(CSVDocument.escaped("浦发银行") == "浦发银行")
        #expect(CSVDocument.escaped("") == "")
    }

    @Test func stockNameWithCommaAndQuoteIsOneField() {
        var trade = ReportFixtures.buy
        trade.stockName = #"平安"银行", A"#
        let line = TradesCSV(trades: [trade]).document.text.components(separatedBy: "\r\n")[1]
        #expect(line.hasPrefix(#"T000001,2024-01-02,2024-01-03,600000.SH,"平安""银行"", A",buy,"#))
    }

    @Test func twoTradesGiveTheHandWrittenText() {
        let expected = [
            "trade_id,signal_date,execute_date,stock_code,stock_name,direction,order_type,signal_price,filled_price,"
                + "shares,amount,commission,stamp_tax,transfer_fee,slippage,total_fee,status,filled_reason,pnl,"
                + "pnl_pct,hold_days,signal_score,signal_id,order_shares,impact_cost_bps,fill_probability,"
                + "queue_ratio,liquidity_tier,backtest_state,filled_time,signal_source,integration_mode,"
                + "recommendation,exit_reason",
            "T000001,2024-01-02,2024-01-03,600000.SH,浦发银行,buy,auction,10.0000,10.0100,1000,10010.00,5.00,"
                + "0.00,0.10,10.00,5.10,filled,filled,,,,0.85,SIG_20240102_600000.SH,1000,0.0,1.0,1.0,L1,normal,"
                + "09:25:00,integrated,,BUY,",
            "T000002,2024-01-09,2024-01-10,600000.SH,浦发银行,sell,auction,10.5200,10.5000,1000,10500.00,5.00,"
                + "5.25,0.11,10.00,10.36,filled,filled,474.54,0.0474,5,,SIG_20240109_600000.SH,1000,2.5,0.8,0.6,"
                + "L2,normal,09:25:00,integrated,,SELL,signal",
        ].map { $0 + "\r\n" }.joined()
        #expect(TradesCSV(trades: [ReportFixtures.buy, ReportFixtures.sell]).document.text == expected)
    }

    @Test func equityCurveGivesTheHandWrittenText() {
        let expected = "trade_date,cash,positions_value,equity,daily_return,cumulative_return,drawdown\r\n"
            + "2024-01-02,100000.00,0.00,100000.00,0.0,0.0,0.0\r\n"
            + "2024-01-03,89984.90,10020.00,100004.90,4.9e-05,4.9e-05,0.0\r\n"
        #expect(EquityCSV(equityCurve: ReportFixtures.equityCurve).document.text == expected)
    }

    @Test func nonFiniteRatioIsAnEmptyField() {
        var point = ReportFixtures.equityCurve[0]
        point.dailyReturn = .nan
        #expect(EquityCSV(equityCurve: [point]).document.rows[0][4] == "")
    }

    @Test func excelOptionPrependsTheByteOrderMark() {
        let csv = EquityCSV(equityCurve: [])
        #expect(Array(csv.data()) == Array("trade_date,cash,positions_value,equity,daily_return,cumulative_return,drawdown\r\n".utf8))
        #expect(Array(csv.data(options: .excel).prefix(4)) == [0xEF, 0xBB, 0xBF, UInt8(ascii: "t")])
    }
}
