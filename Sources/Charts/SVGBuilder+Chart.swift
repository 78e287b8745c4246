import HuiceCore

/// The pieces every chart shares: the `<svg>` root with its accessible name, the "no data"
/// placeholder, value and date axes with gridlines, and a legend.
extension SVGBuilder {
    /// Opens the root element. `<title>` and `<desc>` come first so screen readers announce them
    /// (`role="img"` makes the drawing one image); the class names let a page theme the chart.
    mutating func openChart(_ frame: ChartFrame, kind: String, title: String, description: String) {
        open("svg", [("xmlns", "http://www.w3.org/2000/svg"),
                     ("viewBox", "0 0 \(SVGBuilder.number(frame.width)) \(SVGBuilder.number(frame.height))"),
                     ("width", SVGBuilder.number(frame.width)), ("height", SVGBuilder.number(frame.height)),
                     ("role", "img"), ("aria-label", title), ("class", "huice-chart \(kind)"),
                     ("font-family", "sans-serif"), ("font-size", "11")])
        element("title", [], text: title)
        element("desc", [], text: description)
        if !title.isEmpty {
            element("text", [("class", "chart-title"), ("x", SVGBuilder.number(frame.left)), ("y", "14"),
                             ("font-weight", "bold")], text: title)
        }
    }

    /// A complete chart saying "no data": what every chart draws for an empty (or too short) input.
    static func noDataChart(_ frame: ChartFrame, kind: String, title: String) -> String {
        var svg = SVGBuilder(capacity: 512)
        svg.openChart(frame, kind: kind, title: title, description: "No data to chart.")
        svg.element("text", [("class", "no-data"), ("x", SVGBuilder.number(frame.width / 2)),
                             ("y", SVGBuilder.number(frame.height / 2)), ("text-anchor", "middle"), ("fill", "#888")],
                    text: "no data")
        svg.close("svg")
        return svg.output
    }

    /// Horizontal gridlines and left-hand labels for the ticks of `scale` that fall inside its domain.
    mutating func valueAxis(_ scale: LinearScale, in rect: ChartRect, tickCount: Int, format: ValueFormat) {
        let step = scale.tickStep(count: tickCount)
        let ticks = scale.ticks(count: tickCount).filter {
            $0 >= scale.domain.lowerBound - step * 1e-9 && $0 <= scale.domain.upperBound + step * 1e-9
        }
        var grid = ""
        open("g", [("class", "axis y-axis"), ("fill", "#555"), ("text-anchor", "end")])
        for tick in ticks {
            let y = SVGBuilder.number(scale(tick))
            grid += "M\(SVGBuilder.number(rect.x)) \(y)H\(SVGBuilder.number(rect.maxX))"
            element("text", [("x", SVGBuilder.number(rect.x - 4)), ("y", y), ("dy", "0.32em")],
                    text: format.string(tick, step: step))
        }
        close("g")
        if !grid.isEmpty {
            element("path", [("class", "grid"), ("d", grid), ("stroke", "#e5e5e5"), ("fill", "none")])
        }
    }

    /// Date labels under `rect` for bars `indices` of `days`, drawn at `x(i)`.
    ///
    /// Labels go on the first bar of a month (spans over half a year, `yyyy-mm`) or on any bar
    /// (`yyyy-mm-dd`), thinned to every k-th candidate so that about one label fits per 90 px.
    mutating func dateAxis(_ days: [TradingDay], indices: Range<Int>, in rect: ChartRect, x: (Int) -> Double) {
        guard let first = indices.first, let last = indices.last else { return }
        let monthly = ValueFormat.labelsByMonth(from: days[first], to: days[last])
        var candidates: [Int] = []
        for i in indices where !monthly || i == first || days[i].month != days[i - 1].month {
            candidates.append(i)
        }
        let room = max(1, Int(rect.width / 90))
        let stride = max(1, (candidates.count + room - 1) / room)
        var ticks = ""
        open("g", [("class", "axis x-axis"), ("fill", "#555"), ("text-anchor", "middle")])
        for (n, i) in candidates.enumerated() where n % stride == 0 {
            let xs = SVGBuilder.number(x(i))
            ticks += "M\(xs) \(SVGBuilder.number(rect.maxY))v4"
            element("text", [("x", xs), ("y", SVGBuilder.number(rect.maxY + 15))],
                    text: ValueFormat.date(days[i], monthly: monthly))
        }
        close("g")
        element("path", [("class", "axis-line"), ("d", "M\(SVGBuilder.number(rect.x)) \(SVGBuilder.number(rect.maxY))H\(SVGBuilder.number(rect.maxX))" + ticks),
                         ("stroke", "#999"), ("fill", "none")])
    }

    /// Colour swatches and names in a row from (x, y).
    mutating func legend(_ entries: [(name: String, color: String)], x: Double, y: Double) {
        open("g", [("class", "legend")])
        var cursor = x
        for entry in entries {
            element("rect", [("x", SVGBuilder.number(cursor)), ("y", SVGBuilder.number(y - 8)), ("width", "10"),
                             ("height", "3"), ("fill", entry.color)])
            element("text", [("x", SVGBuilder.number(cursor + 14)), ("y", SVGBuilder.number(y - 4)), ("fill", "#333")],
                    text: entry.name)
            cursor += 24 + SVGBuilder.estimatedWidth(entry.name)
        }
        close("g")
    }

    /// The width of `text` at font size 11, estimated from its characters (no text metrics here):
    /// 6.5 for Latin letters and digits, 11 for CJK and other full-width characters, which take a
    /// full em (a Chinese legend entry counted at 6.5 overlapped the next one).
    static func estimatedWidth(_ text: String) -> Double {
        text.reduce(0) { width, character in
            let wide = character.unicodeScalars.first.map { $0.value >= 0x2E80 } ?? false
            return width + (wide ? 11 : 6.5)
        }
    }

    /// A line series as one `<path>`.
    mutating func line(_ d: String, color: String, className: String, name: String) {
        guard !d.isEmpty else { return }
        open("path", [("class", className), ("d", d), ("stroke", color), ("fill", "none"), ("stroke-width", "1.2")])
        title(name)
        close("path")
    }
}
