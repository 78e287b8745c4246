import HuiceCore

/// A K-line: candles with a volume panel, optional overlay lines (MA, BOLL), limit-up/limit-down
/// days, trade arrows and indicator sub-panels, zoomed to a range of bars.
///
/// Layout, top to bottom inside `frame.plot`: the price panel (what is left), the volume panel
/// (`volumeHeight`, 0 for none) and one `panelHeight` panel per sub-panel, `gap` apart; dates
/// under the last panel. Bars are positioned by index (trading days, no weekend gaps).
public struct CandlestickChart: Sendable {
    public struct Input: Sendable, Equatable {
        public var bars: OHLCSeries
        public var overlays: [LineSeries]
        public var limitMarks: [PriceLimitMark]
        public var trades: [TradeMarker]
        public var panels: [ChartPanel]
        /// The zoom: bars shown, by index (nil for all); clamped to the series.
        public var visibleRange: Range<Int>?
        public var title: String

        public init(bars: OHLCSeries, overlays: [LineSeries] = [], limitMarks: [PriceLimitMark] = [],
                    trades: [TradeMarker] = [], panels: [ChartPanel] = [], visibleRange: Range<Int>? = nil,
                    title: String = "K-line") {
            self.bars = bars
            self.overlays = overlays
            self.limitMarks = limitMarks
            self.trades = trades
            self.panels = panels
            self.visibleRange = visibleRange
            self.title = title
        }

        /// The visible bars for a date range (first bar on or after `from`, last on or before `to`).
        public static func indices(of days: [TradingDay], from: TradingDay, to: TradingDay) -> Range<Int> {
            let lo = days.firstIndex { $0 >= from } ?? days.count
            let hi = days.lastIndex { $0 <= to }.map { $0 + 1 } ?? 0
            return lo..<max(lo, hi)
        }
    }

    public var input: Input
    public var frame: ChartFrame
    public var colors: ColorConvention
    public var volumeHeight: Double
    public var panelHeight: Double
    public var gap: Double

    public init(_ input: Input, frame: ChartFrame = ChartFrame(width: 960, height: 540),
                colors: ColorConvention = .chinese, volumeHeight: Double = 80, panelHeight: Double = 90, gap: Double = 10) {
        self.input = input
        self.frame = frame
        self.colors = colors
        self.volumeHeight = volumeHeight
        self.panelHeight = panelHeight
        self.gap = gap
    }

    /// The bars drawn: `visibleRange` clamped to the series.
    public var visibleIndices: Range<Int> {
        let n = input.bars.count
        guard let range = input.visibleRange else { return 0..<n }
        let lo = min(max(range.lowerBound, 0), n), hi = min(max(range.upperBound, lo), n)
        return lo..<hi
    }

    /// Panel rectangles: price, volume (nil when hidden), then the sub-panels.
    public var layout: (price: ChartRect, volume: ChartRect?, panels: [ChartRect]) {
        let plot = frame.plot
        let below = (volumeHeight > 0 ? volumeHeight + gap : 0) + Double(input.panels.count) * (panelHeight + gap)
        let price = ChartRect(x: plot.x, y: plot.y, width: plot.width, height: plot.height - below)
        var y = price.maxY + gap
        var volume: ChartRect?
        if volumeHeight > 0 {
            volume = ChartRect(x: plot.x, y: y, width: plot.width, height: volumeHeight)
            y += volumeHeight + gap
        }
        var panels: [ChartRect] = []
        for _ in input.panels {
            panels.append(ChartRect(x: plot.x, y: y, width: plot.width, height: panelHeight))
            y += panelHeight + gap
        }
        return (price, volume, panels)
    }

    /// x positions of the visible bars (band 0 is the first visible bar).
    public var bandScale: BandScale {
        let price = layout.price
        return BandScale(count: visibleIndices.count, range: (price.x, price.maxX))
    }

    /// The price scale: lows to highs of the visible bars, widened by overlays and trade prices.
    public var priceScale: LinearScale {
        let bars = input.bars, indices = visibleIndices
        var lo = Double.infinity, hi = -Double.infinity
        for i in indices {
            lo = min(lo, bars.low[i])
            hi = max(hi, bars.high[i])
        }
        for series in input.overlays {
            for i in indices where i < series.values.count && series.values[i].isFinite {
                lo = min(lo, series.values[i])
                hi = max(hi, series.values[i])
            }
        }
        for trade in input.trades where indices.contains(trade.index) {
            lo = min(lo, trade.price)
            hi = max(hi, trade.price)
        }
        let price = layout.price
        return LinearScale(domain: lo <= hi ? lo...hi : 0...1, range: (price.maxY, price.y))
    }

    /// The volume scale: 0 to the largest visible volume.
    public var volumeScale: LinearScale {
        let rect = layout.volume ?? layout.price
        let top = visibleIndices.reduce(0.0) { max($0, input.bars.volume[$1]) }
        return LinearScale(domain: 0...top, range: (rect.maxY, rect.y))
    }

