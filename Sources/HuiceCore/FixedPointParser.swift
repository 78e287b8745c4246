/// Exact decimal text ⇄ scaled integer conversion, shared by `Price`, `Money` and the importers.
///
/// Parsing decimal text straight into integers avoids the double rounding of `text → Double →
/// fixed point` and is several times faster than `Double(String)` on the import path.
public enum FixedPointParser {
    /// Parses `[-+]digits[.digits][e[-+]digits]` into `value × 10^scale`, rounding half-up (away
    /// from zero) beyond `scale` decimals. Returns nil for anything else (empty, `nan`, `1,000`, overflow).
    @inlinable
    public static func parse<Bytes: Collection>(_ bytes: Bytes, scale: Int) -> Int64? where Bytes.Element == UInt8 {
        var index = bytes.startIndex
        let end = bytes.endIndex
        guard index != end else { return nil }
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index = bytes.index(after: index)
        }
        // Collect up to 19 significant digits as an integer with a decimal exponent.
        var mantissa: Int64 = 0
        var exponent = 0
        var digits = 0
        var sawDigit = false
        var sawPoint = false
        while index != end {
            let byte = bytes[index]
            if byte >= 48 && byte <= 57 {
                sawDigit = true
                let digit = Int64(byte - 48)
                if digits < 18 {
                    if mantissa != 0 || digit != 0 { digits += 1 }
                    mantissa = mantissa * 10 + digit
                    if sawPoint { exponent -= 1 }
                } else if !sawPoint {
                    exponent += 1  // digits beyond 18 significant ones are dropped (far below a fen)
                }
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            index = bytes.index(after: index)
        }
        guard sawDigit else { return nil }
        if index != end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") else { return nil }
            index = bytes.index(after: index)
            var expNegative = false
            if index != end && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
                expNegative = bytes[index] == UInt8(ascii: "-")
                index = bytes.index(after: index)
            }
            var exp = 0
            var sawExpDigit = false
            while index != end {
                let b = bytes[index]
                guard b >= 48 && b <= 57, exp < 10_000 else { return nil }
                exp = exp * 10 + Int(b - 48)
                sawExpDigit = true
                index = bytes.index(after: index)
            }
            guard sawExpDigit else { return nil }
            exponent += expNegative ? -exp : exp
        }
        // value = mantissa × 10^exponent (+ dropped digits); want value × 10^scale.
        var shift = exponent + scale
        var result = mantissa
        if shift >= 0 {
            while shift > 0 {
                let (m, o) = result.multipliedReportingOverflow(by: 10)
                guard !o else { return nil }
                result = m
                shift -= 1
            }
        } else {
            // Half-up looks at the most significant dropped digit, which is the last one divided off.
            var firstDropped: Int64 = 0
            while shift < 0 {
                firstDropped = result % 10
                result /= 10
                shift += 1
            }
            if firstDropped >= 5 { result += 1 }
        }
        return negative ? -result : result
    }

    /// Formats `value / 10^scale` with trailing zeros trimmed, keeping `minimumFractionDigits`.
    public static func format(_ value: Int64, scale: Int, minimumFractionDigits: Int) -> String {
        var divisor: Int64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let magnitude = value.magnitude
        let whole = magnitude / UInt64(divisor)
        var fraction = magnitude % UInt64(divisor)
        var fractionDigits = scale
        while fractionDigits > minimumFractionDigits && fraction % 10 == 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        var text = value < 0 ? "-" : ""
        text += String(whole)
        if fractionDigits > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: fractionDigits - digits.count) + digits
        }
        return text
    }
}
