import HuiceCore
import MarketData

/// A stock's factors on every bar, normalised and signed by direction (+ always means "buy"):
/// the inputs of the composite score. Computed once; a score for any weights is then a weighted
/// sum (`score(weights:into:)`), which is what parameter search repeats thousands of times.
public struct FactorColumns: Sendable {
    public let names: [String]
    /// `values[k][i]`: factor k on bar i.
    public let values: [[Double]]
    public let origins: [FactorValueSource.Origin]
    public let count: Int

    public init(factors: [WeightedFactor], code: StockCode?, bars: BarSeriesView, source: FactorValueSource,
                normalization: FactorNormalization) {
        names = factors.map(\.name)
        origins = factors.map { source.origin(of: $0, code: code) }
        count = bars.count
        values = factors.map { factor in
            var column = source.rawValues(of: factor, code: code, bars: bars)
            normalization.apply(to: &column)
            let sign = factor.definition.direction.sign
            if sign < 0 { for i in column.indices { column[i] = -column[i] } }
            return column
        }
    }

    /// score[i] = Σ weights[k] × values[k][i]; NaN while any factor with a non-zero weight is
    /// undefined (a partial sum would treat a missing factor as neutral and bias early scores).
    public func score(weights: [Double], into output: UnsafeMutableBufferPointer<Double>) {
        precondition(weights.count == values.count && output.count >= count)
        for i in 0..<count { output[i] = 0 }
        for k in values.indices where weights[k] != 0 {
            let w = weights[k]
            values[k].withUnsafeBufferPointer { column in
                for i in 0..<count { output[i] += w * column[i] }  // NaN propagates
            }
        }
    }

    /// The score as an array.
    public func score(weights: [Double]) -> [Double] {
        var output = [Double](repeating: 0, count: count)
        output.withUnsafeMutableBufferPointer { score(weights: weights, into: $0) }
        return output
    }
}
