import HuiceCore

/// Several named series over the same days (equity against a benchmark, cumulative returns),
/// with a legend. Points are spaced by index: first day at the left edge, last at the right.
public struct LineChart: Sendable {
    public struct Input: Sendable, Equatable {
        public var days: [TradingDay]
        /// One value per day each (NaN for a gap).
        public var series: [LineSeries]
        public var format: ValueFormat
        public var title: String

        public init(days: [TradingDay], series: [LineSeries], format: ValueFormat = .number, title: String = "") {
            self.days = days
            self.series = series
            self.format = format
            self.title = title
        }
    }

    public var input: Input
    public var frame: ChartFrame

    public init(_ input: Input, frame: ChartFrame = ChartFrame(width: 960, height: 360)) {
        self.input = input
        self.frame = frame
    }

    /// Day index → x.
    public var xScale: LinearScale {
        let plot = frame.plot
        return LinearScale(domain: 0...Double(max(0, input.days.count - 1)), range: (plot.x, plot.maxX))
    }

    /// Values → y over the finite values of every series, widened to nice ticks.
    public var yScale: LinearScale {
        var lo = Double.infinity, hi = -Double.infinity
        for series in input.series {
            for v in series.values.prefix(input.days.count) where v.isFinite {
                lo = min(lo, v)
                hi = max(hi, v)
            }
        }
        let plot = frame.plot
        return LinearScale(domain: lo <= hi ? lo...hi : 0...1, range: (plot.maxY, plot.y)).nice(count: 5)
    }

    var hasData: Bool {
        input.series.contains { $0.values.prefix(input.days.count).contains(where: \.isFinite) }
    }

    public func svg() -> String {
        guard hasData else { return SVGBuilder.noDataChart(frame, kind: "line-chart", title: input.title) }
        let days = input.days, plot = frame.plot, x = xScale, y = yScale
        var svg = SVGBuilder(capacity: 1_024 + days.count * 16 * max(1, input.series.count))
        let names = input.series.map(\.name).joined(separator: ", ")
        svg.openChart(frame, kind: "line-chart", title: input.title,
                      description: "\(names) over \(days.count) days from \(days[0].isoString) to \(days[days.count - 1].isoString).")
        svg.valueAxis(y, in: plot, tickCount: 5, format: input.format)
        for (n, series) in input.series.enumerated() {
            svg.line(LineSeries.pathData(series.values, indices: 0..<days.count, x: { x(Double($0)) }, y: y),
                     color: series.resolvedColor(at: n), className: "series", name: series.name)
        }
        svg.legend(input.series.enumerated().map { ($1.name, $1.resolvedColor(at: $0)) }, x: plot.x + 4, y: plot.y + 12)
        svg.dateAxis(days, indices: 0..<days.count, in: plot, x: { x(Double($0)) })
        svg.close("svg")
        return svg.output
    }
}
