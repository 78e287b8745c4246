import Foundation
import HuiceCore

/// The combinations of a grid search: the Cartesian product of each parameter's values and, when
/// weights are searched, of every weight vector on the simplex grid (non-negative multiples of
/// `step` summing to 1). Enumerated in a fixed order (parameters in the order given, the last
/// varying fastest; weights last), so combination numbers are stable between runs.
public struct ParameterGrid: Sendable {
    /// A parameter path (`buy_threshold`, `factor_params.rsi.period`, `stop_loss_pct`) and its values.
    public struct Axis: Sendable, Equatable {
        public var path: String
        public var values: [JSONValue]
    }

    public struct WeightAxis: Sendable, Equatable {
        public var factors: [String]
        public var step: Double
        /// Smallest weight a factor may take (0 allows dropping a factor).
        public var minimum: Double
    }

    public var axes: [Axis]
    public var weights: WeightAxis?

    /// One point of the grid.
    public struct Combination: Sendable, Equatable {
        public var index: Int
        public var values: [(path: String, value: JSONValue)]
        public var weights: [(factor: String, weight: Double)]?

        public static func == (a: Combination, b: Combination) -> Bool {
            a.index == b.index && a.values.elementsEqual(b.values) { $0.path == $1.path && $0.value == $1.value }
                && (a.weights ?? []).elementsEqual(b.weights ?? []) { $0.factor == $1.factor && $0.weight == $1.weight }
        }
    }

    /// The weight vectors: integer units of `step` (units = 1/step, which must be whole) summing
    /// to the total, each at least minimum/step units; weights are units × step, rounded to 1e-12
    /// so that 0.1 + 0.2 + 0.7 sums to 1 within the validator's 1e-6.
    public static func simplex(_ axis: WeightAxis) -> [[Double]] {
        let total = Int((1 / axis.step).rounded())
        let floorUnits = Int((axis.minimum / axis.step).rounded(.up))
        let k = axis.factors.count
        var vectors: [[Double]] = []
        var current = [Int](repeating: 0, count: k)
        func fill(_ position: Int, _ remaining: Int) {
            if position == k - 1 {
                guard remaining >= floorUnits else { return }
                current[position] = remaining
                vectors.append(current.map { (Double($0) / Double(total) * 1e12).rounded() / 1e12 })
                return
            }
            guard remaining >= floorUnits else { return }
            for units in stride(from: remaining, through: floorUnits, by: -1) {
                current[position] = units
                fill(position + 1, remaining - units)
            }
        }
        if k > 0 { fill(0, total) }
        return vectors
    }

    /// How many combinations there are.
    public var count: Int {
        let product = axes.reduce(1) { $0 * $1.values.count }
        return weights.map { product * Self.simplex($0).count } ?? product
    }

    /// Every combination, in order.
    public func combinations() -> [Combination] {
        let vectors = weights.map(Self.simplex)
        var result: [Combination] = []
        var counters = [Int](repeating: 0, count: axes.count)
        var index = 0
        outer: while true {
            let values = axes.enumerated().map { (path: $0.element.path, value: $0.element.values[counters[$0.offset]]) }
            if let vectors, let factors = weights?.factors {
                for vector in vectors {
                    result.append(Combination(index: index, values: values, weights: Array(zip(factors, vector)).map { ($0.0, $0.1) }))
                    index += 1
                }
            } else {
                result.append(Combination(index: index, values: values, weights: nil))
                index += 1
            }
            var axis = axes.count - 1
            while axis >= 0 {
                counters[axis] += 1
                if counters[axis] < axes[axis].values.count { continue outer }
                counters[axis] = 0
                axis -= 1
            }
            break
        }
        return result
    }
}
