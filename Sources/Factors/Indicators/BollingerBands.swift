/// Bollinger bands as TA-Lib `BBANDS` (simple average, population deviation, nbdevup = nbdevdn =
/// `deviations`) computes them, to the last bit; plus %b and bandwidth, which TA-Lib lacks.
///
/// TA-Lib 0.8 takes the variance from running sums of deviations from a shift value (the window's
/// first input, later its mean), so the squares never cancel catastrophically, and rebuilds the sums
/// from the window every 32 × period bars, when the variance looks cancelled (below 1e-6 of the mean
/// square) or when the value leaving dominates the total; after a rebuild a variance below 1e-12 of
/// the mean square is taken as 0. All of it, in its order, is reproduced here. The middle band is
/// TA-Lib's running-sum SMA.
public struct BollingerBands: Sendable {
    /// One bar's bands.
    public struct Value: Sendable, Equatable {
        public var upper: Double
        public var middle: Double
        public var lower: Double
        /// (close − lower) / (upper − lower); undefined (NaN) when the band has no width.
        public var percentB: Double
        /// (upper − lower) / middle, a ratio (not percent); undefined when the middle is 0.
        public var width: Double

        public static let undefined = Value(middle: .nan, deviation: .nan, deviations: 0, close: .nan)

        /// The bands `deviations` deviations either side of `middle`, and %b and width for `close`.
        public init(middle: Double, deviation: Double, deviations: Double, close: Double) {
            let offset = deviation * deviations
            upper = middle + offset
            self.middle = middle
            lower = middle - offset
            let range = upper - lower
            percentB = range != 0 ? (close - lower) / range : .nan
            width = middle != 0 ? range / middle : .nan
        }
    }

    public let period: Int
    public let deviations: Double
    private let reciprocal: Double
    private var window: RingWindow
    private var seen = 0
    private var total = 0.0
    private var shift = 0.0
    private var shiftedSum = 0.0
    private var shiftedSquares = 0.0
    private var barsUntilRebuild = 0

    public init(period: Int, deviations: Double) {
        precondition(period >= 1, "Bollinger period must be at least 1")
        self.period = period
        self.deviations = deviations
        reciprocal = 1.0 / Double(period)
        window = RingWindow(capacity: period)
    }

    public mutating func update(_ close: Double) -> Value {
        window.append(close)
        if seen == 0 { shift = close }
        if seen < period - 1 {
            seen += 1
            total += close
            let d = close - shift
            shiftedSum += d
            shiftedSquares += d * d
            return .undefined
        }
        if seen == period - 1 {
            seen = period
            barsUntilRebuild = 32 * period
        }
        total += close
        var d = close - shift
        shiftedSum += d
        shiftedSquares += d * d
        var mean = shiftedSum * reciprocal
        var variance = shiftedSquares * reciprocal - mean * mean
        let middle = total / Double(period)

        // Drop the value leaving the window (the oldest of the current one).
        let leaving = window.oldest
        total -= leaving
        d = leaving - shift
        shiftedSum -= d
        var square = d * d
        shiftedSquares -= square
        barsUntilRebuild -= 1
        if variance < 0.000001 * (shiftedSquares * reciprocal) || square > 1000000.0 * shiftedSquares
            || barsUntilRebuild <= 0 {
            barsUntilRebuild = 32 * period
            var sum = 0.0
            for i in 0..<period { sum += window[i] }
            shift = sum * reciprocal
            shiftedSum = 0
            shiftedSquares = 0
            for i in 0..<period {
                let e = window[i] - shift
                shiftedSum += e
                shiftedSquares += e * e
            }
            mean = shiftedSum * reciprocal
            variance = shiftedSquares * reciprocal - mean * mean
            if variance < 0.000000000001 * (shiftedSquares * reciprocal) { variance = 0 }
            d = window.oldest - shift
            shiftedSum -= d
            square = d * d
            shiftedSquares -= square
        }
        let deviation = variance != 0 ? variance.squareRoot() : 0
        return Value(middle: middle, deviation: deviation, deviations: deviations, close: close)
    }

    /// Runs a copy of this state over `close`, writing the five outputs.
    public func compute(_ close: UnsafeBufferPointer<Double>, upper: UnsafeMutableBufferPointer<Double>,
                        middle: UnsafeMutableBufferPointer<Double>, lower: UnsafeMutableBufferPointer<Double>,
                        percentB: UnsafeMutableBufferPointer<Double>, width: UnsafeMutableBufferPointer<Double>) {
        var state = self
        for i in 0..<close.count {
            let v = state.update(close[i])
            upper[i] = v.upper; middle[i] = v.middle; lower[i] = v.lower
            percentB[i] = v.percentB; width[i] = v.width
        }
    }
}
