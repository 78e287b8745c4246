import Testing
import HuiceCore
import MarketData
@testable import Factors

/// Every indicator in the 通达信 style against `tdx_reference.csv`, an independent pandas
/// implementation of the TDX formulas (ewm for EMA/SMA, rolling windows), on real bars and on the
/// edge-case series.
@Suite("TDX style: values equal an independent implementation of the TDX formulas")
struct TDXReferenceTests {
    static let fixture = ReferenceFixture.tdx

    @Test("each output within 1e-9 of the reference, undefined exactly where it is",
          arguments: ReferenceFixture.tdx.specs)
    func matchesReference(_ spec: IndicatorSpec) {
        for series in Self.fixture.series {
            let outputs = series.bars.withView { IndicatorCalculator.compute(spec, style: .tdx, bars: $0) }
            for (name, values) in zip(spec.outputNames, outputs) {
                let header = "\(TALibReferenceTests.headerSpec(spec, in: Self.fixture))|\(name)"
                let expected = try! #require(series.expected[header], "no column \(header)")
                let problems = disagreements(values, expected)
                #expect(problems.isEmpty, "\(series.name) \(header): \(problems.joined(separator: "; "))")
            }
        }
    }
}
