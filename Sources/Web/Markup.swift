import HuiceCore

/// HTML that is safe to insert into a page: literal template text, escaped strings and other
/// markup. Interpolating a `String` escapes it, so text from a request or the store cannot become
/// markup by an omission; only `Markup(trusted:)` skips escaping (SVG from `Charts`, which
/// escapes its own text).
public struct Markup: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var html: String

    public init(trusted html: String) { self.html = html }
    public init(stringLiteral value: String) { html = value }
    public init(stringInterpolation: Interpolation) { html = stringInterpolation.html }

    public var description: String { html }

    public struct Interpolation: StringInterpolationProtocol {
        var html = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            html.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { html += literal }
        /// Text: always escaped.
        public mutating func appendInterpolation(_ text: String) { html += Markup.escape(text) }
        public mutating func appendInterpolation(_ markup: Markup) { html += markup.html }
        public mutating func appendInterpolation(_ parts: [Markup]) { for part in parts { html += part.html } }
        public mutating func appendInterpolation(_ value: Int) { html += String(value) }
    }

    /// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        MarkupEscaping.escaped(text)
    }

    public static func + (lhs: Markup, rhs: Markup) -> Markup { Markup(trusted: lhs.html + rhs.html) }
}
