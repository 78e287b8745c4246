import Charts
import HuiceCore
import MarketData

/// `/data/stock/{code}`: the K-line with volume, the chosen indicators and the limit days, zoomed
/// to `?from=…&to=…` (the last year by default). Indicators are computed over the whole history
/// and only the zoom is cut, so an MA(20) is defined from the first visible bar.
struct StockPage {
    var code: StockCode
    var series: BarSeries
    var data: MarketDataSet
    var indicators: [ChartIndicator]
    /// The requested range as given (nil for the default), and the texts that did not parse.
    var from: TradingDay?
    var to: TradingDay?
    var ignoredDates: [String]

    /// The days shown: the request's range, each end defaulting to the last bar's day and one
    /// year before it.
    var range: (from: TradingDay, to: TradingDay) {
        let last = series.times.last?.day ?? TradingDay(yyyymmdd: 19700101)!
        let end = to ?? last
        return (from ?? end.adding(days: -365), end)
    }

    func page(for request: WebRequest) -> Page {
        let t = request.i18n
        let instrument = data.instrument(code)
        let title = instrument.name.isEmpty ? code.rawValue : instrument.name + " " + code.rawValue

        var input = CandlestickChart.Input(
            bars: OHLCSeries(times: series.times, open: series.open, high: series.high, low: series.low,
                             close: series.close, volume: series.volume),
            limitMarks: LimitDayFinder.marks(for: code, in: data), title: title)
        ChartIndicator.apply(indicators, over: series, to: &input)
        let range = self.range
        let visible = CandlestickChart.Input.indices(of: input.bars.days, from: range.from, to: range.to)
        input.visibleRange = visible
        let chart = CandlestickChart(input, frame: ChartFrame(width: 1100, height: 460 + 100 * Double(input.panels.count)),
                                     colors: request.preferences.colors)
        let limitsShown = input.limitMarks.filter { visible.contains($0.index) }

        let checkboxes: [Markup] = ChartIndicator.allCases.map { indicator in
            let checked: Markup = indicators.contains(indicator) ? " checked" : ""
            return "<label><input type=\"checkbox\" name=\"ind\" value=\"\(indicator.rawValue)\"\(checked)> \(t[indicator.label])</label>"
        }
        let notes: [Markup] = ignoredDates.map { "<p class=\"error\">\(t[.dateIgnored, $0])</p>" }
        let visibleFirst = visible.isEmpty ? range.from : input.bars.days[visible.lowerBound]
        let visibleLast = visible.isEmpty ? range.to : input.bars.days[visible.upperBound - 1]
        let limitSource = LimitDayFinder.hasStoredLimits(for: code, in: data) ? t[.limitSourceTable] : t[.limitSourceRules]

        return Page(title: title, section: .data, content: """
            <p><a href="/data">\(t[.backToList])</a></p>
            <h1>\(title)</h1>
            \(summary(t))
            <form class="card inline" method="get" action="\(WebRequest.link("/data/stock/" + code.rawValue))">
            <input type="hidden" name="ind" value="">
            <fieldset><legend>\(t[.indicators])</legend>\(checkboxes)</fieldset>
            <label class="field">\(t[.from])<input type="date" name="from" value="\(DisplayNumber.date(range.from))"></label>
            <label class="field">\(t[.to])<input type="date" name="to" value="\(DisplayNumber.date(range.to))"></label>
            <div><button type="submit">\(t[.apply])</button></div>
            </form>
            \(notes)
            <p class="note" id="bars-shown">\(t[.barsShown, DisplayNumber.grouped(visible.count), DisplayNumber.date(visibleFirst), DisplayNumber.date(visibleLast)])</p>
            <div class="card chart">\(Markup(trusted: chart.svg()))</div>
            <p class="note">\(t[.limitDays, String(limitsShown.filter { $0.kind == .limitUp }.count), String(limitsShown.filter { $0.kind == .limitDown }.count)])</p>
            <p class="note">\(limitSource)</p>
            <p class="note">\(t[.indicatorStyleNote])</p>
            """)
    }

    /// Board, industry, last close and its change, coloured by the reader's convention.
    private func summary(_ t: I18n) -> Markup {
        let instrument = data.instrument(code)
        let last = series.count - 1
        var items: [Markup] = [
            "<div><dt>\(t[.board])</dt><dd>\(t[StockListPage.label(of: instrument.board)])</dd></div>",
        ]
        if !instrument.industry.isEmpty {
            items.append("<div><dt>\(t[.industry])</dt><dd>\(instrument.industry)</dd></div>")
        }
        if last >= 0 {
            items.append("<div><dt>\(t[.lastClose]) \(DisplayNumber.date(series.times[last].day))</dt><dd>\(DisplayNumber.decimal(series.close[last].doubleValue))</dd></div>")
            if let reference = series.referencePrice(at: last), reference > .zero {
                let change = series.close[last].doubleValue / reference.doubleValue - 1
                items.append("<div><dt>\(t[.change])</dt><dd class=\"\(DisplayNumber.changeClass(change))\">\(DisplayNumber.signedPercent(change))</dd></div>")
            }
            items.append("<div><dt>\(t[.barCount])</dt><dd>\(DisplayNumber.grouped(series.count))</dd></div>")
        }
        return "<dl class=\"stats\">\(items)</dl>"
    }
}
