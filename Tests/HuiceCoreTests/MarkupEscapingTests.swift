import HuiceCore
import Testing

@Suite("Markup escaping")
struct MarkupEscapingTests {
    @Test("the five special characters become entities; tab, LF, CR stay; other C0 controls and U+FFFF go")
    func escaping() {
        #expect(MarkupEscaping.escaped(#"a<b & c>"d'"#) == "a&lt;b &amp; c&gt;&quot;d&#39;")
        #expect(MarkupEscaping.escaped("x\t\n\r\u{01}y\u{FFFF}招商") == "x\t\n\ry招商")
        #expect(MarkupEscaping.escaped("plain 文本") == "plain 文本")
    }
}
