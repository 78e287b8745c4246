import Testing
import HuiceCore
import MarketData
@testable import Factors

@Suite("Vectorized indicators")
struct SeriesIndicatorTests {
    func series(_ closes: [String]) -> BarSeries {
        var s = BarSeries(code: StockCode(normalizing: "600000.SH")!)
        var day = TradingDay(yyyymmdd: 20240101)!
        for text in closes {
            let p = Price(parsing: text)!
            s.append(time: BarTime(day: day), open: p, high: p, low: p, close: p, volume: 100)
            day = day.adding(days: 1)
        }
        return s
    }

    @Test("SMA over a window, undefined before the first full window (TA-Lib convention)")
    func simpleMovingAverage() {
        let values = SimpleMovingAverage(period: 3).values(for: series(["1", "2", "3", "4", "10"]))
        #expect(values[0].isNaN && values[1].isNaN)
        #expect(Array(values[2...]) == [2, 3, 17.0 / 3])
    }

    @Test("the moving-average spread is SMA(fast) − SMA(slow), bit for bit")
    func spreadMatchesDifference() {
        var closes: [String] = []
        var x: UInt64 = 12345
        for _ in 0..<500 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            closes.append(String(format: "%.2f", 10 + Double(x >> 40) / Double(1 << 24) * 5))
        }
        let s = series(closes)
        let fast = SimpleMovingAverage(period: 10).values(for: s)
        let slow = SimpleMovingAverage(period: 30).values(for: s)
        let spread = MovingAverageSpread(fast: 10, slow: 30).values(for: s)
        for i in 0..<s.count {
            let expected = fast[i] - slow[i]
            #expect(spread[i].bitPattern == expected.bitPattern || (spread[i].isNaN && expected.isNaN), "row \(i)")
        }
    }

    @Test("rate of change over n bars")
    func rateOfChange() {
        let values = RateOfChange(period: 2).values(for: series(["10", "11", "12", "9"]))
        #expect(values[0].isNaN && values[1].isNaN)
        #expect(values[2] == 12.0 / 10 - 1)
        #expect(values[3] == 9.0 / 11 - 1)
    }
}
