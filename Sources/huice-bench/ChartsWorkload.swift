import Charts
import Factors
import MarketData

/// The `charts` workload: a 10-year K-line (SYM000, 2,500 bars) with volume, MA(5/20) overlays and
/// a MACD panel rendered to SVG, the size issue 5's report pages draw server-side. Indicators are
/// computed once outside the timing with the Factors library; only rendering is timed.
enum ChartsWorkload {
    struct Outcome {
        var seconds: Double
        var bars: Int
        var bytes: Int
    }

    static func chart(_ series: BarSeries) -> CandlestickChart {
        let bars = OHLCSeries(times: series.times, open: series.open, high: series.high, low: series.low,
                              close: series.close, volume: series.volume)
        // The indicators as the app computes them (Factors, TA-Lib style).
        func columns(_ text: String) -> [[Double]] {
            let spec = try! IndicatorSpec(parsing: text)
            return series.withView { IndicatorCalculator.compute(spec, style: .talib, bars: $0) }
        }
        let macd = columns("macd")
        return CandlestickChart(.init(bars: bars,
                                      overlays: [LineSeries(name: "MA5", values: columns("sma:5")[0]),
                                                 LineSeries(name: "MA20", values: columns("sma:20")[0])],
                                      panels: [.macd(dif: macd[0], dea: macd[1], histogram: macd[2])],
                                      title: "\(series.code) daily"),
                                frame: ChartFrame(width: 1_600, height: 720))
    }

    static func run(_ chart: CandlestickChart) -> Outcome {
        let (svg, seconds) = ProcessClock.measure { chart.svg() }
        return Outcome(seconds: seconds, bars: chart.input.bars.count, bytes: svg.utf8.count)
    }
}
