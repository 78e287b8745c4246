import HuiceCore

/// Maps a continuous domain onto a pixel range linearly (`range` may run downwards, as a y axis
/// does: larger values higher up, smaller y).
public struct LinearScale: Sendable, Equatable {
    public var domain: ClosedRange<Double>
    /// Output for `domain.lowerBound` and `domain.upperBound` (not necessarily ascending).
    public var rangeStart: Double
    public var rangeEnd: Double

    public init(domain: ClosedRange<Double>, range: (Double, Double)) {
        self.domain = domain
        rangeStart = range.0
        rangeEnd = range.1
    }

    /// The pixel position of `value`. A zero-width domain maps everything to the middle of the
    /// range, so a flat series draws as a centred line rather than dividing by zero.
    @inlinable public func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0 else { return (rangeStart + rangeEnd) / 2 }
        return rangeStart + (value - domain.lowerBound) / span * (rangeEnd - rangeStart)
    }

    /// The "nice" step for about `count` intervals over the domain: 1, 2 or 5 × 10^k.
    public func tickStep(count: Int) -> Double {
        LinearScale.niceStep(span: domain.upperBound - domain.lowerBound, count: count)
    }

    /// Ticks at multiples of the nice step that enclose the domain: [0, 97] with 5 →
    /// 0, 20, 40, 60, 80, 100. Each tick is computed as an integer multiple, not by repeated
    /// addition, so 0.1-steps print as 0.3, not 0.30000000000000004.
    public func ticks(count: Int) -> [Double] {
        let (lo, hi) = (domain.lowerBound, domain.upperBound)
        guard lo.isFinite, hi.isFinite else { return [] }
        guard hi > lo else { return [lo] }
        let (mantissa, exponent) = LinearScale.niceStepParts(span: hi - lo, count: count)
        let step = LinearScale.value(mantissa, exponent)
        let first = Int((lo / step).rounded(.down)), last = Int((hi / step).rounded(.up))
        return (first...last).map { LinearScale.value($0 * mantissa, exponent) }
    }

    /// The same scale with its domain widened to the enclosing ticks (a y axis whose top and
    /// bottom carry labels).
    public func nice(count: Int) -> LinearScale {
        let ticks = ticks(count: count)
        guard let first = ticks.first, let last = ticks.last, last > first else { return self }
        return LinearScale(domain: first...last, range: (rangeStart, rangeEnd))
    }

    static func niceStep(span: Double, count: Int) -> Double {
        let (mantissa, exponent) = niceStepParts(span: span, count: count)
        return value(mantissa, exponent)
    }

    /// The step as mantissa (1, 2, 5 or 10) and power of ten.
    static func niceStepParts(span: Double, count: Int) -> (Int, Int) {
        guard span > 0, span.isFinite else { return (1, 0) }
        let raw = span / Double(max(1, count))
        var exponent = Int(raw.log10Floor)
        var residual = raw / LinearScale.value(1, exponent)
        // Guard the floor of log10 against rounding at exact powers of ten.
        if residual >= 10 { exponent += 1; residual /= 10 }
        if residual < 1 { exponent -= 1; residual *= 10 }
        let mantissa = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
        return (mantissa, exponent)
    }

    /// m × 10^e, dividing for negative e so that 3 × 10^−1 is the double nearest 0.3.
    static func value(_ mantissa: Int, _ exponent: Int) -> Double {
        var power = 1.0
        for _ in 0..<abs(exponent) { power *= 10 }
        return exponent >= 0 ? Double(mantissa) * power : Double(mantissa) / power
    }
}

extension Double {
    /// ⌊log10(self)⌋ by counting, for positive finite values (no Foundation dependency).
    var log10Floor: Int {
        var exponent = 0, x = self
        while x >= 10 { x /= 10; exponent += 1 }
        while x < 1 { x *= 10; exponent -= 1 }
        return exponent
    }
}
