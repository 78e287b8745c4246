import HuiceCore
import MarketData

/// The text `huice import` prints: per stock its bars and date range, the reference tables, and
/// every skipped file and row with its reason.
public enum ImportSummary {
    public static func render(_ result: ImportResult) -> String {
        let data = result.data
        var lines: [String] = []
        lines.append("Imported \(result.report.files.count) file(s): \(data.series.count) instrument(s), \(data.barCount) bar(s)")
        for code in data.codes {
            guard let series = data.series[code], let first = series.firstTime, let last = series.lastTime else { continue }
            let info = data.instrument(code)
            let name = info.name.isEmpty ? "" : " \(info.name)"
            lines.append("  \(code)\(name) [\(info.board.rawValue)]  \(series.count) bars  \(first) … \(last)")
        }
        if let calendar = data.calendar, let first = calendar.first, let last = calendar.last {
            lines.append("Calendar: \(calendar.count) trading days \(first) … \(last)")
        }
        if !data.instruments.isEmpty { lines.append("Instrument list: \(data.instruments.count) instruments") }
        if !data.adjustments.isEmpty { lines.append("Adjustment factors: \(data.adjustments.count) stocks") }
        if !data.limits.isEmpty { lines.append("Limit list: \(data.limits.count) entries") }
        if !data.suspensions.isEmpty { lines.append("Suspensions: \(data.suspensions.count) stock-days") }
        for skipped in result.report.skippedFiles { lines.append("Skipped file \(skipped.file): \(skipped.reason)") }
        for row in result.report.skippedRows { lines.append("Skipped row \(row)") }
        return lines.joined(separator: "\n")
    }
}
