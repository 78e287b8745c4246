import Testing
@testable import Factors

/// TA-Lib conventions that surprise, pinned with small inputs.
@Suite("TA-Lib style: conventions")
struct TALibConventionTests {
    @Test("EMA is seeded by the simple average of the first N values")
    func emaSeed() {
        let v = EMA(period: 3).values([1, 2, 6, 10])
        #expect(v[0].isNaN && v[1].isNaN)
        #expect(v[2] == 3)                   // (1 + 2 + 6)/3
        #expect(v[3] == 3 + (10 - 3) * 0.5)  // k = 2/(3 + 1)
    }

    @Test("MACD's fast EMA starts so both EMAs begin at the slow lookback, so dif ≠ EMA(fast) − EMA(slow)")
    func macdFastStart() {
        let closes = ReferenceFixture.talib.series[0].bars.close.map(\.doubleValue)
        var macd = MACD(fast: 12, slow: 26, signal: 9)
        let values = closes.map { macd.update($0) }
        #expect(values[32].dif.isNaN)        // dif is padded until the signal exists, as TA-Lib does
        #expect(!values[33].dif.isNaN)       // 26 − 1 + 9 − 1
        let fullFast = EMA(period: 12).values(closes)
        let lateFast = [Double](repeating: .nan, count: 14) + EMA(period: 12).values(Array(closes[14...]))
        let slow = EMA(period: 26).values(closes)
        #expect(values[33].dif == lateFast[33] - slow[33])
        #expect(values[33].dif != fullFast[33] - slow[33])
    }

    @Test("RSI and the stochastic give 0 on a flat series, Bollinger a zero-width band")
    func flat() {
        let flat = [Double](repeating: 8.27, count: 30)
        #expect(RSI(period: 14).values(flat)[14] == 0)
        var stochastic = Stochastic(fastK: 5, slowK: 3, slowD: 3)
        let k = flat.map { stochastic.update(high: $0, low: $0, close: $0) }.last!
        #expect(k.k == 0 && k.d == 0)
        var bands = BollingerBands(period: 5, deviations: 2)
        let last = flat.map { bands.update($0) }.last!
        #expect(last.upper == last.lower)
        #expect(last.percentB.isNaN)
    }

    @Test("OBV starts at the first volume; ROC is (x/x[n] − 1)·100 and 0 after a zero price")
    func obvAndROC() {
        var obv = OBV()
        #expect([(10.0, 500.0), (11, 200), (10, 100), (10, 50)].map { obv.update(close: $0.0, volume: $0.1) } == [500, 700, 600, 600])
        let roc = ROC(period: 1).values([0, 1, 2])
        #expect(roc[0].isNaN && roc[1] == 0 && roc[2] == 100)
        #expect(MOM(period: 2).values([1, 2, 4, 8]).dropFirst(2) == [3, 6])
    }

    @Test("volatility is the sample deviation of N returns × √252, first at bar N")
    func volatility() {
        // returns 0.1, −0.1 (11/10 − 1, 9.9/11 − 1): mean 0, sample sd = sqrt(0.02) (exact values below)
        let v = RollingVolatility(period: 2).values([10, 11, 9.9])
        let r1 = 11.0 / 10 - 1, r2 = 9.9 / 11 - 1
        let mean = (r1 + r2) / 2
        let sd = (((r1 - mean) * (r1 - mean) + (r2 - mean) * (r2 - mean)) / 1).squareRoot()
        #expect(v[0].isNaN && v[1].isNaN)
        #expect(Swift.abs(v[2] - sd * 252.0.squareRoot()) < 1e-15)
    }

    @Test("volume ratio is today's volume over the mean of the previous N, undefined on no volume")
    func volumeRatio() {
        let v = VolumeRatio(period: 2).values([0, 0, 100, 300, 50])
        #expect(v[0].isNaN && v[1].isNaN && v[2].isNaN)   // bar 2: previous mean 0
        #expect(v[3] == 6)                                  // 300 / ((0 + 100)/2)
        #expect(v[4] == 0.25)                               // 50 / ((100 + 300)/2)
    }
}
