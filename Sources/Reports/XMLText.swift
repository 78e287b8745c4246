/// Text made safe for XML 1.0 element content and attribute values.
enum XMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, and drops the characters XML 1.0 cannot hold at all
    /// (C0 controls other than tab, LF and CR, and U+FFFE/U+FFFF): escaping cannot save them
    /// (`&#1;` is not well-formed either), and Excel refuses a workbook that contains one.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
