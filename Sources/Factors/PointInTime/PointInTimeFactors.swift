import HuiceCore
import MarketData

/// Imported factor values served point-in-time: what a decision made after the close of a day
/// could have known, never a value before its publish date.
///
/// Built once from a `FactorDataSet`: each (factor, stock) becomes two step functions over
/// publish days, one per `FactorVintage`, in flat arrays. A query walks the ascending days and the
/// steps together (binary search only to start or when days go backwards), so it costs
/// O(days + steps) with no per-day hashing.
///
/// Carry-forward: a value stays visible until a newer one replaces it (a stock's PE is the last
/// one published), optionally capped by `maxAgeDays`: a value whose `observed` day is more than
/// `maxAgeDays` calendar days before the query day is treated as missing (NaN). A suspended
/// stock's last daily value thus expires, and a quarterly factor with `maxAgeDays: 215` vanishes
/// when a company stops reporting. The cap counts from the day the value describes (the trade
/// date or the report period end), not from publication, so a restatement does not refresh it.
public struct PointInTimeFactors: Sendable {
    private struct SeriesKey: Hashable, Sendable {
        var factor: String
        var code: StockCode
    }

    /// Canonical factor names with any value, sorted.
    public let factors: [String]
    /// Stocks with any value, sorted.
    public let codes: [StockCode]
    /// Number of observations the timelines were built from.
    public let observationCount: Int

    private let series: [SeriesKey: Int]
    private let asPublishedSteps: [Range<Int>]
    private let latestRevisionSteps: [Range<Int>]
    /// Per step: first day (yyyymmdd) it applies, the observed day of its value (days since the
    /// epoch, for the age cap), and the value.
    private let stepFrom: ContiguousArray<Int32>
    private let stepObserved: ContiguousArray<Int32>
    private let stepValue: ContiguousArray<Double>

    public init(_ data: FactorDataSet) {
        var groups: [SeriesKey: [Int]] = [:]
        for (index, observation) in data.observations.enumerated() {
            groups[SeriesKey(factor: observation.factor, code: observation.code), default: []].append(index)
        }
        let keys = groups.keys.sorted { ($0.factor, $0.code.rawValue) < ($1.factor, $1.code.rawValue) }
        var from = ContiguousArray<Int32>(), observed = ContiguousArray<Int32>(), values = ContiguousArray<Double>()
        var asPublished: [Range<Int>] = [], latest: [Range<Int>] = []
        var series: [SeriesKey: Int] = [:]
        for key in keys {
            let group = groups[key]!.map { data.observations[$0] }
            series[key] = asPublished.count
            var start = from.count
            Self.appendAsPublished(group, &from, &observed, &values)
            asPublished.append(start..<from.count)
            start = from.count
            Self.appendLatestRevision(group, &from, &observed, &values)
            latest.append(start..<from.count)
        }
        self.series = series
        asPublishedSteps = asPublished
        latestRevisionSteps = latest
        stepFrom = from
        stepObserved = observed
        stepValue = values
        factors = Set(keys.map(\.factor)).sorted()
        codes = Set(keys.map(\.code)).sorted()
        observationCount = data.observations.count
    }

    /// Whether any value of `factor` (a name or alias) exists for `code`.
    public func hasValues(of factor: String, for code: StockCode) -> Bool { seriesIndex(factor, code) != nil }

    /// The stocks with values of `factor` (a name or alias), sorted.
    public func codes(withValuesOf factor: String) -> [StockCode] {
        let name = Self.canonical(factor)
        return codes.filter { series[SeriesKey(factor: name, code: $0)] != nil }
    }

    /// The value of `factor` (canonical name or alias) for `code` visible at the close of each of
    /// `days`, NaN where nothing is visible yet (or the visible value is older than `maxAgeDays`).
    ///
    /// - asPublished: on day d, among observations with published ≤ d, the latest `observed`, and
    ///   of its vintages the latest published ≤ d.
    /// - latestRevision: among periods first published ≤ d, the latest `observed`, with the value
    ///   of its last vintage overall.
    ///
    /// Days should ascend (the fast path); days out of order are answered correctly, more slowly.
    public func values(of factor: String, for code: StockCode, on days: UnsafeBufferPointer<TradingDay>,
                       vintage: FactorVintage, maxAgeDays: Int? = nil) -> [Double] {
        [Double](unsafeUninitializedCapacity: days.count) { buffer, initialized in
            fill(buffer, of: factor, for: code, on: days, vintage: vintage, maxAgeDays: maxAgeDays)
            initialized = days.count
        }
    }

    /// `values(of:for:on:vintage:maxAgeDays:)` for an array of days.
    public func values(of factor: String, for code: StockCode, on days: [TradingDay], vintage: FactorVintage,
                       maxAgeDays: Int? = nil) -> [Double] {
        days.withUnsafeBufferPointer { values(of: factor, for: code, on: $0, vintage: vintage, maxAgeDays: maxAgeDays) }
    }

    /// The value visible at the close of `day`, nil when there is none.
    public func value(of factor: String, for code: StockCode, on day: TradingDay, vintage: FactorVintage,
                      maxAgeDays: Int? = nil) -> Double? {
        let value = values(of: factor, for: code, on: [day], vintage: vintage, maxAgeDays: maxAgeDays)[0]
        return value.isNaN ? nil : value
    }

