import Testing
@testable import Factors

private func close(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    (a.isNaN && b.isNaN) || Swift.abs(a - b) <= tolerance
}

private func expectValues(_ actual: [Double], _ expected: [Double], _ what: String,
                          sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        #expect(close(a, e), "\(what)[\(i)]: \(a) vs \(e)", sourceLocation: sourceLocation)
    }
}

/// Short examples worked by hand from the 通达信 formulas (fractions in the comments).
@Suite("TDX style: hand-worked examples")
struct TDXHandWorkedTests {
    @Test("EMA(X,3) is (2X + 2Y')/4 from the first value")
    func ema() {
        // Y0 = 10; Y1 = (26 + 20)/4 = 11.5; Y2 = (14 + 23)/4 = 9.25
        expectValues(TDX.EMA(period: 3).values([10, 13, 7]), [10, 11.5, 9.25], "EMA")
    }

    @Test("SMA(X,3,1) is (X + 2Y')/3 from the first value")
    func sma() {
        // Y0 = 10; Y1 = (13 + 20)/3 = 11; Y2 = (7 + 22)/3 = 29/3
        expectValues(TDX.SMA(period: 3, weight: 1).values([10, 13, 7]), [10, 11, 29.0 / 3], "SMA")
        // SMA(X,5,2): Y1 = (2·20 + 3·10)/5 = 14
        expectValues(TDX.SMA(period: 5, weight: 2).values([10, 20]), [10, 14], "SMA(X,5,2)")
    }

    @Test("MACD(2,3,2): DIF from bar 0, DEA = EMA(DIF,2), bar = 2(DIF − DEA)")
    func macd() {
        // EMA2: 10, 12, 26/3; EMA3: 10, 11.5, 37/4 → DIF 0, 1/2, −7/12
        // DEA: 0, (1 + 0)/3 = 1/3, (−7/6 + 1/3)/3 = −5/18; bar: 0, 1/3, 2(−7/12 + 5/18) = −11/18
        var state = TDX.MACD(fast: 2, slow: 3, signal: 2)
        let values = [10.0, 13, 7].map { state.update($0) }
        expectValues(values.map(\.dif), [0, 0.5, -7.0 / 12], "DIF")
        expectValues(values.map(\.dea), [0, 1.0 / 3, -5.0 / 18], "DEA")
        expectValues(values.map(\.hist), [0, 1.0 / 3, -11.0 / 18], "MACD")
    }

    @Test("KDJ(3,3,3): RSV over the bars there are, K and D seeded with their first input")
    func kdj() {
        // bar 0: HHV 10, LLV 8, RSV 50 → K = D = J = 50
        // bar 1: HHV 12, LLV 8, RSV 75 → K = (75 + 100)/3 = 175/3, D = (175/3 + 100)/3 = 475/9, J = 625/9
        // bar 2: RSV = 2/4·100 = 50 → K = (50 + 350/3)/3 = 500/9, D = (500/9 + 950/9)/3 = 1450/27, J = 1600/27
        var state = TDX.KDJ(period: 3, kSmoothing: 3, dSmoothing: 3)
        let bars: [(Double, Double, Double)] = [(10, 8, 9), (12, 9, 11), (11, 10, 10)]
        let values = bars.map { state.update(high: $0.0, low: $0.1, close: $0.2) }
        expectValues(values.map(\.k), [50, 175.0 / 3, 500.0 / 9], "K")
        expectValues(values.map(\.d), [50, 475.0 / 9, 1450.0 / 27], "D")
        expectValues(values.map(\.j), [50, 625.0 / 9, 1600.0 / 27], "J")
    }

    @Test("KDJ on a flat window takes RSV = 50 where TDX would divide by zero")
    func kdjFlat() {
        // A 一字板 first day (H = L = C), then a rise: RSV 50, then (11 − 10)/(11 − 10) = 100.
        var state = TDX.KDJ(period: 9, kSmoothing: 3, dSmoothing: 3)
        let first = state.update(high: 10, low: 10, close: 10)
        #expect(first.k == 50 && first.d == 50 && first.j == 50)
        let second = state.update(high: 11, low: 11, close: 11)
        #expect(close(second.k, (100 + 100) / 3.0))
    }

