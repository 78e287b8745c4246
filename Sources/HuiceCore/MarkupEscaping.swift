/// Text made safe for XML 1.0 and HTML: element content and quoted attribute values. One rule for
/// every markup Huice writes (the web pages, the SVG charts, the .xlsx workbook's XML parts).
public enum MarkupEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'` (as `&#39;`, which HTML and XML both read), and drops the
    /// characters XML 1.0 cannot hold at all (C0 controls other than tab, LF and CR, and
    /// U+FFFE/U+FFFF): escaping cannot save them (`&#1;` is not well-formed either), and Excel
    /// refuses a workbook that contains one.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if isForbidden(scalar) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
            || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'": true
        default: isForbidden(scalar)
        }
    }
}
