import Testing
import HuiceCore
@testable import Charts

/// Jan 30–31, Feb 1–2 and Apr 1 2024, equity 100, 110, 99, 108.9, 108.9 from 100.
/// Jan: 100/100 × 110/100 − 1 = 10%; Feb: 99/110 × 108.9/99 − 1 = 0.9 × 1.1 − 1 = −1%;
/// Mar: no data; Apr: 0%. Year: 1.1 × 0.99 − 1 = 8.9%.
let twoMonths = MonthlyReturnsHeatmap.Input(
    days: [20240130, 20240131, 20240201, 20240202, 20240401].map { TradingDay(yyyymmdd: $0)! },
    equity: [100, 110, 99, 108.9, 108.9], startingEquity: 100)

@Suite("Monthly heat map and histogram")
struct HeatmapHistogramTests {
    @Test("monthly returns compound the daily returns within each month; missing months are nil")
    func monthlyTable() throws {
        let table = MonthlyReturnsHeatmap(twoMonths).table
        #expect(table.years == [2024])
        let row = table.returns[0]
        #expect(abs(try #require(row[0]) - 0.1) < 1e-12)
        #expect(abs(try #require(row[1]) - -0.01) < 1e-12)
        #expect(row[2] == nil)
        #expect(abs(try #require(row[3])) < 1e-12)
        #expect(row[4...].allSatisfy { $0 == nil })
        #expect(abs(table.yearTotals[0] - 0.089) < 1e-12)
    }

    @Test("the starting equity counts the first day's return: from 90, January is 100/90 × 1.1 − 1")
    func startingEquity() throws {
        var input = twoMonths
        input.startingEquity = 90
        let january = try #require(MonthlyReturnsHeatmap(input).table.returns[0][0])
        #expect(abs(january - (100.0 / 90 * 1.1 - 1)) < 1e-12)
    }

    @Test("cells are tinted by sign and magnitude, blank when missing, with a bold year total")
    func cells() {
        let svg = MonthlyReturnsHeatmap(twoMonths).svg()
        // January is the largest magnitude: full red. February −1% is a tenth of it: green at 10%
        // (255 − (255 − c) × 0.1 per channel). The year's 8.9% is red at 89%.
        #expect(svg.contains("fill=\"#e03b3b\" stroke=\"#fff\"><title>2024-01 10.00%</title>"))
        #expect(svg.contains("fill=\"#e9f5ee\" stroke=\"#fff\"><title>2024-02 -1.00%</title>"))
        #expect(svg.contains("fill=\"#e35151\" stroke=\"#fff\"><title>2024 8.90%</title>"))
        #expect(!svg.contains("2024-03"))
        #expect(svg.contains(">-1.0</text>"))
        let western = MonthlyReturnsHeatmap(twoMonths, colors: .western).svg()
        #expect(western.contains("fill=\"#1f9d55\" stroke=\"#fff\"><title>2024-01 10.00%</title>"))
    }

    @Test("an empty series says no data; one day draws a 0% month")
    func heatmapEmpty() {
        #expect(MonthlyReturnsHeatmap(.init(days: [], equity: [])).svg().contains(">no data</text>"))
        let one = MonthlyReturnsHeatmap(.init(days: [TradingDay(yyyymmdd: 20240105)!], equity: [100])).svg()
        #expect(one.contains("<title>2024-01 0.00%</title>"))
        #expect(!one.contains("nan"))
    }

    @Test("values fall into equal-width bins, the maximum into the last")
    func binCounts() {
        let bins = HistogramBins([-2, -1, 0, 1, 1, 3, .nan], binCount: 5)
        #expect(bins.lowerBound == -2)
        #expect(bins.binWidth == 1)
        #expect(bins.counts == [1, 1, 1, 2, 1])
        #expect(HistogramBins([0.01, 0.01], binCount: 10).counts == [2])
        #expect(HistogramBins([], binCount: 10).counts == [])
    }

    /// Plot (40, 20, 300×150); x over −2…3: 60 per unit; y 0…2 onto 170…20.
    @Test("histogram bars, zero and mean markers sit on the hand-worked positions")
    func histogramDrawing() {
        let chart = Histogram(.init(values: [-2, -1, 0, 1, 1, 3], binCount: 5, format: .number), frame: smallFrame)
        let svg = chart.svg()
        #expect(svg.contains("<rect class=\"bin\" x=\"220\" y=\"20\" width=\"60\" height=\"150\" fill=\"#e03b3b\""))
        #expect(svg.contains("<rect class=\"bin\" x=\"40\" y=\"95\" width=\"60\" height=\"75\" fill=\"#1f9d55\""))
        // zero at x 160; mean 1/3 at 180.
        #expect(svg.contains("<path class=\"marker zero\" d=\"M160 20V170\""))
        #expect(svg.contains("<path class=\"marker mean\" d=\"M180 20V170\""))
        #expect(chart.svg() == svg)
    }

    @Test("an empty or all-NaN histogram says no data; one value draws one bin")
    func histogramEmpty() {
        #expect(Histogram(.init(values: [])).svg().contains(">no data</text>"))
        #expect(Histogram(.init(values: [.nan])).svg().contains(">no data</text>"))
        let one = Histogram(.init(values: [0.02])).svg()
        #expect(one.contains("class=\"bin\""))
        #expect(!one.contains("nan"))
    }
}
