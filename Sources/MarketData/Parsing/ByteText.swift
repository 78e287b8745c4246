import HuiceCore

/// Small parsers over byte slices: dates, times, text. They accept what the vendors write and
/// nothing looser, so a malformed cell becomes a located error instead of a guess.
enum ByteText {
    /// Offset just past a leading UTF-8 byte-order mark, which Windows tools (and akshare
    /// exports saved through Excel) put first; 0 when there is none.
    static func bodyStart(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Decodes a cell as UTF-8 (invalid bytes become U+FFFD), undoubling `""` inside quoted text.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        return text.contains("\"\"") ? text.replacingDoubledQuotes() : text
    }

    /// Parses `20240105`, `2024-01-05` or `2024/01/05`, optionally followed by a time of day
    /// (` 09:31`, ` 09:31:00`, `T09:31:00`, fractional seconds dropped). Nil for anything else.
    @inline(__always)
    static func barTime(_ cell: UnsafeBufferPointer<UInt8>) -> BarTime? {
        guard let (day, next) = dayPrefix(cell) else { return nil }
        if next == cell.count { return BarTime(day: day) }
        let separator = cell[next]
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "T") else { return nil }
        var parts = (0, 0, 0)
        var partIndex = 0
        var digits = 0
        var i = next + 1
        while i < cell.count {
            let byte = cell[i]
            if byte >= 48 && byte <= 57 {
                guard digits < 2 else { return nil }
                let value = Int(byte - 48)
                switch partIndex {
                case 0: parts.0 = parts.0 * 10 + value
                case 1: parts.1 = parts.1 * 10 + value
                default: parts.2 = parts.2 * 10 + value
                }
                digits += 1
            } else if byte == UInt8(ascii: ":") {
                guard digits > 0, partIndex < 2 else { return nil }
                partIndex += 1
                digits = 0
            } else if byte == UInt8(ascii: ".") && partIndex == 2 {
                break  // fractional seconds
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, partIndex >= 1 else { return nil }
        guard parts.0 < 24, parts.1 < 60, parts.2 < 60 else { return nil }
        return BarTime(day: day, hour: parts.0, minute: parts.1, second: parts.2)
    }

    /// Parses a whole cell as a date (no time part).
    @inline(__always)
    static func day(_ cell: UnsafeBufferPointer<UInt8>) -> TradingDay? {
        guard let (day, next) = dayPrefix(cell), next == cell.count else { return nil }
        return day
    }

    /// A date at the start of `cell` and the offset after it.
    @inline(__always)
    private static func dayPrefix(_ cell: UnsafeBufferPointer<UInt8>) -> (TradingDay, Int)? {
        let n = cell.count
        guard n >= 8 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int32? {
            let b = cell[i]
            return b >= 48 && b <= 57 ? Int32(b - 48) : nil
        }
        guard let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3) else { return nil }
        let year = ((y0 * 10 + y1) * 10 + y2) * 10 + y3
        let month: Int32, dayOfMonth: Int32, next: Int
        let fifth = cell[4]
        if fifth == UInt8(ascii: "-") || fifth == UInt8(ascii: "/") {
            guard n >= 10, cell[7] == fifth, let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9)
            else { return nil }
            month = m0 * 10 + m1
            dayOfMonth = d0 * 10 + d1
            next = 10
        } else {
            guard let m0 = digit(4), let m1 = digit(5), let d0 = digit(6), let d1 = digit(7) else { return nil }
            month = m0 * 10 + m1
            dayOfMonth = d0 * 10 + d1
            next = 8
        }
        guard let day = TradingDay(yyyymmdd: year * 10_000 + month * 100 + dayOfMonth) else { return nil }
        return (day, next)
    }

    /// A short, printable quotation of a cell for error messages.
    static func quoted(_ cell: UnsafeBufferPointer<UInt8>) -> String {
        if cell.isEmpty { return "empty cell" }
        let text = String(decoding: cell.prefix(40), as: UTF8.self)
        return "'\(text)\(cell.count > 40 ? "…" : "")'"
    }
}

extension String {
    fileprivate func replacingDoubledQuotes() -> String {
        var result = ""
        var previousWasQuote = false
        for character in self {
            if character == "\"" && previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = character == "\""
            result.append(character)
        }
        return result
    }
}
