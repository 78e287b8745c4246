import Foundation

/// The ids the store hands out per UTC day: `<kind>_YYYYMMDD_NNN` (`config_20240107_001`,
/// `batch_20240107_001`, `bt_20240107_001`), the sequence at least three digits. Both the
/// factor-config and the task repositories allocate the sequence in the insert's transaction.
enum DailyIdentifier {
    /// `<kind>_<day>_<sequence>`, the sequence zero-padded to three digits.
    static func make(kind: String, day: Int, sequence: Int) -> String {
        let digits = String(sequence)
        return "\(kind)_\(day)_" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// `date`'s UTC calendar day as yyyymmdd.
    static func utcDay(_ date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return c.year! * 10_000 + c.month! * 100 + c.day!
    }
}