    public func svg() -> String {
        let bars = input.bars, indices = visibleIndices
        guard !indices.isEmpty else { return SVGBuilder.noDataChart(frame, kind: "candlestick", title: input.title) }
        let layout = layout, band = bandScale, y = priceScale
        let first = indices.lowerBound
        let x = { (i: Int) in band.centre(i - first) }

        var svg = SVGBuilder(capacity: 256 + indices.count * 420)
        let last = indices.upperBound - 1
        svg.openChart(frame, kind: "candlestick", title: input.title,
                      description: "Daily K-line of \(indices.count) bars from \(bars.days[first].isoString) to "
                          + "\(bars.days[last].isoString); last close \(ValueFormat.fixed(bars.close[last], decimals: 2, grouped: true)), "
                          + "high \(ValueFormat.fixed(y.domain.upperBound, decimals: 2, grouped: true)), "
                          + "low \(ValueFormat.fixed(y.domain.lowerBound, decimals: 2, grouped: true)).")
        svg.valueAxis(y, in: layout.price, tickCount: 6, format: .number)
        drawLimitMarks(&svg, band: band, rect: layout.price)
        drawCandles(&svg, band: band, y: y)
        if !input.overlays.isEmpty {
            for (n, series) in input.overlays.enumerated() {
                svg.line(LineSeries.pathData(series.values, indices: indices, x: x, y: y),
                         color: series.resolvedColor(at: n), className: "overlay", name: series.name)
            }
            svg.legend(input.overlays.enumerated().map { ($1.name, $1.resolvedColor(at: $0)) },
                       x: layout.price.x + 4, y: layout.price.y + 12)
        }
        drawTrades(&svg, band: band, y: y)
        if let volumeRect = layout.volume {
            let v = volumeScale
            svg.valueAxis(v, in: volumeRect, tickCount: 2, format: .money)
            drawVolume(&svg, band: band, v: v, rect: volumeRect)
        }
        for (panel, rect) in zip(input.panels, layout.panels) {
            drawPanel(&svg, panel, rect: rect, band: band)
        }
        let bottom = layout.panels.last ?? layout.volume ?? layout.price
        svg.dateAxis(bars.days, indices: indices, in: bottom, x: x)
        svg.close("svg")
        return svg.output
    }

    /// Candles in two groups, up and down, so each group carries its colour once: a path with all
    /// wicks (`M x high V low`) and a rect per body (at least 1 unit tall, so a doji stays visible).
    private func drawCandles(_ svg: inout SVGBuilder, band: BandScale, y: LinearScale) {
        let bars = input.bars, first = visibleIndices.lowerBound
        let width = band.bandWidth, widthText = SVGBuilder.number(width)
        for up in [true, false] {
            let color = up ? colors.upColor : colors.downColor
            var wicks = "", bodies = ""
            for i in visibleIndices where (bars.close[i] >= bars.open[i]) == up {
                let cx = band.centre(i - first), cxText = SVGBuilder.number(cx)
                wicks += "M" + cxText + " " + SVGBuilder.number(y(bars.high[i])) + "V" + SVGBuilder.number(y(bars.low[i]))
                let top = y(max(bars.open[i], bars.close[i])), bottom = y(min(bars.open[i], bars.close[i]))
                bodies += "<rect x=\"" + SVGBuilder.number(cx - width / 2) + "\" y=\"" + SVGBuilder.number(top)
                    + "\" width=\"" + widthText + "\" height=\"" + SVGBuilder.number(max(bottom - top, 1)) + "\"><title>"
                    + tooltip(i) + "</title></rect>"
            }
            guard !bodies.isEmpty else { continue }
            svg.open("g", [("class", up ? "candles up" : "candles down"), ("fill", color), ("stroke", color)])
            svg.element("path", [("class", "wicks"), ("d", wicks), ("fill", "none")])
            svg.raw(bodies)
            svg.close("g")
        }
    }

    private func tooltip(_ i: Int) -> String {
        let b = input.bars
        return b.days[i].isoString + " O " + ValueFormat.fixed(b.open[i], decimals: 2, grouped: false)
            + " H " + ValueFormat.fixed(b.high[i], decimals: 2, grouped: false)
            + " L " + ValueFormat.fixed(b.low[i], decimals: 2, grouped: false)
            + " C " + ValueFormat.fixed(b.close[i], decimals: 2, grouped: false)
            + " V " + ValueFormat.fixed(b.volume[i], decimals: 0, grouped: true)
    }

    /// Volume bars coloured like their candles, from the panel's floor up to `v(volume)`.
    private func drawVolume(_ svg: inout SVGBuilder, band: BandScale, v: LinearScale, rect: ChartRect) {
        let bars = input.bars, first = visibleIndices.lowerBound, width = band.bandWidth
        for up in [true, false] {
            var rects = ""
            for i in visibleIndices where (bars.close[i] >= bars.open[i]) == up {
                let top = v(bars.volume[i])
                rects += "<rect x=\"" + SVGBuilder.number(band.centre(i - first) - width / 2) + "\" y=\""
                    + SVGBuilder.number(top) + "\" width=\"" + SVGBuilder.number(width) + "\" height=\""
                    + SVGBuilder.number(rect.maxY - top) + "\"/>"
            }
            guard !rects.isEmpty else { continue }
            svg.open("g", [("class", up ? "volume up" : "volume down"), ("fill", up ? colors.upColor : colors.downColor)])
            svg.raw(rects)
            svg.close("g")
        }
    }

