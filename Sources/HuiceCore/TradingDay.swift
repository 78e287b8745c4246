/// A calendar date on which a market may trade, stored as `yyyymmdd` (20240107).
///
/// The integer form sorts like the date, prints like the seed documents' `YYYYMMDD`
/// strings and costs four bytes in the columnar bar arrays.
@frozen
public struct TradingDay: Hashable, Comparable, Sendable {
    public let yyyymmdd: Int32

    /// Creates a day from its `yyyymmdd` form; nil when it is not a real calendar date.
    public init?(yyyymmdd: Int32) {
        let year = yyyymmdd / 10_000, month = (yyyymmdd / 100) % 100, day = yyyymmdd % 100
        guard year >= 1800, year <= 2999, month >= 1, month <= 12, day >= 1,
              day <= TradingDay.daysInMonth(year: Int(year), month: Int(month)) else { return nil }
        self.yyyymmdd = yyyymmdd
    }

    /// A day from a `yyyymmdd` already known to be valid (taken from a validated value).
    @inlinable init(validYYYYMMDD: Int32) { yyyymmdd = validYYYYMMDD }

    public init?(year: Int, month: Int, day: Int) {
        self.init(yyyymmdd: Int32(clamping: year * 10_000 + month * 100 + day))
    }

    /// Parses `20240107`, `2024-01-07`, `2024/01/07` or `2024-01-07 15:00:00` (the time part is ignored).
    public init?(parsing text: some StringProtocol) {
        var digits: Int32 = 0, count = 0
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                guard count < 8 else { break }
                digits = digits * 10 + Int32(byte - 48)
                count += 1
            } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") {
                guard count == 4 || count == 6 else { return nil }
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "T") {
                break
            } else {
                return nil
            }
        }
        guard count == 8 else { return nil }
        self.init(yyyymmdd: digits)
    }

    public var year: Int { Int(yyyymmdd / 10_000) }
    public var month: Int { Int((yyyymmdd / 100) % 100) }
    public var day: Int { Int(yyyymmdd % 100) }

    /// Days since 1970-01-01 (negative before), for calendar arithmetic.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.yyyymmdd = Int32(y * 10_000 + m * 100 + d)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        let w = (daysSinceEpoch + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> TradingDay { TradingDay(daysSinceEpoch: daysSinceEpoch + days) }

    /// `2024-01-07`.
    public var isoString: String {
        let m = month, d = day
        return "\(year)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    public static func < (lhs: TradingDay, rhs: TradingDay) -> Bool { lhs.yyyymmdd < rhs.yyyymmdd }

    static func daysInMonth(year: Int, month: Int) -> Int32 {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension TradingDay: CustomStringConvertible {
    /// `20240107`, the seed documents' `YYYYMMDD`.
    public var description: String { String(yyyymmdd) }
}

extension TradingDay: Codable {
    /// Encodes as the seed's `YYYYMMDD` string; decodes `YYYYMMDD`, `YYYY-MM-DD` or the integer form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int32.self), let day = TradingDay(yyyymmdd: number) {
            self = day
            return
        }
        let text = try container.decode(String.self)
        guard let day = TradingDay(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date (expected YYYYMMDD or YYYY-MM-DD)")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
