import Testing
import HuiceCore
import MarketData
@testable import Factors

@Suite("Factor columns and the composite score")
struct FactorColumnsTests {
    /// A deterministic zig-zag series of 300 bars.
    func series() -> BarSeries {
        var s = BarSeries(code: StockCode(normalizing: "600036.SH")!)
        var day = TradingDay(yyyymmdd: 20200101)!
        var x: UInt64 = 99
        var close = 1000.0
        for _ in 0..<300 {
            x = x &* 6364136223846793005 &+ 1442695040888963407
            close *= 1 + (Double(x >> 40) / Double(1 << 24) - 0.5) * 0.06
            let c = Price(units: Int64(close * 100) * 100)
            let h = Price(units: c.units + 500), l = Price(units: c.units - 500)
            s.append(time: BarTime(day: day), open: c, high: h, low: l, close: c, volume: Int64(1_000_000 + Int(x >> 50)))
            day = day.adding(days: 1)
        }
        return s
    }

    func columns(_ factors: [WeightedFactor], _ normalization: FactorNormalization) -> FactorColumns {
        let s = series()
        return s.withView { FactorColumns(factors: factors, code: s.code, bars: $0, source: FactorValueSource(pointInTime: nil, mode: .modelValidation), normalization: normalization) }
    }

    func indicator(_ spec: String, _ output: String) throws -> [Double] {
        let parsed = try IndicatorSpec(parsing: spec)
        let values = series().withView { IndicatorCalculator.compute(parsed, style: .talib, bars: $0) }
        return values[parsed.outputNames.firstIndex(of: output)!]
    }

    @Test("raw technical factors are the indicator values, signed by direction (RSI: lower is better → −RSI)")
    func rawValuesAndDirection() throws {
        let rsi = WeightedFactor(FactorRegistry.definition(named: "rsi")!, parameters: ["period": 10], weight: 1)
        let ma = WeightedFactor(FactorRegistry.definition(named: "ma")!, weight: 1)
        let c = columns([rsi, ma], FactorNormalization(method: .raw))
        let reference = try indicator("rsi:10", "rsi_10")
        let sma = try indicator("sma:20", "sma_20")
        let closes = series().close.map(\.doubleValue)
        for i in 0..<300 {
            if reference[i].isNaN { #expect(c.values[0][i].isNaN) } else { #expect(c.values[0][i] == -reference[i]) }
            if sma[i].isNaN { #expect(c.values[1][i].isNaN) } else { #expect(abs(c.values[1][i] - (closes[i] / sma[i] - 1)) < 1e-12) }
        }
    }

    @Test("the score is Σ weight × normalised value, undefined while any weighted factor is")
    func weightedSum() {
        let rsi = WeightedFactor(FactorRegistry.definition(named: "rsi")!, weight: 0.25)
        let macd = WeightedFactor(FactorRegistry.definition(named: "macd")!, weight: 0.75)
        let c = columns([rsi, macd], .standard)
        let score = c.score(weights: [0.25, 0.75])
        for i in 0..<300 {
            let expected = 0.25 * c.values[0][i] + 0.75 * c.values[1][i]
            if expected.isNaN { #expect(score[i].isNaN) } else { #expect(score[i] == expected) }
        }
        // MACD(12, 26, 9) is defined from bar 33; the z-score needs 20 values → first score at 52
        #expect(score[51].isNaN && !score[52].isNaN)
    }

    @Test("the score of a bar does not change when later bars are added (causal)")
    func causal() {
        let factors = [WeightedFactor(FactorRegistry.definition(named: "bollinger_bands")!, weight: 0.5),
                       WeightedFactor(FactorRegistry.definition(named: "momentum")!, weight: 0.5)]
        let full = series()
        let prefix = full.keeping(0..<200)
        let source = FactorValueSource(pointInTime: nil, mode: .modelValidation)
        let a = full.withView { FactorColumns(factors: factors, code: full.code, bars: $0, source: source, normalization: .standard) }
        let b = prefix.withView { FactorColumns(factors: factors, code: prefix.code, bars: $0, source: source, normalization: .standard) }
        let sa = a.score(weights: [0.5, 0.5]), sb = b.score(weights: [0.5, 0.5])
        for i in 0..<200 { #expect(sa[i] == sb[i] || (sa[i].isNaN && sb[i].isNaN)) }
    }
}
