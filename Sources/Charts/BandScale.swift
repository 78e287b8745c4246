/// Places `count` equal bands (one per bar) across a pixel range: band `i` is centred at
/// `centre(i)` and drawn `bandWidth` wide, leaving `padding` of each step empty between bars.
public struct BandScale: Sendable, Equatable {
    public var count: Int
    public var rangeStart: Double
    public var rangeEnd: Double
    /// Fraction of each step left empty (0 = touching bars).
    public var padding: Double

    public init(count: Int, range: (Double, Double), padding: Double = 0.2) {
        self.count = count
        rangeStart = range.0
        rangeEnd = range.1
        self.padding = min(max(padding, 0), 0.9)
    }

    /// Width of one step (band plus gap).
    @inlinable public var step: Double { count > 0 ? (rangeEnd - rangeStart) / Double(count) : 0 }
    @inlinable public var bandWidth: Double { step * (1 - padding) }
    @inlinable public func centre(_ index: Int) -> Double { rangeStart + step * (Double(index) + 0.5) }

    /// The band under pixel `x`, if any (for mapping a zoom selection back to bars).
    public func index(at x: Double) -> Int? {
        guard count > 0, step != 0 else { return nil }
        let i = Int(((x - rangeStart) / step).rounded(.down))
        return (0..<count).contains(i) ? i : nil
    }
}
