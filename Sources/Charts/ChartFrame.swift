/// The size of a chart and the margins that hold its axes; `plot` is what is left for the data.
public struct ChartFrame: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public var top: Double
    public var right: Double
    public var bottom: Double
    public var left: Double

    public init(width: Double, height: Double, top: Double = 24, right: Double = 16,
                bottom: Double = 28, left: Double = 64) {
        self.width = width
        self.height = height
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }

    public var plot: ChartRect {
        ChartRect(x: left, y: top, width: width - left - right, height: height - top - bottom)
    }
}
