import HuiceCore

/// Writes SVG markup into one growing string.
///
/// Every number goes through `number(_:)` (at most two decimals, no exponent, no `-0`) and every
/// piece of text through `escaped(_:)`, so the same chart input always gives the same bytes and a
/// title with `<` or `&` in it cannot break the document. Numbers are formatted by hand because
/// `String(format:)` costs a locale lookup per call, and a 2,500-bar K-line writes ~40,000 numbers.
public struct SVGBuilder: Sendable {
    public private(set) var output: String

    public init(capacity: Int = 4_096) {
        output = ""
        output.reserveCapacity(capacity)
    }

    /// Appends raw markup (already escaped).
    public mutating func raw(_ markup: String) { output += markup }

    /// Opens `<name attr="value" …>`; values are escaped.
    public mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        output += "<" + name
        appendAttributes(attributes)
        output += ">"
    }

    public mutating func close(_ name: String) { output += "</" + name + ">" }

    /// A self-closing element `<name … />`.
    public mutating func element(_ name: String, _ attributes: [(String, String)]) {
        output += "<" + name
        appendAttributes(attributes)
        output += "/>"
    }

    /// `<name …>text</name>` with the text escaped.
    public mutating func element(_ name: String, _ attributes: [(String, String)], text: String) {
        open(name, attributes)
        output += SVGBuilder.escaped(text)
        close(name)
    }

    /// A `<title>` tooltip (escaped).
    public mutating func title(_ text: String) { element("title", [], text: text) }

    /// Appends a formatted number.
    public mutating func append(number value: Double) { output += SVGBuilder.number(value) }

    private mutating func appendAttributes(_ attributes: [(String, String)]) {
        for (key, value) in attributes {
            output += " " + key + "=\"" + SVGBuilder.escaped(value) + "\""
        }
    }

    /// `value` with at most two decimals, trailing zeros dropped: 1.5 → "1.5", 2.004 → "2",
    /// −0.001 → "0". Not-finite values (a gap that slipped through) print as "0" so the document
    /// stays valid.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        guard abs(hundredths) < 9e15 else { return String(Int64(value.rounded())) }
        var cents = Int64(hundredths)
        if cents == 0 { return "0" }
        var text = cents < 0 ? "-" : ""
        cents = abs(cents)
        text += String(cents / 100)
        let fraction = cents % 100
        if fraction != 0 {
            text += fraction < 10 ? ".0" : "."
            text += String(fraction % 10 == 0 ? fraction / 10 : fraction)
        }
        return text
    }

    /// Text with the five XML-special characters escaped.
    public static func escaped(_ text: String) -> String {
        MarkupEscaping.escaped(text)
    }
}