    /// Writes the values for `days` into `output` (which must hold `days.count` elements): the
    /// allocation-free form of `values(of:for:on:vintage:maxAgeDays:)`, for panels.
    public func fill(_ output: UnsafeMutableBufferPointer<Double>, of factor: String, for code: StockCode,
                     on days: UnsafeBufferPointer<TradingDay>, vintage: FactorVintage, maxAgeDays: Int? = nil) {
        precondition(output.count >= days.count, "the output holds \(output.count) values for \(days.count) days")
        guard let index = seriesIndex(factor, code) else {
            for i in 0..<days.count { output[i] = .nan }
            return
        }
        let steps = vintage == .asPublished ? asPublishedSteps[index] : latestRevisionSteps[index]
        stepFrom.withUnsafeBufferPointer { from in
            stepObserved.withUnsafeBufferPointer { observed in
                stepValue.withUnsafeBufferPointer { value in
                    let lower = steps.lowerBound, upper = steps.upperBound
                    var j = lower - 1  // the last step with from ≤ day, lower − 1 when none
                    var previous = Int32.max
                    for i in 0..<days.count {
                        let d = days[i].yyyymmdd
                        if d < previous {
                            j = Self.lastStep(from, lower, upper, atOrBefore: d)
                        } else {
                            while j + 1 < upper && from[j + 1] <= d { j += 1 }
                        }
                        previous = d
                        if j < lower {
                            output[i] = .nan
                        } else if let maxAgeDays, days[i].daysSinceEpoch - Int(observed[j]) > maxAgeDays {
                            output[i] = .nan
                        } else {
                            output[i] = value[j]
                        }
                    }
                }
            }
        }
    }

    // MARK: Building

    /// asPublished: processing observations by publish day, the shown value is the lexicographic
    /// maximum of (observed, published) among those published so far; one step per publish day.
    private static func appendAsPublished(_ group: [FactorObservation], _ from: inout ContiguousArray<Int32>,
                                          _ observed: inout ContiguousArray<Int32>, _ values: inout ContiguousArray<Double>) {
        let ordered = group.enumerated().sorted {
            ($0.element.published, $0.element.observed, $0.offset) < ($1.element.published, $1.element.observed, $1.offset)
        }.map(\.element)
        let start = from.count
        var current: FactorObservation?
        for o in ordered {
            if let c = current, o.observed < c.observed { continue }  // a late vintage of an older period
            current = o
            appendStep(o.published, o.observed, o.value, start, &from, &observed, &values)
        }
    }

    /// latestRevision: each period's last vintage, from its first publish day; the shown period is
    /// the latest one first published so far.
    private static func appendLatestRevision(_ group: [FactorObservation], _ from: inout ContiguousArray<Int32>,
                                             _ observed: inout ContiguousArray<Int32>, _ values: inout ContiguousArray<Double>) {
        var periods: [TradingDay: (first: TradingDay, last: TradingDay, value: Double)] = [:]
        for o in group {
            if let p = periods[o.observed] {
                periods[o.observed] = (min(p.first, o.published), o.published >= p.last ? o.published : p.last,
                                       o.published >= p.last ? o.value : p.value)
            } else {
                periods[o.observed] = (o.published, o.published, o.value)
            }
        }
        let ordered = periods.sorted { ($0.value.first, $0.key) < ($1.value.first, $1.key) }
        let start = from.count
        var shown: TradingDay?
        for (period, p) in ordered {
            if let shown, period < shown { continue }
            shown = period
            appendStep(p.first, period, p.value, start, &from, &observed, &values)
        }
    }

    /// Appends a step, replacing the previous one of the series when it starts on the same day.
    private static func appendStep(_ day: TradingDay, _ observedDay: TradingDay, _ value: Double, _ start: Int,
                                   _ from: inout ContiguousArray<Int32>, _ observed: inout ContiguousArray<Int32>,
                                   _ values: inout ContiguousArray<Double>) {
        if from.count > start && from[from.count - 1] == day.yyyymmdd {
            observed[observed.count - 1] = Int32(observedDay.daysSinceEpoch)
            values[values.count - 1] = value
        } else {
            from.append(day.yyyymmdd)
            observed.append(Int32(observedDay.daysSinceEpoch))
            values.append(value)
        }
    }

    // MARK: Lookup

    private func seriesIndex(_ factor: String, _ code: StockCode) -> Int? {
        if let index = series[SeriesKey(factor: factor, code: code)] { return index }
        let name = Self.canonical(factor)
        return name == factor ? nil : series[SeriesKey(factor: name, code: code)]
    }

    /// The registry's canonical name for `factor`, or `factor` itself when the registry lacks it.
    private static func canonical(_ factor: String) -> String {
        FactorRegistry.definition(named: factor)?.name ?? factor
    }

    /// The last index in `lower..<upper` with `from[index] ≤ day`, or `lower − 1`.
    private static func lastStep(_ from: UnsafeBufferPointer<Int32>, _ lower: Int, _ upper: Int, atOrBefore day: Int32) -> Int {
        var lo = lower, hi = upper  // first index with from > day lies in lo...hi
        while lo < hi {
            let mid = (lo + hi) / 2
            if from[mid] <= day { lo = mid + 1 } else { hi = mid }
        }
        return lo - 1
    }
}
