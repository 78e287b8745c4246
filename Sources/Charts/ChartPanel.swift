/// A sub-panel under a K-line: indicator lines and/or a histogram around zero, on bars aligned
/// with the chart's series (NaN where undefined). The chart draws what it is given; the
/// indicators themselves come from Factors.
public struct ChartPanel: Sendable, Equatable {
    public var title: String
    public var lines: [LineSeries]
    /// Bars drawn from zero, coloured by sign (MACD's histogram); empty for none.
    public var bars: [Double]
    /// A fixed y domain (RSI's 0…100); nil fits the visible values.
    public var domain: ClosedRange<Double>?
    /// Dashed horizontal guides (RSI 30/70, KDJ 20/80).
    public var referenceLines: [Double]

    public init(title: String, lines: [LineSeries] = [], bars: [Double] = [],
                domain: ClosedRange<Double>? = nil, referenceLines: [Double] = []) {
        self.title = title
        self.lines = lines
        self.bars = bars
        self.domain = domain
        self.referenceLines = referenceLines
    }

    /// MACD: DIF and DEA lines over the histogram (whatever scaling of it the caller uses).
    public static func macd(dif: [Double], dea: [Double], histogram: [Double]) -> ChartPanel {
        ChartPanel(title: "MACD", lines: [LineSeries(name: "DIF", values: dif), LineSeries(name: "DEA", values: dea)],
                   bars: histogram)
    }

    /// RSI on a fixed 0–100 scale with 30/70 guides.
    public static func rsi(_ values: [Double], name: String = "RSI") -> ChartPanel {
        ChartPanel(title: name, lines: [LineSeries(name: name, values: values)], domain: 0...100, referenceLines: [30, 70])
    }

    /// KDJ's three lines with 20/80 guides (J leaves 0–100, so the domain fits the values).
    public static func kdj(k: [Double], d: [Double], j: [Double]) -> ChartPanel {
        ChartPanel(title: "KDJ", lines: [LineSeries(name: "K", values: k), LineSeries(name: "D", values: d),
                                         LineSeries(name: "J", values: j)], referenceLines: [20, 80])
    }

    /// The finite extent of the panel's values over `indices` (with 0 when it has bars).
    func extent(_ indices: Range<Int>) -> ClosedRange<Double>? {
        if let domain { return domain }
        var lo = Double.infinity, hi = -Double.infinity
        for series in lines.map(\.values) + [bars] {
            for i in indices where i < series.count && series[i].isFinite {
                lo = min(lo, series[i])
                hi = max(hi, series[i])
            }
        }
        if !bars.isEmpty { lo = min(lo, 0); hi = max(hi, 0) }
        for r in referenceLines { lo = min(lo, r); hi = max(hi, r) }
        return lo <= hi ? lo...hi : nil
    }
}
