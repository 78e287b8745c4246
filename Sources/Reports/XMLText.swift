import HuiceCore

/// Text made safe for XML 1.0 element content and attribute values.
enum XMLText {
    /// `MarkupEscaping.escaped`: the five special characters escaped, XML-forbidden characters dropped.
    static func escaped(_ text: String) -> String {
        MarkupEscaping.escaped(text)
    }
}
