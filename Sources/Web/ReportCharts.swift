import Charts
import HuiceCore

/// The report's charts as SVG, drawn by `Charts` from a `TaskReport`: equity against the
/// benchmark, drawdown, monthly returns, the distribution of daily returns and the K-line with
/// the fills. The page and the saved HTML file draw the same ones.
struct ReportCharts {
    /// One chart: its anchor id, heading and SVG.
    struct Chart {
        var id: String
        var heading: String
        var svg: String
        /// What the reader should know about how it was computed.
        var note: String?
    }

    var report: TaskReport
    var t: I18n
    var colors: ColorConvention

    /// Bins for the daily-return histogram: √n (the square-root rule) between 10 and 50, so a
    /// year's ~240 returns fall in 16 bins and a short run still shows a shape.
    static func binCount(returns: Int) -> Int {
        min(50, max(10, Int(Double(returns).squareRoot().rounded(.up))))
    }

    var all: [Chart] { [equity, drawdown, monthly, histogram, kline] }

    var equity: Chart {
        var series = [LineSeries(name: t[.reportEquitySeries], values: report.equity)]
        let note: String
        switch report.benchmark {
        case .notSet: note = t[.reportNoBenchmark]
        case .missing(let code): note = t[.reportBenchmarkMissing, code.rawValue]
        case .curve(let curve):
            series.append(LineSeries(name: t[.reportBenchmarkSeries, curve.code.rawValue], values: curve.values))
            note = t[.reportBenchmarkNote, curve.code.rawValue, ReportFormat.money(report.initialCash)]
        }
        let chart = LineChart(.init(days: report.days, series: series, format: .money, title: t[.reportEquityChart]),
                              frame: ChartFrame(width: 1100, height: 360, left: 84))
        return Chart(id: "equity", heading: t[.reportEquityChart], svg: chart.svg(), note: note)
    }

    var drawdown: Chart {
        let chart = DrawdownChart(.init(days: report.days, equity: report.equity, startingEquity: report.initialCash.yuan,
                                        title: t[.reportDrawdownChart]),
                                  frame: ChartFrame(width: 1100, height: 220, left: 84), colors: colors)
        return Chart(id: "drawdown", heading: t[.reportDrawdownChart], svg: chart.svg(), note: t[.reportDrawdownNote])
    }

    var monthly: Chart {
        let chart = MonthlyReturnsHeatmap(.init(days: report.days, equity: report.equity, startingEquity: report.initialCash.yuan,
                                                title: t[.reportMonthlyChart]), colors: colors)
        return Chart(id: "monthly", heading: t[.reportMonthlyChart], svg: chart.svg(), note: t[.reportMonthlyNote])
    }

    var histogram: Chart {
        let returns = report.equityCurve.map(\.dailyReturn).filter(\.isFinite)
        let bins = Self.binCount(returns: returns.count)
        let chart = Histogram(.init(values: returns, binCount: bins, format: .percent, title: t[.reportHistogramChart]),
                              frame: ChartFrame(width: 760, height: 300), colors: colors)
        return Chart(id: "histogram", heading: t[.reportHistogramChart], svg: chart.svg(),
                     note: t[.reportHistogramNote, DisplayNumber.grouped(returns.count), String(bins)])
    }

    /// The stock over the run with an arrow per fill (buy under the bar, sell over it) at its
    /// execution day; a fill on a day without a bar has nowhere to go and is left out.
    var kline: Chart {
        let bars = report.bars
        var index: [TradingDay: Int] = [:]
        for (i, day) in bars.days.enumerated() { index[day] = i }
        let markers = report.fills.compactMap { fill -> TradeMarker? in
            guard let i = index[fill.executeDate] else { return nil }
            let side = t[fill.direction == .buy ? .reportBuy : .reportSell]
            return TradeMarker(index: i, side: fill.direction, price: fill.filledPrice.doubleValue,
                               note: "\(fill.tradeID) \(side) \(DisplayNumber.grouped(fill.shares)) @ \(ReportFormat.price(fill.filledPrice))")
        }
        let chart = CandlestickChart(.init(bars: bars, trades: markers, title: t[.reportKlineChart, report.title]),
                                     frame: ChartFrame(width: 1100, height: 520), colors: colors)
        return Chart(id: "kline", heading: t[.reportKlineChart, report.title], svg: chart.svg(),
                     note: t[.reportKlineNote, DisplayNumber.grouped(markers.count)])
    }
}
