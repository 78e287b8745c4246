import Testing
import Foundation
import HuiceCore
import MarketData
import TestSupport
@testable import Runtime

/// Runs a signal strategy over a small market (600000.SH on the weekdays from 2024-01-02) with the
/// signal file `text` written beside the config, and returns the error the run gives.
private func runError(_ text: String, name: String = "signals.csv") throws -> DataImportError? {
    var market = MarketFixture(count: 10)
    market.add("600000.SH", bars: Array(repeating: .flat("10.00"), count: 10))
    let directory = try temporaryDirectory("signals")
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    let config = try EffectiveConfig(BacktestConfig(startDate: market.days[0], endDate: market.days[9], strategy: .signals(path: name)))
    do {
        _ = try BacktestRunner.run(config, data: market.data, baseDirectory: directory.path)
        return nil
    } catch let error as DataImportError {
        return error
    }
}

private let header = "signal_date,stock_code,final_score,recommendation,position_size\n"

@Suite("Signal files: errors name file, line and field")
struct SignalFileTests {
    @Test("a well-formed signal file runs")
    func accepted() throws {
        #expect(try runError(header + "20240102,600000.SH,80,BUY,0.1\n20240105,600000.SH,20,SELL,\n") == nil)
    }

    @Test("an unknown column is an error at line 1 naming the column")
    func unknownColumn() throws {
        let e = try #require(try runError("signal_date,stock_code,final_score,recommendation,postion_size\n20240102,600000.SH,80,BUY,0.1\n"))
        #expect(e.location.file == "signals.csv")
        #expect(e.location.line == 1)
        #expect(e.location.field == "postion_size")
        #expect(e.reason.hasPrefix("unknown signal column 'postion_size'"))
    }

    @Test("a bad recommendation is an error at its line naming the field")
    func badRecommendation() throws {
        let e = try #require(try runError(header + "20240102,600000.SH,80,BUY,0.1\n20240103,600000.SH,80,BUYY,0.1\n"))
        #expect(e.location.file == "signals.csv")
        #expect(e.location.line == 3)
        #expect(e.location.field == "recommendation")
        #expect(e.reason == "'BUYY' is not one of STRONG_BUY, BUY, HOLD, SELL, AVOID")
        #expect(e.description.hasPrefix("signals.csv:3: field 'recommendation'"))
    }

    @Test("a signal on a non-trading day inside the run is an error naming its line and signal_date")
    func nonTradingDay() throws {
        // 2024-01-06 is a Saturday.
        let e = try #require(try runError(header + "20240102,600000.SH,80,BUY,0.1\n20240106,600000.SH,80,BUY,0.1\n"))
        #expect(e.location.file == "signals.csv")
        #expect(e.location.line == 3)
        #expect(e.location.field == "signal_date")
        #expect(e.location.date == "20240106")
        #expect(e.reason == "not a trading day")
    }

    @Test("a signal for a stock without data is an error naming its line and stock_code")
    func stockWithoutData() throws {
        let e = try #require(try runError(header + "20240103,600519.SH,80,BUY,0.1\n"))
        #expect(e.location.file == "signals.csv")
        #expect(e.location.line == 2)
        #expect(e.location.field == "stock_code")
        #expect(e.location.stock == "600519.SH")
        #expect(e.reason == "the data has no bars for this stock")
    }

    @Test("in a JSON signal file the error names the array index and key")
    func jsonPlace() throws {
        let text = #"[{"signal_date": "20240102", "stock_code": "600000.SH", "final_score": 80, "recommendation": "BUY"},"#
            + #" {"signal_date": "20240103", "stock_code": "600000.SH", "final_score": 80, "recommendation": "maybe"}]"#
        let e = try #require(try runError(text, name: "signals.json"))
        #expect(e.location.file == "signals.json")
        #expect(e.location.field == "[1].recommendation")
    }
}
