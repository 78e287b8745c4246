/// One bar's outputs of one indicator (at most five, in `IndicatorSpec.outputNames` order), held
/// inline so a streaming update allocates nothing.
public struct IndicatorValues: Sendable, Equatable, RandomAccessCollection {
    public let count: Int
    private var storage: (Double, Double, Double, Double, Double)

    /// The most outputs an indicator has (Bollinger bands: upper, middle, lower, %b, width).
    public static let capacity = 5

    public init(_ a: Double) { self.init(count: 1, (a, .nan, .nan, .nan, .nan)) }
    public init(_ a: Double, _ b: Double) { self.init(count: 2, (a, b, .nan, .nan, .nan)) }
    public init(_ a: Double, _ b: Double, _ c: Double) { self.init(count: 3, (a, b, c, .nan, .nan)) }
    public init(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double) { self.init(count: 5, (a, b, c, d, e)) }

    private init(count: Int, _ storage: (Double, Double, Double, Double, Double)) {
        self.count = count
        self.storage = storage
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Double {
        precondition(position >= 0 && position < count, "output index out of range")
        switch position {
        case 0: return storage.0
        case 1: return storage.1
        case 2: return storage.2
        case 3: return storage.3
        default: return storage.4
        }
    }

    /// Equal when every output has the same bits (NaN equals NaN): the streaming/vectorized
    /// identity the tests check.
    public static func == (lhs: IndicatorValues, rhs: IndicatorValues) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}
