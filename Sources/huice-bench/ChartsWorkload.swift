import Charts
import MarketData

/// The `charts` workload: a 10-year K-line (SYM000, 2,500 bars) with volume, MA(5/20) overlays and
/// a MACD panel rendered to SVG, the size issue 5's report pages draw server-side. Indicators are
/// computed once outside the timing (Factors computes them in the app); only rendering is timed.
enum ChartsWorkload {
    struct Outcome {
        var seconds: Double
        var bars: Int
        var bytes: Int
    }

    static func chart(_ series: BarSeries) -> CandlestickChart {
        let bars = OHLCSeries(times: series.times, open: series.open, high: series.high, low: series.low,
                              close: series.close, volume: series.volume)
        let close = bars.close
        let dif = zip(ema(close, 12), ema(close, 26)).map { $0 - $1 }
        let dea = ema(dif, 9)
        let histogram = zip(dif, dea).map { 2 * ($0 - $1) }
        return CandlestickChart(.init(bars: bars,
                                      overlays: [LineSeries(name: "MA5", values: sma(close, 5)), LineSeries(name: "MA20", values: sma(close, 20))],
                                      panels: [.macd(dif: dif, dea: dea, histogram: histogram)],
                                      title: "\(series.code) daily"),
                                frame: ChartFrame(width: 1_600, height: 720))
    }

    static func run(_ chart: CandlestickChart) -> Outcome {
        let (svg, seconds) = ProcessClock.measure { chart.svg() }
        return Outcome(seconds: seconds, bars: chart.input.bars.count, bytes: svg.utf8.count)
    }

    static func sma(_ values: [Double], _ window: Int) -> [Double] {
        var out = [Double](repeating: .nan, count: values.count), sum = 0.0
        for i in values.indices {
            sum += values[i]
            if i >= window { sum -= values[i - window] }
            if i >= window - 1 { out[i] = sum / Double(window) }
        }
        return out
    }

    static func ema(_ values: [Double], _ period: Int) -> [Double] {
        let alpha = 2 / Double(period + 1)
        var out = values, last = values.first ?? 0
        for i in values.indices {
            last = i == 0 ? values[0] : alpha * values[i] + (1 - alpha) * last
            out[i] = last
        }
        return out
    }
}
