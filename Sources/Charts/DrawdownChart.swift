import HuiceCore

/// The underwater chart: how far equity sits below its running peak each day, as a filled area
/// hanging from the zero line.
public struct DrawdownChart: Sendable {
    public struct Input: Sendable, Equatable {
        public var days: [TradingDay]
        /// Equity per day (any unit: only ratios matter).
        public var equity: [Double]
        /// Equity before the first day (the initial cash), which starts the running peak; nil
        /// starts it at the first day's equity.
        public var startingEquity: Double?
        public var title: String

        public init(days: [TradingDay], equity: [Double], startingEquity: Double? = nil, title: String = "Drawdown") {
            self.days = days
            self.equity = equity
            self.startingEquity = startingEquity
            self.title = title
        }
    }

    public var input: Input
    public var frame: ChartFrame
    public var colors: ColorConvention

    public init(_ input: Input, frame: ChartFrame = ChartFrame(width: 960, height: 240), colors: ColorConvention = .chinese) {
        self.input = input
        self.frame = frame
        self.colors = colors
    }

    /// equity / running peak − 1 for each day (≤ 0); 100, 120, 90, 130 → 0, 0, −0.25, 0.
    public static func drawdowns(_ equity: [Double], startingEquity: Double? = nil) -> [Double] {
        var peak = startingEquity ?? -Double.infinity
        return equity.map { value in
            peak = max(peak, value)
            return peak > 0 ? value / peak - 1 : 0
        }
    }

    public var drawdowns: [Double] {
        DrawdownChart.drawdowns(Array(input.equity.prefix(input.days.count)), startingEquity: input.startingEquity)
    }

    public func svg() -> String {
        let days = Array(input.days.prefix(input.equity.count))
        guard !days.isEmpty else { return SVGBuilder.noDataChart(frame, kind: "drawdown-chart", title: input.title) }
        let values = drawdowns, plot = frame.plot
        let deepest = values.min() ?? 0
        // A curve that never fell still gets a 1% axis, so the zero line sits at the top, not mid-plot.
        let y = LinearScale(domain: min(deepest, -0.01)...0, range: (plot.maxY, plot.y)).nice(count: 5)
        let x = LinearScale(domain: 0...Double(max(0, days.count - 1)), range: (plot.x, plot.maxX))
        let worst = values.firstIndex(of: deepest) ?? 0

        var svg = SVGBuilder(capacity: 1_024 + days.count * 32)
        svg.openChart(frame, kind: "drawdown-chart", title: input.title,
                      description: "Drawdown from the running peak over \(days.count) days; deepest "
                          + ValueFormat.fixed(deepest * 100, decimals: 2, grouped: false) + "% on \(days[worst].isoString).")
        svg.valueAxis(y, in: plot, tickCount: 5, format: .percent)
        let line = LineSeries.pathData(values, indices: 0..<values.count, x: { x(Double($0)) }, y: y)
        let zero = SVGBuilder.number(y(0))
        let area = "M" + SVGBuilder.number(x(0)) + " " + zero + " L" + line.dropFirst()
            + " L" + SVGBuilder.number(x(Double(values.count - 1))) + " " + zero + " Z"
        svg.element("path", [("class", "underwater"), ("d", area), ("fill", colors.downColor), ("fill-opacity", "0.3")])
        svg.line(line, color: colors.downColor, className: "drawdown", name: input.title)
        svg.dateAxis(days, indices: 0..<days.count, in: plot, x: { x(Double($0)) })
        svg.close("svg")
        return svg.output
    }
}
