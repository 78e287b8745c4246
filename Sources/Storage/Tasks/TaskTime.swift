import Factors
import Foundation

/// The two time forms of the task tables.
enum TaskTime {
    /// `2024-01-07T10:00:00Z` (whole seconds, UTC), as factor configs and the API show times.
    static func text(_ date: Date) -> String {
        FactorConfigTimestamp.format(FactorConfigTimestamp.truncated(date))
    }

    static func date(text: String, column: String) throws -> Date {
        guard let date = FactorConfigTimestamp.parse(text) else {
            throw StorageError(table: BacktestTaskTable.tasks, reason: "unreadable time '\(text)' in \(column)")
        }
        return date
    }

    /// Milliseconds since 1970 (the queue compares these: lease expiry, retry backoff).
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
