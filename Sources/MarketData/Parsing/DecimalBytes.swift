import HuiceCore

/// The import path's number parser: plain decimals (`-12.345`, `1234`, `.5`) in one tight loop,
/// anything else (exponents, very long digit strings, junk) through `FixedPointParser.parse`,
/// which defines the result. Both give the same value for every input (a test checks it); this
/// one exists because a bar file is mostly numbers and the general parser's bookkeeping showed
/// up as a fifth of the load time.
enum DecimalBytes {
    /// `cell × 10^scale` rounded half-up (away from zero), or nil when the cell is not a number.
    @inline(__always)
    static func parse(_ cell: UnsafeBufferPointer<UInt8>, scale: Int) -> Int64? {
        let count = cell.count
        guard count > 0, count <= 20, let p = cell.baseAddress else {
            return FixedPointParser.parse(cell, scale: scale)
        }
        var i = 0
        var negative = false
        if p[0] == UInt8(ascii: "-") || p[0] == UInt8(ascii: "+") {
            negative = p[0] == UInt8(ascii: "-")
            i = 1
        }
        var value: Int64 = 0
        var digits = 0
        while i < count {
            let d = p[i] &- 48
            guard d < 10 else { break }
            value = value &* 10 &+ Int64(d)
            digits += 1
            i += 1
        }
        var fraction = 0
        var roundsUp = false
        if i < count && p[i] == UInt8(ascii: ".") {
            i += 1
            while i < count {
                let d = p[i] &- 48
                guard d < 10 else { break }
                if fraction < scale {
                    value = value &* 10 &+ Int64(d)
                    digits += 1
                } else if fraction == scale {
                    roundsUp = d >= 5  // half-up looks at the first dropped digit only
                }
                fraction += 1
                i += 1
            }
        }
        let padding = scale - min(fraction, scale)
        // Anything unusual (exponent, junk, no digits, risk of overflow) goes the general way.
        guard i == count, digits > 0, digits + padding <= 17 else { return FixedPointParser.parse(cell, scale: scale) }
        for _ in 0..<padding { value *= 10 }
        if roundsUp { value += 1 }
        return negative ? -value : value
    }
}
