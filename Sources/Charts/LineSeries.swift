/// A named line: one value per bar or day (NaN where the value is undefined, such as the first
/// 19 days of an MA(20); the line breaks there).
public struct LineSeries: Sendable, Equatable {
    public var name: String
    public var values: [Double]
    /// A CSS colour; nil picks the palette colour for the series' position.
    public var color: String?

    public init(name: String, values: [Double], color: String? = nil) {
        self.name = name
        self.values = values
        self.color = color
    }

    /// Colours for series without their own, in order (distinct from the red/green of up/down).
    public static let palette = ["#1f6fd1", "#e08a00", "#8e44ad", "#00897b", "#c2185b", "#5d6d7e"]

    func resolvedColor(at position: Int) -> String {
        color ?? LineSeries.palette[position % LineSeries.palette.count]
    }

    /// The SVG path data through the finite values of `indices`: `M x y L x y …`, starting a new
    /// `M` after each gap.
    static func pathData(_ values: [Double], indices: Range<Int>, x: (Int) -> Double, y: LinearScale) -> String {
        var d = ""
        d.reserveCapacity(indices.count * 14)
        var pen = false
        for i in indices where i < values.count {
            let v = values[i]
            guard v.isFinite else { pen = false; continue }
            d += pen ? " L" : (d.isEmpty ? "M" : " M")
            d += SVGBuilder.number(x(i)) + " " + SVGBuilder.number(y(v))
            pen = true
        }
        return d
    }
}
