import Foundation
import Testing
import HuiceCore
@testable import Charts

/// Three hand-worked bars. Frame 360×200 with margins 20/20/30/40 → plot (40, 20, 300×150);
/// volume panel 40 tall with a gap of 10 → price panel (40, 20, 300×100), volume (40, 130, 300×40).
/// Price domain [8, 13] onto y 120…20: y(v) = 120 − 20(v − 8). Bands: step 100, width 80, centres 90/190/290.
/// Volume domain [0, 200] onto y 170…130.
let threeBars = OHLCSeries(days: [20240102, 20240103, 20240104].map { TradingDay(yyyymmdd: $0)! },
                           open: [10, 11, 9], high: [12, 11.5, 13], low: [9, 8, 9], close: [11, 9, 12],
                           volume: [100, 200, 50])
let smallFrame = ChartFrame(width: 360, height: 200, top: 20, right: 20, bottom: 30, left: 40)

func kline(_ input: CandlestickChart.Input, colors: ColorConvention = .chinese) -> CandlestickChart {
    CandlestickChart(input, frame: smallFrame, colors: colors, volumeHeight: 40, panelHeight: 40, gap: 10)
}

/// The children of the first `<g class="…">` group in `svg`.
func group(_ className: String, in svg: String) -> String? {
    guard let start = svg.range(of: "<g class=\"\(className)\"") else { return nil }
    let rest = svg[start.lowerBound...]
    guard let end = rest.range(of: "</g>") else { return nil }
    return String(rest[..<end.upperBound])
}

@Suite("Candlestick chart")
struct CandlestickChartTests {
    @Test("candle bodies and wicks sit where the hand-worked scales put them")
    func candles() throws {
        let svg = kline(.init(bars: threeBars)).svg()
        let up = try #require(group("candles up", in: svg))
        let down = try #require(group("candles down", in: svg))
        #expect(up.contains("d=\"M90 40V100M290 20V100\""))
        #expect(up.contains("<rect x=\"50\" y=\"60\" width=\"80\" height=\"20\"><title>2024-01-02 O 10.00 H 12.00 L 9.00 C 11.00 V 100</title></rect>"))
        #expect(up.contains("<rect x=\"250\" y=\"40\" width=\"80\" height=\"60\">"))
        #expect(down.contains("d=\"M190 50V120\""))
        #expect(down.contains("<rect x=\"150\" y=\"60\" width=\"80\" height=\"40\">"))
    }

    @Test("up is red and down green in the Chinese convention, the other way round in the Western")
    func colours() throws {
        let chinese = kline(.init(bars: threeBars)).svg()
        #expect(chinese.contains("<g class=\"candles up\" fill=\"#e03b3b\" stroke=\"#e03b3b\">"))
        #expect(chinese.contains("<g class=\"candles down\" fill=\"#1f9d55\" stroke=\"#1f9d55\">"))
        let western = kline(.init(bars: threeBars), colors: .western).svg()
        #expect(western.contains("<g class=\"candles up\" fill=\"#1f9d55\" stroke=\"#1f9d55\">"))
        #expect(western.contains("<g class=\"candles down\" fill=\"#e03b3b\" stroke=\"#e03b3b\">"))
    }

    @Test("volume bars rise from the panel floor in proportion to volume")
    func volume() throws {
        let svg = kline(.init(bars: threeBars)).svg()
        let up = try #require(group("volume up", in: svg))
        let down = try #require(group("volume down", in: svg))
        #expect(up.contains("<rect x=\"50\" y=\"150\" width=\"80\" height=\"20\"/><rect x=\"250\" y=\"160\" width=\"80\" height=\"10\"/>"))
        #expect(down.contains("<rect x=\"150\" y=\"130\" width=\"80\" height=\"40\"/>"))
    }

    @Test("zooming to bars 1…2 rescales x and y to the visible bars")
    func zoom() throws {
        let chart = kline(.init(bars: threeBars, visibleRange: 1..<3))
        #expect(chart.priceScale.domain == 8...13)
        #expect(chart.bandScale.step == 150)
        let svg = chart.svg()
        // Bar 1 now in band 0: centre 115, width 120.
        #expect(try #require(group("candles down", in: svg)).contains("<rect x=\"55\" y=\"60\" width=\"120\" height=\"40\">"))
        #expect(!svg.contains("2024-01-02 O"))
        let dates = CandlestickChart.Input.indices(of: threeBars.days, from: TradingDay(yyyymmdd: 20240103)!,
                                                   to: TradingDay(yyyymmdd: 20240110)!)
        #expect(dates == 1..<3)
    }

