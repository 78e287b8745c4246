import Factors
import Foundation

/// Times and durations as the API shows them.
enum ServiceTime {
    /// `2024-01-07T10:00:00Z`.
    static func text(_ date: Date) -> String {
        FactorConfigTimestamp.format(FactorConfigTimestamp.truncated(date))
    }

    /// `45秒`, `28分钟`, `1小时5分钟` (seed 000's task-list `duration`).
    static func duration(seconds: Int) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(s)秒" }
        if s < 3600 { return "\((s + 30) / 60)分钟" }
        let minutes = (s + 30) / 60
        return minutes % 60 == 0 ? "\(minutes / 60)小时" : "\(minutes / 60)小时\(minutes % 60)分钟"
    }

    /// `约45秒`, `约2分钟` (an estimate: minutes rounded up).
    static func estimate(seconds: Int) -> String {
        let s = max(1, seconds)
        if s < 60 { return "约\(s)秒" }
        let minutes = (s + 59) / 60
        if minutes < 60 { return "约\(minutes)分钟" }
        return minutes % 60 == 0 ? "约\(minutes / 60)小时" : "约\(minutes / 60)小时\(minutes % 60)分钟"
    }
}