    /// A tinted full-height column behind each limit day (drawn before the candles).
    private func drawLimitMarks(_ svg: inout SVGBuilder, band: BandScale, rect: ChartRect) {
        let first = visibleIndices.lowerBound
        for mark in input.limitMarks where visibleIndices.contains(mark.index) {
            let up = mark.kind == .limitUp
            svg.open("rect", [("class", mark.kind.rawValue),
                              ("x", SVGBuilder.number(band.centre(mark.index - first) - band.step / 2)),
                              ("y", SVGBuilder.number(rect.y)), ("width", SVGBuilder.number(band.step)),
                              ("height", SVGBuilder.number(rect.height)),
                              ("fill", up ? colors.upColor : colors.downColor), ("fill-opacity", "0.12")])
            svg.title((up ? "涨停 limit-up " : "跌停 limit-down ") + input.bars.days[mark.index].isoString)
            svg.close("rect")
        }
    }

    /// Buy arrows 4 units under the low pointing up, sell arrows 4 units over the high pointing down,
    /// 8 units long and at most 10 wide.
    private func drawTrades(_ svg: inout SVGBuilder, band: BandScale, y: LinearScale) {
        let first = visibleIndices.lowerBound, half = min(5, max(2, band.step / 2))
        for trade in input.trades where visibleIndices.contains(trade.index) {
            let buy = trade.side == .buy
            let cx = band.centre(trade.index - first)
            let tip = buy ? y(input.bars.low[trade.index]) + 4 : y(input.bars.high[trade.index]) - 4
            let base = buy ? tip + 8 : tip - 8
            let d = "M" + SVGBuilder.number(cx) + " " + SVGBuilder.number(tip) + "L" + SVGBuilder.number(cx + half) + " "
                + SVGBuilder.number(base) + "L" + SVGBuilder.number(cx - half) + " " + SVGBuilder.number(base) + "Z"
            svg.open("path", [("class", buy ? "trade buy" : "trade sell"), ("d", d),
                              ("fill", buy ? colors.upColor : colors.downColor)])
            var text = (buy ? "买入 buy " : "卖出 sell ") + input.bars.days[trade.index].isoString + " @ "
                + ValueFormat.fixed(trade.price, decimals: 2, grouped: true)
            if !trade.note.isEmpty { text += " " + trade.note }
            svg.title(text)
            svg.close("path")
        }
    }

    private func drawPanel(_ svg: inout SVGBuilder, _ panel: ChartPanel, rect: ChartRect, band: BandScale) {
        let indices = visibleIndices, first = indices.lowerBound
        let extent = panel.extent(indices) ?? 0...1
        let y = LinearScale(domain: extent, range: (rect.maxY, rect.y))
        svg.open("g", [("class", "panel")])
        svg.valueAxis(y, in: rect, tickCount: 3, format: .number)
        for level in panel.referenceLines {
            svg.element("path", [("class", "reference"), ("d", "M\(SVGBuilder.number(rect.x)) \(SVGBuilder.number(y(level)))H\(SVGBuilder.number(rect.maxX))"),
                                 ("stroke", "#999"), ("stroke-dasharray", "3 3"), ("fill", "none")])
        }
        if !panel.bars.isEmpty {
            let zero = y(0), width = band.bandWidth
            for up in [true, false] {
                var rects = ""
                for i in indices where i < panel.bars.count && panel.bars[i].isFinite && (panel.bars[i] >= 0) == up {
                    let v = y(panel.bars[i])
                    rects += "<rect x=\"" + SVGBuilder.number(band.centre(i - first) - width / 2) + "\" y=\""
                        + SVGBuilder.number(min(v, zero)) + "\" width=\"" + SVGBuilder.number(width) + "\" height=\""
                        + SVGBuilder.number(abs(zero - v)) + "\"/>"
                }
                guard !rects.isEmpty else { continue }
                svg.open("g", [("class", up ? "histogram up" : "histogram down"), ("fill", up ? colors.upColor : colors.downColor)])
                svg.raw(rects)
                svg.close("g")
            }
        }
        for (n, series) in panel.lines.enumerated() {
            svg.line(LineSeries.pathData(series.values, indices: indices, x: { band.centre($0 - first) }, y: y),
                     color: series.resolvedColor(at: n), className: "indicator", name: series.name)
        }
        svg.legend([(panel.title, "none")] + panel.lines.enumerated().map { ($1.name, $1.resolvedColor(at: $0)) },
                   x: rect.x + 4, y: rect.y + 12)
        svg.close("g")
    }
}