    @Test("overlays draw as paths through the bar centres, breaking at NaN")
    func overlays() {
        let ma = LineSeries(name: "MA2", values: [.nan, 10, 10.5], color: "#123456")
        let svg = kline(.init(bars: threeBars, overlays: [ma])).svg()
        // y(10) = 80, y(10.5) = 70.
        #expect(svg.contains("<path class=\"overlay\" d=\"M190 80 L290 70\" stroke=\"#123456\""))
        #expect(svg.contains(">MA2</text>"))
    }

    @Test("limit days and trades are marked with their tooltips")
    func marks() {
        let svg = kline(.init(bars: threeBars, limitMarks: [PriceLimitMark(index: 2, kind: .limitUp)],
                              trades: [TradeMarker(index: 0, side: .buy, price: 10, note: "MA cross"),
                                       TradeMarker(index: 1, side: .sell, price: 9)])).svg()
        #expect(svg.contains("<rect class=\"limit-up\" x=\"240\" y=\"20\" width=\"100\" height=\"100\" fill=\"#e03b3b\""))
        #expect(svg.contains("<title>涨停 limit-up 2024-01-04</title>"))
        // Buy under the low of bar 0 (y 100): tip 104, base 112; sell over the high of bar 1 (y 50): tip 46, base 38.
        #expect(svg.contains("<path class=\"trade buy\" d=\"M90 104L95 112L85 112Z\" fill=\"#e03b3b\"><title>买入 buy 2024-01-02 @ 10.00 MA cross</title>"))
        #expect(svg.contains("<path class=\"trade sell\" d=\"M190 46L195 38L185 38Z\" fill=\"#1f9d55\">"))
    }

    @Test("a MACD panel draws its histogram from zero coloured by sign")
    func macdPanel() throws {
        let panel = ChartPanel.macd(dif: [0.5, 0.2, -0.1], dea: [0.3, 0.25, 0.1], histogram: [0.4, -0.1, -0.4])
        let chart = CandlestickChart(.init(bars: threeBars, panels: [panel]), frame: smallFrame,
                                     volumeHeight: 0, panelHeight: 40, gap: 10)
        // Price panel 150 − 50 = 100 tall; panel (40, 130, 300×40), domain [−0.4, 0.5] onto 170…130:
        // y(0) = 170 − 0.4/0.9 × 40 = 152.22, y(0.4) = 134.44, y(−0.4) = 170.
        let svg = chart.svg()
        #expect(try #require(group("histogram up", in: svg)).contains("<rect x=\"50\" y=\"134.44\" width=\"80\" height=\"17.78\"/>"))
        #expect(try #require(group("histogram down", in: svg)).contains("<rect x=\"250\" y=\"152.22\" width=\"80\" height=\"17.78\"/>"))
        #expect(!svg.contains("volume up"))
    }

    @Test("an empty series or an empty zoom says no data; one bar draws")
    func empty() {
        let none = OHLCSeries(days: [], open: [], high: [], low: [], close: [], volume: [])
        #expect(kline(.init(bars: none)).svg().contains(">no data</text>"))
        #expect(kline(.init(bars: threeBars, visibleRange: 5..<9)).svg().contains(">no data</text>"))
        let one = kline(.init(bars: OHLCSeries(days: [threeBars.days[0]], open: [10], high: [10], low: [10], close: [10], volume: [0]))).svg()
        #expect(one.contains("<g class=\"candles up\""))
        #expect(!one.contains("nan"))
    }

    @Test("the output is byte-identical across calls and escapes its title")
    func deterministicAndEscaped() {
        let chart = kline(.init(bars: threeBars, overlays: [LineSeries(name: "MA<2>", values: [1, 2, 3])], title: "K <&> 线"))
        #expect(chart.svg() == chart.svg())
        let svg = chart.svg()
        #expect(svg.contains("<title>K &lt;&amp;&gt; 线</title>"))
        #expect(svg.contains("aria-label=\"K &lt;&amp;&gt; 线\""))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("MA&lt;2&gt;"))
        #expect(!svg.contains("<&>"))
    }
}
