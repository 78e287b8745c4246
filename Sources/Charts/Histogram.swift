/// The distribution of daily returns: equal-width bins, bars coloured by the sign of their
/// centre, with dashed markers at zero and at the mean.
public struct Histogram: Sendable {
    public struct Input: Sendable, Equatable {
        public var values: [Double]
        public var binCount: Int
        public var format: ValueFormat
        public var title: String

        public init(values: [Double], binCount: Int = 40, format: ValueFormat = .percent, title: String = "Daily returns") {
            self.values = values
            self.binCount = binCount
            self.format = format
            self.title = title
        }
    }

    public var input: Input
    public var frame: ChartFrame
    public var colors: ColorConvention

    public init(_ input: Input, frame: ChartFrame = ChartFrame(width: 640, height: 300), colors: ColorConvention = .chinese) {
        self.input = input
        self.frame = frame
        self.colors = colors
    }

    public var bins: HistogramBins { HistogramBins(input.values, binCount: input.binCount) }

    public func svg() -> String {
        let bins = bins
        guard bins.total > 0 else { return SVGBuilder.noDataChart(frame, kind: "histogram", title: input.title) }
        let plot = frame.plot
        let x = LinearScale(domain: bins.lowerBound...bins.upperBound, range: (plot.x, plot.maxX))
        let y = LinearScale(domain: 0...Double(bins.counts.max()!), range: (plot.maxY, plot.y)).nice(count: 4)
        let finite = input.values.filter(\.isFinite)
        let mean = finite.reduce(0, +) / Double(finite.count)

        var svg = SVGBuilder(capacity: 2_048 + bins.counts.count * 160)
        svg.openChart(frame, kind: "histogram", title: input.title,
                      description: "\(bins.total) values in \(bins.counts.count) bins from "
                          + "\(input.format.string(bins.lowerBound, step: 0.0001)) to \(input.format.string(bins.upperBound, step: 0.0001)); "
                          + "mean \(input.format.string(mean, step: 0.0001)).")
        svg.valueAxis(y, in: plot, tickCount: 4, format: .number)
        for (i, count) in bins.counts.enumerated() where count > 0 {
            let lo = bins.lowerBound + bins.binWidth * Double(i), hi = lo + bins.binWidth
            let top = y(Double(count))
            svg.open("rect", [("class", "bin"), ("x", SVGBuilder.number(x(lo))), ("y", SVGBuilder.number(top)),
                              ("width", SVGBuilder.number(x(hi) - x(lo))), ("height", SVGBuilder.number(plot.maxY - top)),
                              ("fill", colors.color(forChange: (lo + hi) / 2)), ("stroke", "#fff")])
            svg.title("\(input.format.string(lo, step: 0.0001)) to \(input.format.string(hi, step: 0.0001)): \(count)")
            svg.close("rect")
        }
        var markers: [(String, Double)] = [("mean", mean)]
        if bins.lowerBound <= 0 && 0 <= bins.upperBound { markers.insert(("zero", 0), at: 0) }
        for (name, value) in markers {
            let xs = SVGBuilder.number(x(value))
            svg.open("path", [("class", "marker \(name)"), ("d", "M\(xs) \(SVGBuilder.number(plot.y))V\(SVGBuilder.number(plot.maxY))"),
                              ("stroke", name == "mean" ? "#1f6fd1" : "#555"), ("stroke-dasharray", "4 3"), ("fill", "none")])
            svg.title("\(name) \(input.format.string(value, step: 0.0001))")
            svg.close("path")
        }
        // x labels at nice ticks inside the bins' range.
        let step = x.tickStep(count: 6)
        svg.open("g", [("class", "axis x-axis"), ("fill", "#555"), ("text-anchor", "middle")])
        for tick in x.ticks(count: 6) where tick >= bins.lowerBound && tick <= bins.upperBound {
            svg.element("text", [("x", SVGBuilder.number(x(tick))), ("y", SVGBuilder.number(plot.maxY + 15))],
                        text: input.format.string(tick, step: step))
        }
        svg.close("g")
        svg.close("svg")
        return svg.output
    }
}
