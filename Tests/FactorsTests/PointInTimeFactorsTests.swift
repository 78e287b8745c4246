import Testing
import HuiceCore
import MarketData
@testable import Factors

private func day(_ yyyymmdd: Int32) -> TradingDay { TradingDay(yyyymmdd: yyyymmdd)! }
private let pufa = StockCode(normalizing: "600000.SH")!
private let pingan = StockCode(normalizing: "000001.SZ")!

private func obs(_ code: StockCode, _ factor: String, _ observed: Int32, _ published: Int32, _ value: Double) -> FactorObservation {
    FactorObservation(code: code, factor: factor, observed: day(observed), published: day(published), value: value)
}

/// Equal, treating NaN as equal to NaN.
private func same(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.isNaN ? $1.isNaN : $0 == $1 }
}

/// A seeded SplitMix64, for the property test.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Point-in-time factor values")
struct PointInTimeFactorsTests {
    /// ROE of one stock: the 2023 annual report (announced 04-20, restated 08-30 from 10 to 12),
    /// Q1 2024 (04-28) and H1 2024 (08-25, restated 09-10 from 6 to 5.5).
    static let reports = FactorDataSet(observations: [
        obs(pufa, "roe", 20231231, 20240420, 10.0),
        obs(pufa, "roe", 20231231, 20240830, 12.0),
        obs(pufa, "roe", 20240331, 20240428, 3.0),
        obs(pufa, "roe", 20240630, 20240825, 6.0),
        obs(pufa, "roe", 20240630, 20240910, 5.5),
    ])
    static let days = [20240419, 20240420, 20240427, 20240428, 20240824, 20240825, 20240829, 20240830, 20240909, 20240910]
        .map { day(Int32($0)) }

    @Test("as published: the latest period published by the day, in its latest version by then")
    func asPublished() {
        let values = PointInTimeFactors(Self.reports).values(of: "roe", for: pufa, on: Self.days, vintage: .asPublished)
        // 04-19 nothing yet; 04-20 annual 10; 04-28 Q1 3; 08-25 H1 6; 08-30 the annual's
        // restatement concerns an older period and changes nothing; 09-10 H1 restated 5.5.
        #expect(same(values, [.nan, 10, 10, 3, 3, 6, 6, 6, 6, 5.5]))
    }

    @Test("latest revision: each period's last version, from the period's first publication")
    func latestRevision() {
        let values = PointInTimeFactors(Self.reports).values(of: "roe", for: pufa, on: Self.days, vintage: .latestRevision)
        // 04-20 the annual at its restated 12 (but not before 04-20); H1 at 5.5 from 08-25, never before.
        #expect(same(values, [.nan, 12, 12, 3, 3, 5.5, 5.5, 5.5, 5.5, 5.5]))
    }

