import HuiceCore

/// Imported factor values of any number of stocks and factors: fundamental, market and sentiment
/// data, each value with the day it describes and the day it became public.
///
/// `observations` are sorted by code, factor, observed, published and hold one value per key
/// (`FactorObservation.Key`); the initialiser and `merging` keep that invariant (assigning
/// `observations` directly must too). A value: an import builds a new set and either returns it
/// whole or throws.
public struct FactorDataSet: Sendable, Equatable {
    public var observations: [FactorObservation]

    public init() { observations = [] }

    /// Sorts `observations`; of two with the same key the later one in the array wins.
    public init(observations: [FactorObservation]) {
        self.observations = Self.sortedUnique(observations)
    }

    public var isEmpty: Bool { observations.isEmpty }
    public var count: Int { observations.count }

    /// The stocks with any value, sorted.
    public var codes: [StockCode] {
        Set(observations.map(\.code)).sorted()
    }

    /// The factors with any value, sorted by name.
    public var factors: [String] { Set(observations.map(\.factor)).sorted() }

    /// Number of observations per factor.
    public var countsByFactor: [String: Int] {
        observations.reduce(into: [:]) { $0[$1.factor, default: 0] += 1 }
    }

    /// Earliest and latest `observed` day, nil when empty.
    public var observedRange: ClosedRange<TradingDay>? {
        guard let first = observations.lazy.map(\.observed).min(), let last = observations.lazy.map(\.observed).max()
        else { return nil }
        return first...last
    }

    /// Earliest and latest `published` day, nil when empty.
    public var publishedRange: ClosedRange<TradingDay>? {
        guard let first = observations.lazy.map(\.published).min(), let last = observations.lazy.map(\.published).max()
        else { return nil }
        return first...last
    }

    /// Observations that describe the same (code, factor, observed) more than once: restatements.
    public var restatementCount: Int {
        var count = 0
        for i in observations.indices.dropFirst() {
            let a = observations[i - 1], b = observations[i]
            if a.code == b.code && a.factor == b.factor && a.observed == b.observed { count += 1 }
        }
        return count
    }

    /// This set with `other`'s observations added; on a key in both, `other`'s value wins.
    public func merging(_ other: FactorDataSet) -> FactorDataSet {
        FactorDataSet(observations: observations + other.observations)
    }

    /// The observations of `codes` (all when nil) and `factors` (all when nil).
    public func filtered(codes: Set<StockCode>? = nil, factors: Set<String>? = nil) -> FactorDataSet {
        var result = FactorDataSet()
        result.observations = observations.filter { o in
            (codes?.contains(o.code) ?? true) && (factors?.contains(o.factor) ?? true)
        }
        return result
    }

    /// Sorted by (code, factor, observed, published), one per key (the last given wins). Codes
    /// and factors are ranked once, so the sort compares integers, not strings.
    static func sortedUnique(_ input: [FactorObservation]) -> [FactorObservation] {
        guard input.count > 1 else { return input }
        let codeRank = Dictionary(uniqueKeysWithValues: Set(input.map(\.code)).sorted().enumerated().map { ($1, $0) })
        let factorRank = Dictionary(uniqueKeysWithValues: Set(input.map(\.factor)).sorted().enumerated().map { ($1, $0) })
        var keys: [(code: Int32, factor: Int32, observed: Int32, published: Int32, index: Int32)] = []
        keys.reserveCapacity(input.count)
        for (i, o) in input.enumerated() {
            keys.append((Int32(codeRank[o.code]!), Int32(factorRank[o.factor]!), o.observed.yyyymmdd, o.published.yyyymmdd,
                         Int32(i)))
        }
        keys.sort { ($0.code, $0.factor, $0.observed, $0.published, $0.index) < ($1.code, $1.factor, $1.observed, $1.published, $1.index) }
        var result: [FactorObservation] = []
        result.reserveCapacity(input.count)
        for (n, key) in keys.enumerated() {
            if n + 1 < keys.count {
                let next = keys[n + 1]
                if next.code == key.code && next.factor == key.factor && next.observed == key.observed
                    && next.published == key.published { continue }  // a later duplicate follows: it wins
            }
            result.append(input[Int(key.index)])
        }
        return result
    }
}