    @Test("RSI(2): undefined at bar 0, SMA(MAX(C−LC,0),2,1)/SMA(|C−LC|,2,1)·100 after, 50 before any move")
    func rsi() {
        // bar 1: d = 1 → 1/1 = 100; bar 2: d = −0.5 → up (0 + 1)/2 = 0.5, all (0.5 + 1)/2 = 0.75 → 66.67
        // bar 3: d = 0 → up 0.25, all 0.375 → 66.67
        expectValues(TDX.RSI(period: 2).values([10, 11, 10.5, 10.5]), [.nan, 100, 200.0 / 3, 200.0 / 3], "RSI")
        expectValues(TDX.RSI(period: 6).values([5, 5, 5]), [.nan, 50, 50], "flat RSI")
    }

    @Test("BOLL(3,2) uses the sample deviation; TA-Lib's BBANDS the population one")
    func boll() {
        // [1, 2, 3]: mean 2, sample sd 1 → 4 / 2 / 0, %b (3 − 0)/4, width 4/2
        // [2, 3, 5]: mean 10/3, squares 16/9 + 1/9 + 25/9 = 42/9, sample variance 7/3
        var tdx = TDX.BollingerBands(period: 3, deviations: 2)
        let v = [1.0, 2, 3, 5].map { tdx.update($0) }
        #expect(v[0].upper.isNaN && v[1].middle.isNaN)
        expectValues([v[2].upper, v[2].middle, v[2].lower, v[2].percentB, v[2].width], [4, 2, 0, 0.75, 2], "bar 2")
        let sd = (7.0 / 3).squareRoot()
        expectValues([v[3].upper, v[3].middle, v[3].lower], [10.0 / 3 + 2 * sd, 10.0 / 3, 10.0 / 3 - 2 * sd], "bar 3")

        var talib = BollingerBands(period: 3, deviations: 2)
        let t = [1.0, 2, 3].map { talib.update($0) }
        expectValues([t[2].upper, t[2].lower], [2 + 2 * (2.0 / 3).squareRoot(), 2 - 2 * (2.0 / 3).squareRoot()], "TA-Lib")
    }

    @Test("BOLL on a flat window: zero width, %b undefined, width 0")
    func bollFlat() {
        var state = TDX.BollingerBands(period: 3, deviations: 2)
        let v = [4.0, 4, 4].map { state.update($0) }.last!
        #expect(v.upper == 4 && v.lower == 4 && v.middle == 4)
        #expect(v.percentB.isNaN)
        #expect(v.width == 0)
    }

    @Test("ATR(2) is MA(MTR,2), where TA-Lib's is Wilder's smoothing")
    func atr() {
        // TR from bar 1: 1.5, 1.5, 2.8, 0.5. MA: bar 2 1.5, bar 3 2.15, bar 4 (2.8 + 0.5)/2 = 1.65.
        // Wilder: bar 4 (2.15 + 0.5)/2 = 1.325.
        let bars: [(Double, Double, Double)] = [(10, 9, 9.5), (11, 9.8, 10.5), (10.2, 9, 9.2), (12, 11, 11.5), (12, 11.5, 11.8)]
        var tdx = TDX.ATR(period: 2)
        var talib = ATR(period: 2)
        expectValues(bars.map { tdx.update(high: $0.0, low: $0.1, close: $0.2) }, [.nan, .nan, 1.5, 2.15, 1.65], "TDX ATR")
        expectValues(bars.map { talib.update(high: $0.0, low: $0.1, close: $0.2) }, [.nan, .nan, 1.5, 2.15, 1.325], "TA-Lib ATR")
    }

    @Test("styles differ only where the traditions do: MA, WMA, STOCH, OBV, ROC, MOM, vol and vr agree")
    func sharedIndicators() throws {
        let series = ReferenceFixture.talib.series[0].bars
        for text in ["sma:5", "wma:10", "stoch:9:3:3", "obv", "roc:10", "mom:10", "vol:20", "vr:5"] {
            let spec = try IndicatorSpec(parsing: text)
            let talib = series.withView { IndicatorCalculator.compute(spec, style: .talib, bars: $0) }
            let tdx = series.withView { IndicatorCalculator.compute(spec, style: .tdx, bars: $0) }
            for j in talib.indices { #expect(bitDifferences(talib[j], tdx[j]).isEmpty, "\(text)") }
        }
        for text in ["ema:12", "rsi:14", "macd:12:26:9", "boll:20:2", "kdj:9:3:3", "atr:14"] {
            let spec = try IndicatorSpec(parsing: text)
            let talib = series.withView { IndicatorCalculator.compute(spec, style: .talib, bars: $0) }
            let tdx = series.withView { IndicatorCalculator.compute(spec, style: .tdx, bars: $0) }
            #expect(!bitDifferences(talib[0], tdx[0]).isEmpty, "\(text) should differ by style")
        }
    }
}
