import HuiceCore

/// A year × month grid of monthly returns with a year-total column. Cells are tinted by sign
/// (the convention's up/down colour) and magnitude (white at 0, full colour at the largest
/// monthly return); months without data stay blank.
public struct MonthlyReturnsHeatmap: Sendable {
    public struct Input: Sendable, Equatable {
        public var days: [TradingDay]
        public var equity: [Double]
        public var startingEquity: Double?
        public var title: String

        public init(days: [TradingDay], equity: [Double], startingEquity: Double? = nil, title: String = "Monthly returns") {
            self.days = days
            self.equity = equity
            self.startingEquity = startingEquity
            self.title = title
        }
    }

    public var input: Input
    public var frame: ChartFrame
    public var colors: ColorConvention

    /// Height follows the years in the data unless a frame is given.
    public init(_ input: Input, frame: ChartFrame? = nil, colors: ColorConvention = .chinese) {
        self.input = input
        let years = Set(input.days.map(\.year)).count
        self.frame = frame ?? ChartFrame(width: 760, height: 60 + 26 * Double(max(1, years)), top: 40, right: 16, bottom: 8, left: 48)
        self.colors = colors
    }

    public var table: MonthlyReturnTable {
        MonthlyReturnTable(days: input.days, equity: input.equity, startingEquity: input.startingEquity)
    }

    public func svg() -> String {
        let table = table
        guard !table.years.isEmpty else { return SVGBuilder.noDataChart(frame, kind: "monthly-heatmap", title: input.title) }
        let plot = frame.plot
        let cellWidth = plot.width / 13, cellHeight = plot.height / Double(table.years.count)
        let scale = table.largestMagnitude

        var svg = SVGBuilder(capacity: 2_048 + table.years.count * 13 * 200)
        svg.openChart(frame, kind: "monthly-heatmap", title: input.title,
                      description: "Monthly returns compounded from daily equity, \(table.years.first!)–\(table.years.last!), with yearly totals.")
        svg.open("g", [("class", "axis"), ("fill", "#555"), ("text-anchor", "middle")])
        for column in 0..<13 {
            svg.element("text", [("x", SVGBuilder.number(plot.x + cellWidth * (Double(column) + 0.5))), ("y", SVGBuilder.number(plot.y - 6))],
                        text: column < 12 ? (column < 9 ? "0" : "") + String(column + 1) : "Year")
        }
        for (row, year) in table.years.enumerated() {
            svg.element("text", [("x", SVGBuilder.number(plot.x - 24)), ("y", SVGBuilder.number(plot.y + cellHeight * (Double(row) + 0.5))),
                                 ("dy", "0.32em")], text: String(year))
        }
        svg.close("g")
        for (row, year) in table.years.enumerated() {
            let values = table.returns[row] + [table.yearTotals[row]]
            for (column, value) in values.enumerated() {
                guard let value else { continue }
                let x = plot.x + cellWidth * Double(column), y = plot.y + cellHeight * Double(row)
                let intensity = scale > 0 ? min(1, abs(value) / scale) : 0
                let label = column < 12 ? "\(year)-\(column < 9 ? "0" : "")\(column + 1)" : "\(year)"
                let percent = ValueFormat.fixed(value * 100, decimals: 2, grouped: false) + "%"
                svg.open("g", [("class", column < 12 ? "cell" : "cell total")])
                svg.open("rect", [("x", SVGBuilder.number(x)), ("y", SVGBuilder.number(y)), ("width", SVGBuilder.number(cellWidth)),
                                  ("height", SVGBuilder.number(cellHeight)),
                                  ("fill", MonthlyReturnsHeatmap.blend(colors.color(forChange: value), intensity: intensity)),
                                  ("stroke", "#fff")])
                svg.title(label + " " + percent)
                svg.close("rect")
                svg.element("text", [("x", SVGBuilder.number(x + cellWidth / 2)), ("y", SVGBuilder.number(y + cellHeight / 2)),
                                     ("dy", "0.32em"), ("text-anchor", "middle"), ("fill", intensity > 0.6 ? "#fff" : "#222"),
                                     ("font-weight", column < 12 ? "normal" : "bold")],
                            text: ValueFormat.fixed(value * 100, decimals: 1, grouped: false))
                svg.close("g")
            }
        }
        svg.close("svg")
        return svg.output
    }

    /// `#rrggbb` mixed with white: intensity 0 → white, 1 → the colour itself.
    static func blend(_ hex: String, intensity: Double) -> String {
        let digits = Array(hex.utf8.dropFirst())
        func channel(_ i: Int) -> Int { Int(String(decoding: digits[i...i + 1], as: UTF8.self), radix: 16) ?? 0 }
        var result = "#"
        for i in [0, 2, 4] {
            let mixed = Int((255 - Double(255 - channel(i)) * intensity).rounded())
            result += (mixed < 16 ? "0" : "") + String(mixed, radix: 16)
        }
        return result
    }
}
