import Testing
import HuiceCore
import MarketData
@testable import Factors

/// The streaming path (`IndicatorStream`, one bar at a time) and the vectorized path
/// (`IndicatorCalculator`) run the same step function, so they must agree to the bit, for every
/// indicator, in both styles, on real and edge-case bars.
@Suite("Streaming and vectorized indicators are bit-identical")
struct StreamingIdentityTests {
    /// Every spec of both fixtures (the fixtures' bars serve as the data).
    static let specs: [IndicatorSpec] = {
        var seen = Set<IndicatorSpec>()
        return (ReferenceFixture.talib.specs + ReferenceFixture.tdx.specs).filter { seen.insert($0).inserted }
    }()

    static var cases: [(IndicatorSpec, IndicatorStyle)] {
        specs.flatMap { spec in IndicatorStyle.allCases.map { (spec, $0) } }
    }

    @Test("bar-by-bar updates give the vectorized values bit for bit", arguments: cases)
    func streamEqualsVectorized(_ spec: IndicatorSpec, _ style: IndicatorStyle) {
        for series in ReferenceFixture.talib.series {
            series.bars.withView { bars in
                let vectorized = IndicatorCalculator.compute(spec, style: style, bars: bars)
                var stream = IndicatorStream(spec, style: style)
                var streamed = [[Double]](repeating: [], count: vectorized.count)
                for i in 0..<bars.count {
                    let values = stream.update(IndicatorBar(bars, at: i))
                    #expect(values.count == vectorized.count)
                    for j in values.indices { streamed[j].append(values[j]) }
                }
                for (j, name) in spec.outputNames.enumerated() {
                    let rows = bitDifferences(streamed[j], vectorized[j])
                    #expect(rows.isEmpty, "\(series.name) \(name): rows \(rows.prefix(5)) differ")
                }
            }
        }
    }

    @Test("values are causal: a prefix of the bars gives the prefix of the values", arguments: cases)
    func causal(_ spec: IndicatorSpec, _ style: IndicatorStyle) {
        let bars = ReferenceFixture.talib.series[0].bars
        let cut = 400
        let full = bars.withView { IndicatorCalculator.compute(spec, style: style, bars: $0) }
        let prefix = bars.keeping(0..<cut).withView { IndicatorCalculator.compute(spec, style: style, bars: $0) }
        for j in full.indices {
            #expect(bitDifferences(prefix[j], Array(full[j][0..<cut])).isEmpty, "\(spec.outputNames[j])")
        }
    }

    @Test("a state's kernel continues from where its stream stopped")
    func kernelContinuesState() {
        let closes = ReferenceFixture.talib.series[0].bars.close.map(\.doubleValue)
        var state = WMA(period: 10)
        var streamed: [Double] = []
        for x in closes[..<300] { streamed.append(state.update(x)) }
        let rest = state.values(Array(closes[300...]))
        let whole = WMA(period: 10).values(closes)
        #expect(bitDifferences(streamed + rest, whole).isEmpty)
    }
}