    @Test("daily values carry forward; maxAgeDays hides values older than the cap (counted from observed)")
    func carryForwardAndStaleness() {
        let data = FactorDataSet(observations: [
            obs(pufa, "pe_ratio", 20240102, 20240102, 6.0),
            obs(pufa, "pe_ratio", 20240103, 20240103, 6.2),
        ])
        let pit = PointInTimeFactors(data)
        let days = [20240101, 20240102, 20240103, 20240105, 20240110, 20240113, 20240114].map { day(Int32($0)) }
        #expect(same(pit.values(of: "pe_ratio", for: pufa, on: days, vintage: .asPublished),
                     [.nan, 6.0, 6.2, 6.2, 6.2, 6.2, 6.2]))
        #expect(same(pit.values(of: "pe_ratio", for: pufa, on: days, vintage: .asPublished, maxAgeDays: 10),
                     [.nan, 6.0, 6.2, 6.2, 6.2, 6.2, .nan]))  // 01-13 is 10 days after 01-03, 01-14 eleven
        #expect(pit.value(of: "pe_ratio", for: pufa, on: day(20240104), vintage: .asPublished) == 6.2)
        #expect(pit.value(of: "pe_ratio", for: pufa, on: day(20240101), vintage: .asPublished) == nil)
    }

    @Test("aliases resolve through the registry; unknown series give NaN; hasValues and listings")
    func lookups() {
        let data = Self.reports.merging(FactorDataSet(observations: [obs(pingan, "pe_ratio", 20240102, 20240102, 5)]))
        let pit = PointInTimeFactors(data)
        #expect(pit.factors == ["pe_ratio", "roe"])
        #expect(pit.codes == [pingan, pufa])
        #expect(pit.hasValues(of: "pe", for: pingan))
        #expect(!pit.hasValues(of: "pe_ratio", for: pufa))
        #expect(pit.codes(withValuesOf: "roe") == [pufa])
        #expect(same(pit.values(of: "PE", for: pingan, on: [day(20240103)], vintage: .asPublished), [5]))
        #expect(same(pit.values(of: "pb_ratio", for: pingan, on: [day(20240103), day(20240104)], vintage: .asPublished),
                     [.nan, .nan]))
    }

    @Test("days out of order are answered like the same days in order")
    func unorderedDays() {
        let pit = PointInTimeFactors(Self.reports)
        let shuffled = [9, 0, 5, 5, 3, 8, 1, 7, 2, 6, 4].map { Self.days[$0] }
        let values = pit.values(of: "roe", for: pufa, on: shuffled, vintage: .asPublished)
        let ordered = pit.values(of: "roe", for: pufa, on: Self.days, vintage: .asPublished)
        #expect(same(values, [9, 0, 5, 5, 3, 8, 1, 7, 2, 6, 4].map { ordered[$0] }))
    }

    /// The definitions, applied literally to every observation.
    static func reference(_ observations: [FactorObservation], on d: TradingDay, vintage: FactorVintage,
                          maxAgeDays: Int?) -> (value: Double, observed: TradingDay?) {
        let chosen: FactorObservation?
        switch vintage {
        case .asPublished:
            chosen = observations.filter { $0.published <= d }
                .max { ($0.observed, $0.published) < ($1.observed, $1.published) }
        case .latestRevision:
            let period = observations.filter { $0.published <= d }.map(\.observed).max()
            chosen = period.flatMap { p in observations.filter { $0.observed == p }.max { $0.published < $1.published } }
        }
        guard let chosen else { return (.nan, nil) }
        if let maxAgeDays, d.daysSinceEpoch - chosen.observed.daysSinceEpoch > maxAgeDays { return (.nan, chosen.observed) }
        return (chosen.value, chosen.observed)
    }

    @Test("property: on every day, both vintages equal a brute-force reference and nothing is visible before publication",
          arguments: 0..<40)
    func matchesReference(seed: UInt64) {
        var rng = SplitMix(state: seed &* 7919 &+ 1)
        let start = day(20230101)
        var observations: [FactorObservation] = []
        for code in [pufa, pingan] {
            for factor in ["roe", "pe_ratio"] {
                for _ in 0..<Int.random(in: 0...25, using: &rng) {
                    let observed = start.adding(days: Int.random(in: 0...300, using: &rng))
                    let lag = Bool.random(using: &rng) ? 0 : Int.random(in: 0...120, using: &rng)
                    observations.append(FactorObservation(
                        code: code, factor: factor, observed: observed, published: observed.adding(days: lag),
                        value: Double(Int.random(in: -1000...1000, using: &rng)) / 8))
                    if Int.random(in: 0..<3, using: &rng) == 0, var restated = observations.last {  // a later vintage
                        restated.published = restated.published.adding(days: Int.random(in: 1...200, using: &rng))
                        restated.value += 1000
                        observations.append(restated)
                    }
                }
            }
        }
        let data = FactorDataSet(observations: observations)
        let pit = PointInTimeFactors(data)
        let days = (0..<460).map { start.adding(days: $0 - 10) }
        let maxAge: Int? = seed % 3 == 0 ? nil : Int(seed % 90) + 1
        var shown = 0, differing = 0
        for code in [pufa, pingan] {
            for factor in ["roe", "pe_ratio"] {
                let series = data.observations.filter { $0.code == code && $0.factor == factor }
                for vintage in FactorVintage.allCases {
                    let served = pit.values(of: factor, for: code, on: days, vintage: vintage, maxAgeDays: maxAge)
                    shown += served.filter { !$0.isNaN }.count
                    if vintage == .latestRevision {
                        let published = pit.values(of: factor, for: code, on: days, vintage: .asPublished, maxAgeDays: maxAge)
                        differing += zip(served, published).filter { !same([$0], [$1]) }.count
                    }
                    for (d, value) in zip(days, served) {
                        let expected = Self.reference(series, on: d, vintage: vintage, maxAgeDays: maxAge)
                        #expect(same([value], [expected.value]), "\(code) \(factor) \(vintage) \(d)")
                        guard !value.isNaN else { continue }
                        // No look-ahead: the value belongs to a period published by d, and as
                        // published, to an observation published by d.
                        let period = series.filter { $0.observed == expected.observed }
                        #expect(period.contains { $0.published <= d })
                        if vintage == .asPublished {
                            #expect(series.contains { $0.published <= d && $0.value == value })
                        }
                    }
                }
            }
        }
        // The generator is not vacuous: values are shown, and restatements make the vintages differ.
        #expect(shown > 0 || observations.isEmpty)
        if seed == 1 { #expect(differing > 0) }
    }
}
