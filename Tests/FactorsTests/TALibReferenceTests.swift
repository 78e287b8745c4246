import Testing
import HuiceCore
import MarketData
@testable import Factors

/// Every indicator in the TA-Lib style against `talib_reference.csv` (TA-Lib's own outputs, and
/// pandas for the two indicators TA-Lib lacks), on real bars and on the edge-case series.
@Suite("TA-Lib style: values equal TA-Lib's")
struct TALibReferenceTests {
    static let fixture = ReferenceFixture.talib

    @Test("each output within 1e-9 of TA-Lib, undefined exactly where TA-Lib outputs nothing",
          arguments: ReferenceFixture.talib.specs)
    func matchesReference(_ spec: IndicatorSpec) {
        for series in Self.fixture.series {
            let outputs = series.bars.withView { IndicatorCalculator.compute(spec, style: .talib, bars: $0) }
            #expect(outputs.count == spec.outputNames.count)
            for (name, values) in zip(spec.outputNames, outputs) {
                let header = "\(Self.headerSpec(spec, in: Self.fixture))|\(name)"
                let expected = try! #require(series.expected[header], "no column \(header)")
                let problems = disagreements(values, expected)
                #expect(problems.isEmpty, "\(series.name) \(header): \(problems.joined(separator: "; "))")
            }
        }
    }

    /// TA-Lib's columns are reproduced bit for bit, not just within tolerance: the kernels copy
    /// TA-Lib's operation order, fused multiply-adds and zero tests. (Only the pandas volatility,
    /// whose rolling deviation is an online update, is compared within tolerance alone.)
    @Test("TA-Lib's columns are reproduced bit for bit", arguments: ReferenceFixture.talib.specs)
    func bitIdentical(_ spec: IndicatorSpec) {
        if case .volatility = spec.kind { return }
        for series in Self.fixture.series {
            let outputs = series.bars.withView { IndicatorCalculator.compute(spec, style: .talib, bars: $0) }
            for (name, values) in zip(spec.outputNames, outputs) {
                let header = "\(Self.headerSpec(spec, in: Self.fixture))|\(name)"
                let rows = bitDifferences(values, series.expected[header] ?? [])
                #expect(rows.isEmpty, "\(series.name) \(header): \(rows.count) rows differ, first \(rows.prefix(3))")
            }
        }
    }

    /// The spec text as the fixture's header spells it (`macd:26:12:9` parses to `macd:12:26:9`).
    static func headerSpec(_ spec: IndicatorSpec, in fixture: ReferenceFixture) -> String {
        fixture.columns.first { $0.spec == spec }!.header.split(separator: "|")[0].description
    }
}
