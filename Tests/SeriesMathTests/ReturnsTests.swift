import Testing
import SeriesMath

@Suite("Returns, compounding, drawdowns and annualisation")
struct ReturnsTests {
    @Test("simple returns measure the first value against the start value")
    func simpleWithStart() {
        let r = Returns.simple([110, 99, 121], start: 100)
        let expected: [Double] = [110.0 / 100 - 1, 99.0 / 110 - 1, 121.0 / 99 - 1]
        #expect(r == expected)
        #expect(abs(r[0] - 0.1) < 1e-15)
        #expect(abs(r[1] + 0.1) < 1e-15)
        #expect(abs(r[2] - 2.0 / 9.0) < 1e-15)
    }

    @Test("simple returns without a start value have one fewer element")
    func simpleWithoutStart() {
        let expected: [Double] = [110.0 / 100 - 1, 99.0 / 110 - 1]
        #expect(Returns.simple([100, 110, 99]) == expected)
        #expect(Returns.simple([100]).isEmpty)
    }

    @Test("cumulative returns compound and the growth factor is their last value plus one")
    func cumulative() {
        let r = [0.1, -0.1, 0.2]
        let c = Returns.cumulative(r)
        #expect(c[0] == 1.1 - 1)
        #expect(abs(c[2] - (1.1 * 0.9 * 1.2 - 1)) < 1e-15)
        #expect(Returns.growth(r) == c[2] + 1)
        #expect(Returns.growth([]) == 1)
    }

    @Test("difference and excess subtract element-wise and by a constant")
    func differences() {
        #expect(Returns.difference([0.3, 0.1], [0.1, 0.1]) == [0.3 - 0.1, 0])
        #expect(Returns.excess([0.3, 0.1], over: 0.1) == [0.3 - 0.1, 0])
    }

    @Test("drawdown is value over running peak minus one, the peak starting at the given value")
    func drawdownSeries() {
        let afterPeak: [Double] = [0, 99.0 / 110 - 1, 0]
        #expect(Drawdown.series([110, 99, 121], initialPeak: 100) == afterPeak)
        // Below the initial peak from the first day on.
        let belowStart: [Double] = [90.0 / 100 - 1, 95.0 / 100 - 1]
        #expect(Drawdown.series([90, 95], initialPeak: 100) == belowStart)
        // Without an initial peak the first value is the first peak.
        #expect(Drawdown.series([90, 95]) == [0, 0])
    }

    @Test("maximum drawdown is the deepest fall, zero when values never fall, NaN for none")
    func maximumDrawdown() {
        #expect(Drawdown.maximum([110, 99, 121, 60.5, 130], initialPeak: 100) == -0.5)
        #expect(Drawdown.maximum([1, 2, 3]) == 0)
        #expect(Drawdown.maximum([Double]()).isNaN)
    }

    @Test("maximum drawdown from returns is measured on the path starting before the first return")
    func maximumDrawdownFromReturns() {
        #expect(abs(Drawdown.maximum(returns: [0.1, -0.1, 2.0 / 9.0]) - -0.1) < 1e-15)
        // A first-day loss is a drawdown from the start value.
        #expect(abs(Drawdown.maximum(returns: [-0.2, 0.1]) - -0.2) < 1e-15)
        #expect(Drawdown.maximum(returns: [0.01, 0.02]) == 0)
        #expect(Drawdown.maximum(returns: []).isNaN)
    }

    @Test("one year of periods annualises to the total return; half a year squares the growth")
    func annualReturn() {
        #expect(abs(Annualization.annualReturn(growth: 1.21, periods: 252, periodsPerYear: 252) - 0.21) < 1e-15)
        #expect(abs(Annualization.annualReturn(growth: 1.1, periods: 126, periodsPerYear: 252) - 0.21) < 1e-14)
        #expect(Annualization.annualReturn(growth: 1.1, periods: 0, periodsPerYear: 252).isNaN)
    }

    @Test("volatility, ratio scale, compounding and per-period rates follow their formulas")
    func annualizationHelpers() {
        #expect(Annualization.volatility(standardDeviation: 0.01, periodsPerYear: 252) == 0.01 * 252.0.squareRoot())
        #expect(Annualization.ratioScale(periodsPerYear: 4) == 2)
        #expect(abs(Annualization.compound(0.1, periodsPerYear: 2) - 0.21) < 1e-15)
        #expect(Annualization.perPeriod(annualRate: 0.015, periodsPerYear: 252) == 0.015 / 252)
    }
}
