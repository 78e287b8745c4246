/// The time stamp of a bar: a trading day plus, for intraday bars, the time of day,
/// stored as the sortable integer `yyyymmddHHMMSS`. Daily bars have time 00:00:00.
@frozen
public struct BarTime: Hashable, Comparable, Sendable {
    public let rawValue: Int64

    public init(day: TradingDay, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        rawValue = Int64(day.yyyymmdd) * 1_000_000 + Int64(hour * 10_000 + minute * 100 + second)
    }

    /// Accepts a raw `yyyymmddHHMMSS` value when its parts are valid.
    public init?(rawValue: Int64) {
        guard let day = TradingDay(yyyymmdd: Int32(clamping: rawValue / 1_000_000)) else { return nil }
        let clock = rawValue % 1_000_000
        let hour = clock / 10_000, minute = (clock / 100) % 100, second = clock % 100
        guard hour < 24, minute < 60, second < 60 else { return nil }
        self.init(day: day, hour: Int(hour), minute: Int(minute), second: Int(second))
    }

    /// Parses `2024-01-07`, `20240107`, `2024-01-07 09:31:00`, `2024-01-07T09:31` or `2024/01/07 09:31`.
    public init?(parsing text: some StringProtocol) {
        guard let day = TradingDay(parsing: text) else { return nil }
        var parts: [Int] = []
        var current = -1
        var inTime = false
        for byte in text.utf8 {
            if !inTime {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "T") { inTime = true }
                continue
            }
            if byte >= 48 && byte <= 57 {
                current = (current < 0 ? 0 : current) * 10 + Int(byte - 48)
            } else if byte == UInt8(ascii: ":") {
                guard current >= 0 else { return nil }
                parts.append(current)
                current = -1
            } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "Z") || byte == UInt8(ascii: "+") {
                break
            } else if byte == UInt8(ascii: ".") {
                break  // fractional seconds are not kept
            } else {
                return nil
            }
        }
        if current >= 0 { parts.append(current) }
        guard parts.count <= 3 else { return nil }
        let hour = parts.count > 0 ? parts[0] : 0
        let minute = parts.count > 1 ? parts[1] : 0
        let second = parts.count > 2 ? parts[2] : 0
        guard hour < 24, minute < 60, second < 60 else { return nil }
        self.init(day: day, hour: hour, minute: minute, second: second)
    }

    /// The day part. Every `BarTime` is built from a valid day, so it needs no checking again.
    @inlinable public var day: TradingDay { TradingDay(validYYYYMMDD: Int32(truncatingIfNeeded: rawValue / 1_000_000)) }
    public var secondsOfDay: Int {
        let clock = Int(rawValue % 1_000_000)
        return (clock / 10_000) * 3600 + ((clock / 100) % 100) * 60 + clock % 100
    }
    public var hasTimeOfDay: Bool { rawValue % 1_000_000 != 0 }

    /// `09:31:00`.
    public var timeString: String {
        let clock = Int(rawValue % 1_000_000)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(two(clock / 10_000)):\(two((clock / 100) % 100)):\(two(clock % 100))"
    }

    public static func < (lhs: BarTime, rhs: BarTime) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension BarTime: CustomStringConvertible {
    /// `20240107` for a daily bar, `20240107 09:31:00` for an intraday one.
    public var description: String { hasTimeOfDay ? "\(day) \(timeString)" : day.description }
}

extension BarTime: Codable {
    /// Encoded as its description (`20240107`, `20240107 09:31:00`); decoded from any form
    /// `init(parsing:)` accepts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = BarTime(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a time")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
