import Testing
import HuiceCore
@testable import Charts

@Suite("SVG text and number formatting")
struct FormattingTests {
    @Test("numbers print with at most two decimals, no trailing zeros, no negative zero")
    func numbers() {
        #expect(SVGBuilder.number(1.5) == "1.5")
        #expect(SVGBuilder.number(2.004) == "2")
        #expect(SVGBuilder.number(2.005000001) == "2.01")
        #expect(SVGBuilder.number(-0.001) == "0")
        #expect(SVGBuilder.number(-12.3456) == "-12.35")
        #expect(SVGBuilder.number(0.07) == "0.07")
        #expect(SVGBuilder.number(100) == "100")
        #expect(SVGBuilder.number(.nan) == "0")
    }

    @Test("text is escaped")
    func escaping() {
        #expect(SVGBuilder.escaped("a<b & c>\"d'") == "a&lt;b &amp; c&gt;&quot;d&#39;")
        #expect(SVGBuilder.escaped("贵州茅台") == "贵州茅台")
    }

    @Test("axis values: decimals by step, percentages, thousands separators for money")
    func values() {
        #expect(ValueFormat.number.string(40, step: 20) == "40")
        #expect(ValueFormat.number.string(2.5, step: 0.5) == "2.5")
        #expect(ValueFormat.percent.string(-0.25, step: 0.05) == "-25%")
        #expect(ValueFormat.percent.string(0.025, step: 0.005) == "2.5%")
        #expect(ValueFormat.money.string(1_234_567, step: 500_000) == "1,234,567")
        #expect(ValueFormat.fixed(-1234.5, decimals: 2, grouped: true) == "-1,234.50")
        #expect(ValueFormat.fixed(999, decimals: 0, grouped: true) == "999")
    }

    @Test("dates print as yyyy-mm over spans longer than half a year, else yyyy-mm-dd")
    func dates() {
        let a = TradingDay(yyyymmdd: 20240102)!, b = TradingDay(yyyymmdd: 20240628)!, c = TradingDay(yyyymmdd: 20240705)!
        #expect(!ValueFormat.labelsByMonth(from: a, to: b))
        #expect(ValueFormat.labelsByMonth(from: a, to: c))
        #expect(ValueFormat.date(a, monthly: true) == "2024-01")
        #expect(ValueFormat.date(a, monthly: false) == "2024-01-02")
    }

    @Test("legend widths count a Chinese character as a full em, a Latin one as 6.5")
    func legendWidths() {
        #expect(SVGBuilder.estimatedWidth("AB") == 13)
        #expect(SVGBuilder.estimatedWidth("策略权益") == 44)
        #expect(SVGBuilder.estimatedWidth("基准 1") == 35)  // 11 + 11 + 6.5 + 6.5
    }
}
