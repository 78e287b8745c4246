import Testing
import HuiceCore
@testable import Charts

let fourDays = [20240102, 20240103, 20240104, 20240105].map { TradingDay(yyyymmdd: $0)! }

@Suite("Line and drawdown charts")
struct LineChartTests {
    /// Plot (40, 20, 300×150); x = 40 + 100i; values 90…130 (nice step 10) onto y 170…20:
    /// y(v) = 170 − (v − 90) × 3.75.
    @Test("an equity series draws through the hand-worked points")
    func equityPath() {
        let chart = LineChart(.init(days: fourDays, series: [LineSeries(name: "Strategy", values: [100, 120, 90, 130], color: "#111")],
                                    format: .money, title: "Equity"), frame: smallFrame)
        #expect(chart.yScale.domain == 90...130)
        #expect(chart.svg().contains("<path class=\"series\" d=\"M40 132.5 L140 57.5 L240 170 L340 20\" stroke=\"#111\""))
    }

    @Test("a benchmark series shares the axis and both names appear in the legend")
    func benchmark() {
        let chart = LineChart(.init(days: fourDays, series: [LineSeries(name: "Strategy", values: [100, 120, 90, 130]),
                                                             LineSeries(name: "沪深300", values: [100, 100, 110, .nan])]),
                              frame: smallFrame)
        let svg = chart.svg()
        #expect(svg.contains("d=\"M40 132.5 L140 132.5 L240 95\""))
        #expect(svg.contains(">Strategy</text>"))
        #expect(svg.contains(">沪深300</text>"))
        #expect(svg.contains(">2024-01-02</text>"))
    }

    @Test("empty and all-NaN series say no data; one point draws without NaN")
    func empty() {
        #expect(LineChart(.init(days: [], series: [])).svg().contains(">no data</text>"))
        #expect(LineChart(.init(days: fourDays, series: [LineSeries(name: "a", values: [.nan, .nan, .nan, .nan])])).svg()
            .contains(">no data</text>"))
        let one = LineChart(.init(days: [fourDays[0]], series: [LineSeries(name: "a", values: [100])]), frame: smallFrame).svg()
        #expect(one.contains("d=\"M190 95\""))
        #expect(!one.contains("nan"))
    }

    @Test("drawdown is the fall from the running peak: 100, 120, 90, 130 → 0, 0, −25%, 0")
    func drawdownValues() {
        #expect(DrawdownChart.drawdowns([100, 120, 90, 130]) == [0, 0, -0.25, 0])
        // A starting equity of 200 puts every day under water.
        #expect(DrawdownChart.drawdowns([100, 150], startingEquity: 200) == [-0.5, -0.25])
    }

    /// Domain −25%…0 onto y 170…20: y(d) = 20 − d × 600.
    @Test("the underwater area hangs from the zero line")
    func drawdownArea() {
        let svg = DrawdownChart(.init(days: fourDays, equity: [100, 120, 90, 130]), frame: smallFrame).svg()
        #expect(svg.contains("<path class=\"underwater\" d=\"M40 20 L40 20 L140 20 L240 170 L340 20 L340 20 Z\""))
        #expect(svg.contains(">-25%</text>"))
        #expect(svg.contains("deepest -25.00% on 2024-01-04"))
        #expect(DrawdownChart(.init(days: [], equity: [])).svg().contains(">no data</text>"))
        #expect(!DrawdownChart(.init(days: [fourDays[0]], equity: [100])).svg().contains("nan"))
    }
}
